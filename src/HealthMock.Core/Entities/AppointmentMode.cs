using System.Runtime.Serialization;

namespace HealthMock;

/// <summary>How an appointment takes place.</summary>
public enum AppointmentMode
{
    /// <summary>At the clinic.</summary>
    [EnumMember(Value = "in_person")]
    InPerson,

    /// <summary>By video or telephone.</summary>
    [EnumMember(Value = "telehealth")]
    Telehealth,
}

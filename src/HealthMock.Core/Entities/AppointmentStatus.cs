using System.Runtime.Serialization;

namespace HealthMock;

/// <summary>Where an appointment stands.</summary>
public enum AppointmentStatus
{
    /// <summary>Booked, not yet confirmed.</summary>
    [EnumMember(Value = "scheduled")]
    Scheduled,

    /// <summary>Booked and confirmed by the patient.</summary>
    [EnumMember(Value = "confirmed")]
    Confirmed,

    /// <summary>Took place.</summary>
    [EnumMember(Value = "completed")]
    Completed,

    /// <summary>Canceled before it took place.</summary>
    [EnumMember(Value = "canceled")]
    Canceled,

    /// <summary>The patient did not come.</summary>
    [EnumMember(Value = "no-show")]
    NoShow,
}

using System.Runtime.Serialization;

namespace HealthMock;

/// <summary>How a patient prefers the clinic to reach them.</summary>
public enum ContactMethod
{
    /// <summary>By email.</summary>
    [EnumMember(Value = "email")]
    Email,

    /// <summary>By telephone call.</summary>
    [EnumMember(Value = "phone")]
    Phone,

    /// <summary>By text message.</summary>
    [EnumMember(Value = "SMS")]
    Sms,
}

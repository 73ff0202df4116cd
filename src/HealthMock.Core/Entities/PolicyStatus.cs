using System.Runtime.Serialization;

namespace HealthMock;

/// <summary>Whether a policy is in force at the reference date.</summary>
public enum PolicyStatus
{
    /// <summary>In force at the reference date.</summary>
    [EnumMember(Value = "active")]
    Active,

    /// <summary>Ended before the reference date.</summary>
    [EnumMember(Value = "expired")]
    Expired,

    /// <summary>Starts after the reference date.</summary>
    [EnumMember(Value = "pending")]
    Pending,
}

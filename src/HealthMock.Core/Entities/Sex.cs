using System.Runtime.Serialization;

namespace HealthMock;

/// <summary>A patient's sex as recorded for administrative purposes.</summary>
public enum Sex
{
    /// <summary>Female.</summary>
    [EnumMember(Value = "female")]
    Female,

    /// <summary>Male.</summary>
    [EnumMember(Value = "male")]
    Male,

    /// <summary>Another sex than female or male.</summary>
    [EnumMember(Value = "other")]
    Other,

    /// <summary>Not recorded.</summary>
    [EnumMember(Value = "unknown")]
    Unknown,
}

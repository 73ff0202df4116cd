using System.Runtime.Serialization;

namespace HealthMock;

/// <summary>The categories a policy sets copays for; every appointment falls in one.</summary>
public enum VisitCategory
{
    /// <summary>A visit with a primary care provider.</summary>
    [EnumMember(Value = "primary_care")]
    PrimaryCare,

    /// <summary>A visit with a specialist.</summary>
    [EnumMember(Value = "specialist")]
    Specialist,

    /// <summary>An urgent care visit.</summary>
    [EnumMember(Value = "urgent_care")]
    UrgentCare,

    /// <summary>A telehealth visit.</summary>
    [EnumMember(Value = "telehealth")]
    Telehealth,

    /// <summary>An emergency visit.</summary>
    [EnumMember(Value = "emergency")]
    Emergency,
}

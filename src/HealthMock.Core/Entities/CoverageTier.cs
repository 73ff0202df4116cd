using System.Runtime.Serialization;

namespace HealthMock;

/// <summary>Who a policy covers.</summary>
public enum CoverageTier
{
    /// <summary>The subscriber alone.</summary>
    [EnumMember(Value = "individual")]
    Individual,

    /// <summary>The subscriber and a spouse.</summary>
    [EnumMember(Value = "employee_plus_spouse")]
    EmployeePlusSpouse,

    /// <summary>The subscriber and family.</summary>
    [EnumMember(Value = "family")]
    Family,
}

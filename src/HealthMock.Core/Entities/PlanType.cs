namespace HealthMock;

/// <summary>The kind of health plan.</summary>
public enum PlanType
{
    /// <summary>Health maintenance organization.</summary>
    HMO,

    /// <summary>Preferred provider organization.</summary>
    PPO,

    /// <summary>Exclusive provider organization.</summary>
    EPO,

    /// <summary>Point of service.</summary>
    POS,

    /// <summary>High-deductible health plan.</summary>
    HDHP,

    /// <summary>Medicare.</summary>
    Medicare,

    /// <summary>Medicaid.</summary>
    Medicaid,
}

using System;

namespace HealthMock.Api;

/// <summary>
/// The allowed amount of one visit in each category: the price the plan recognises for the visit, which the
/// patient and the plan share. The defaults are round mock figures, not real fee schedules.
/// </summary>
/// <remarks>
/// Defaults: primary care 150.00, specialist 275.00, urgent care 200.00, telehealth 90.00, emergency 1,200.00.
/// </remarks>
public sealed class VisitCostTable
{
    /// <summary>The default table.</summary>
    public static VisitCostTable Default { get; } = new VisitCostTable();

    /// <summary>The allowed amount of a primary care visit.</summary>
    public decimal PrimaryCare { get; set; } = 150m;

    /// <summary>The allowed amount of a specialist visit.</summary>
    public decimal Specialist { get; set; } = 275m;

    /// <summary>The allowed amount of an urgent care visit.</summary>
    public decimal UrgentCare { get; set; } = 200m;

    /// <summary>The allowed amount of a telehealth visit.</summary>
    public decimal Telehealth { get; set; } = 90m;

    /// <summary>The allowed amount of an emergency visit.</summary>
    public decimal Emergency { get; set; } = 1200m;

    /// <summary>The allowed amount for one visit category.</summary>
    public decimal For(VisitCategory category) => category switch
    {
        VisitCategory.PrimaryCare => PrimaryCare,
        VisitCategory.Specialist => Specialist,
        VisitCategory.UrgentCare => UrgentCare,
        VisitCategory.Telehealth => Telehealth,
        VisitCategory.Emergency => Emergency,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Expected a visit category."),
    };
}

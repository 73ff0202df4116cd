using System.Globalization;

namespace HealthMock;

/// <summary>A policy's copay, in dollars, for each visit category.</summary>
public sealed class Copays
{
    /// <summary>Primary care visit copay.</summary>
    public decimal PrimaryCare { get; set; }

    /// <summary>Specialist visit copay.</summary>
    public decimal Specialist { get; set; }

    /// <summary>Urgent care visit copay.</summary>
    public decimal UrgentCare { get; set; }

    /// <summary>Telehealth visit copay.</summary>
    public decimal Telehealth { get; set; }

    /// <summary>Emergency visit copay.</summary>
    public decimal Emergency { get; set; }

    /// <summary>The copay for one visit category.</summary>
    public decimal For(VisitCategory category) => category switch
    {
        VisitCategory.PrimaryCare => PrimaryCare,
        VisitCategory.Specialist => Specialist,
        VisitCategory.UrgentCare => UrgentCare,
        VisitCategory.Telehealth => Telehealth,
        _ => Emergency,
    };

    /// <summary>
    /// The copays in dollars in one line, such as "primary care 25, specialist 50, urgent care 75, telehealth 15,
    /// emergency 250", formatted with the invariant culture.
    /// </summary>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "primary care {0:0.##}, specialist {1:0.##}, urgent care {2:0.##}, telehealth {3:0.##}, emergency {4:0.##}",
        PrimaryCare,
        Specialist,
        UrgentCare,
        Telehealth,
        Emergency);
}

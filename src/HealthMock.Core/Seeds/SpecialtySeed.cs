using System.Collections.Generic;
using System.Linq;

namespace HealthMock.Seeds;

/// <summary>
/// A medical specialty from the seeds: whether it is primary care, the patients it sees, the category its visits
/// are billed in, and the appointment types and visit reasons it offers.
/// </summary>
public sealed class SpecialtySeed
{
    private static readonly int[] PreferredSlotLengths = { 15, 20, 30 };

    /// <summary>Creates a specialty; <paramref name="appointmentTypes"/> must not be empty.</summary>
    public SpecialtySeed(string name, string slug, bool isPrimaryCare, int minAge, int maxAge, Sex? sex,
        VisitCategory visitCategory, double weight, IReadOnlyList<string> clinicWords,
        IReadOnlyList<AppointmentTypeSeed> appointmentTypes, IReadOnlyList<string> visitReasons)
    {
        Name = name;
        Slug = slug;
        IsPrimaryCare = isPrimaryCare;
        MinAge = minAge;
        MaxAge = maxAge;
        Sex = sex;
        VisitCategory = visitCategory;
        Weight = weight;
        ClinicWords = clinicWords;
        AppointmentTypes = appointmentTypes;
        VisitReasons = visitReasons;
        ShortestAppointmentMinutes = appointmentTypes.Min(t => t.DurationMinutes);
        SlotLengths = SlotLengthsFor(appointmentTypes.Select(t => t.DurationMinutes).ToArray());
    }

    /// <summary>The specialty's name, such as Family Medicine; providers carry it as their specialty.</summary>
    public string Name { get; }

    /// <summary>The lower-case ASCII form used in provider ids, such as family_medicine.</summary>
    public string Slug { get; }

    /// <summary>Whether a patient's primary care provider may come from this specialty.</summary>
    public bool IsPrimaryCare { get; }

    /// <summary>The youngest patient age, in whole years, that the specialty sees.</summary>
    public int MinAge { get; }

    /// <summary>The oldest patient age, in whole years, that the specialty sees.</summary>
    public int MaxAge { get; }

    /// <summary>The one sex the specialty is limited to, or null when it sees both.</summary>
    public Sex? Sex { get; }

    /// <summary>The category the specialty's visits are billed in, unless an appointment type says otherwise.</summary>
    public VisitCategory VisitCategory { get; }

    /// <summary>How often the specialty is drawn relative to the others of its group (primary care or not).</summary>
    public double Weight { get; }

    /// <summary>Words that name the specialty in clinic names, such as Heart or Cardiology.</summary>
    public IReadOnlyList<string> ClinicWords { get; }

    /// <summary>The appointment types the specialty offers, at least one.</summary>
    public IReadOnlyList<AppointmentTypeSeed> AppointmentTypes { get; }

    /// <summary>Reasons for a visit, used by appointment types that list none of their own.</summary>
    public IReadOnlyList<string> VisitReasons { get; }

    /// <summary>The duration of the specialty's shortest appointment type, in minutes.</summary>
    public int ShortestAppointmentMinutes { get; }

    /// <summary>
    /// The slot lengths, in minutes, that divide the duration of every appointment type, so each appointment fills
    /// whole slots: those of 15, 20 and 30 that do, else the greatest common divisor of the durations.
    /// </summary>
    public IReadOnlyList<int> SlotLengths { get; }

    /// <summary>Whether the specialty sees patients of this age.</summary>
    public bool Serves(int age) => age >= MinAge && age <= MaxAge;

    /// <summary>
    /// Whether the specialty sees a patient of this age and sex. A specialty limited to one sex still sees patients
    /// whose sex is recorded as other or unknown.
    /// </summary>
    public bool Serves(int age, Sex sex) =>
        Serves(age) && (Sex is null || sex == Sex || sex == HealthMock.Sex.Other || sex == HealthMock.Sex.Unknown);

    /// <summary>Returns the name.</summary>
    public override string ToString() => Name;

    private static int[] SlotLengthsFor(int[] durations)
    {
        var fitting = PreferredSlotLengths.Where(slot => durations.All(d => d % slot == 0)).ToArray();
        if (fitting.Length > 0)
        {
            return fitting;
        }

        var divisor = durations[0];
        foreach (var duration in durations)
        {
            var a = divisor;
            var b = duration;
            while (b != 0)
            {
                (a, b) = (b, a % b);
            }

            divisor = a;
        }

        return new[] { divisor };
    }
}

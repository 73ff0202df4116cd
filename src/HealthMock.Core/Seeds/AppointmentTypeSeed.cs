using System.Collections.Generic;
using System.Linq;

namespace HealthMock.Seeds;

/// <summary>
/// An appointment type a specialty offers, such as Follow-up: its length, the modes it may take place in, the
/// patient ages it suits, the category it is billed in and the reasons a patient books it for.
/// </summary>
public sealed class AppointmentTypeSeed
{
    /// <summary>
    /// Creates an appointment type; <paramref name="modes"/> and <paramref name="reasons"/> must not be empty.
    /// </summary>
    public AppointmentTypeSeed(string name, int durationMinutes, IReadOnlyList<AppointmentMode> modes,
        VisitCategory visitCategory, int minAge, int maxAge, IReadOnlyList<string> reasons)
    {
        Name = name;
        DurationMinutes = durationMinutes;
        Modes = modes;
        VisitCategory = visitCategory;
        MinAge = minAge;
        MaxAge = maxAge;
        Reasons = reasons;
    }

    /// <summary>The type's name, such as Routine Check-up; appointments carry it as their type.</summary>
    public string Name { get; }

    /// <summary>The length of the appointment in minutes.</summary>
    public int DurationMinutes { get; }

    /// <summary>The modes the appointment may take place in, at least one.</summary>
    public IReadOnlyList<AppointmentMode> Modes { get; }

    /// <summary>Whether the appointment may take place by telehealth.</summary>
    public bool AllowsTelehealth => Modes.Contains(AppointmentMode.Telehealth);

    /// <summary>Whether the appointment may take place in person.</summary>
    public bool AllowsInPerson => Modes.Contains(AppointmentMode.InPerson);

    /// <summary>The category the appointment is billed in: the type's own, else its specialty's.</summary>
    public VisitCategory VisitCategory { get; }

    /// <summary>The youngest patient age the type suits, within its specialty's ages.</summary>
    public int MinAge { get; }

    /// <summary>The oldest patient age the type suits, within its specialty's ages.</summary>
    public int MaxAge { get; }

    /// <summary>Reasons for booking this type: its own, else its specialty's visit reasons.</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>Whether the type suits a patient of this age.</summary>
    public bool Serves(int age) => age >= MinAge && age <= MaxAge;

    /// <summary>Returns the name.</summary>
    public override string ToString() => Name;
}

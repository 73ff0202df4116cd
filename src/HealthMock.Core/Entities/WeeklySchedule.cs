using System;

namespace HealthMock;

/// <summary>When a provider sees patients: the same hours on each working day, cut into equal slots.</summary>
public sealed class WeeklySchedule
{
    /// <summary>The working days.</summary>
    public DayOfWeek[] Days { get; set; } = Array.Empty<DayOfWeek>();

    /// <summary>The local time the first slot starts.</summary>
    public TimeSpan Start { get; set; }

    /// <summary>The local time the last slot ends.</summary>
    public TimeSpan End { get; set; }

    /// <summary>The length of one slot in minutes.</summary>
    public int SlotMinutes { get; set; }

    /// <summary>Returns a short summary such as "Mon-Fri 08:00-16:00 / 30 min".</summary>
    public override string ToString() =>
        string.Join(",", Array.ConvertAll(Days, d => d.ToString().Substring(0, 3))) + " "
        + Start.ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture) + "-"
        + End.ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture) + " / " + SlotMinutes + " min";
}

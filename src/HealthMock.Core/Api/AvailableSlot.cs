using System;

namespace HealthMock.Api;

/// <summary>A free time with a provider: a start on the provider's schedule and the length it is free for.</summary>
public sealed class AvailableSlot
{
    /// <summary>The provider's id.</summary>
    public string ProviderId { get; set; } = "";

    /// <summary>The start, in the clinic's local time with its UTC offset.</summary>
    public DateTimeOffset Start { get; set; }

    /// <summary>The end of the free time: the start plus <see cref="DurationMinutes"/>.</summary>
    public DateTimeOffset End => Start.AddMinutes(DurationMinutes);

    /// <summary>
    /// The minutes free from the start: the length of <see cref="AppointmentType"/> when one was asked for, else
    /// the provider's slot length.
    /// </summary>
    public int DurationMinutes { get; set; }

    /// <summary>The appointment type the slot was checked for, or null when none was asked for.</summary>
    public string? AppointmentType { get; set; }

    /// <summary>The patient the slot was checked for, or null when none was asked for.</summary>
    public string? PatientId { get; set; }

    /// <summary>Returns the provider and start.</summary>
    public override string ToString() =>
        ProviderId + " " + Start.ToString("yyyy-MM-dd'T'HH:mmzzz", System.Globalization.CultureInfo.InvariantCulture);
}

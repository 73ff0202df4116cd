using System;

namespace HealthMock;

/// <summary>A mock appointment of one patient with one provider.</summary>
public sealed class Appointment
{
    /// <summary>The appointment id, such as apt_000123.</summary>
    public string Id { get; set; } = "";

    /// <summary>The patient's id.</summary>
    public string PatientId { get; set; } = "";

    /// <summary>The provider's id.</summary>
    public string ProviderId { get; set; } = "";

    /// <summary>The visit type, one the provider's specialty offers (for example Follow-up).</summary>
    public string Type { get; set; } = "";

    /// <summary>The visit category that sets the copay.</summary>
    public VisitCategory VisitCategory { get; set; }

    /// <summary>The local start time at the clinic, with its UTC offset.</summary>
    public DateTimeOffset Start { get; set; }

    /// <summary>The length in minutes.</summary>
    public int DurationMinutes { get; set; }

    /// <summary>In person or telehealth.</summary>
    public AppointmentMode Mode { get; set; }

    /// <summary>The reason for the visit.</summary>
    public string Reason { get; set; } = "";

    /// <summary>Where the appointment stands.</summary>
    public AppointmentStatus Status { get; set; }

    /// <summary>Why it was canceled; present exactly when the status is canceled.</summary>
    public string? CancellationReason { get; set; }

    /// <summary>When it was canceled; present exactly when the status is canceled.</summary>
    public DateTimeOffset? CanceledAt { get; set; }

    /// <summary>When it was booked; always before the start.</summary>
    public DateTimeOffset BookedAt { get; set; }

    /// <summary>The copay charged under the patient's policy, or null for a patient without one.</summary>
    public decimal? Copay { get; set; }

    /// <summary>The end time.</summary>
    public DateTimeOffset End => Start.AddMinutes(DurationMinutes);

    /// <summary>Returns the id.</summary>
    public override string ToString() => Id;
}

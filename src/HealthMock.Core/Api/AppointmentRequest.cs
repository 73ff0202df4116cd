namespace HealthMock.Api;

/// <summary>What <see cref="FrontDeskService.ScheduleAppointment"/> is asked to book.</summary>
public sealed class AppointmentRequest
{
    /// <summary>The patient's id.</summary>
    public string PatientId { get; set; } = "";

    /// <summary>The provider's id.</summary>
    public string ProviderId { get; set; } = "";

    /// <summary>The start: a moment with its offset, or the clinic's local time.</summary>
    public ClinicTime Start { get; set; }

    /// <summary>The appointment type, one the provider's specialty offers (matched ignoring case).</summary>
    public string AppointmentType { get; set; } = "";

    /// <summary>In person or telehealth; null for the type's first mode.</summary>
    public AppointmentMode? Mode { get; set; }

    /// <summary>The reason for the visit; null for the type's first listed reason.</summary>
    public string? Reason { get; set; }
}

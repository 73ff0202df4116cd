using System;

namespace HealthMock.Api;

/// <summary>
/// What <see cref="FrontDeskService.EstimateVisitCost"/> is asked to price: a patient's appointment, or a visit
/// given by its category or by a provider and appointment type, on a date.
/// </summary>
public sealed class CostEstimateRequest
{
    /// <summary>The patient's id.</summary>
    public string PatientId { get; set; } = "";

    /// <summary>One of the patient's appointments; its category and date are used. Excludes the others.</summary>
    public string? AppointmentId { get; set; }

    /// <summary>The visit category, when no appointment or appointment type is given.</summary>
    public VisitCategory? VisitCategory { get; set; }

    /// <summary>The provider whose specialty gives <see cref="AppointmentType"/> its category.</summary>
    public string? ProviderId { get; set; }

    /// <summary>An appointment type the provider offers; its visit category is used.</summary>
    public string? AppointmentType { get; set; }

    /// <summary>The date of the visit; null for the service's current date (the reference date by default).</summary>
    public DateTime? Date { get; set; }
}

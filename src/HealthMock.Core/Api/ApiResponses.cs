using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using HealthMock.Datasets;

namespace HealthMock.Api;

// The JSON shapes the HTTP service answers with, beyond the dataset's own records. Every name is spelled out, so
// the answers keep snake_case whatever the JSON writer's naming policy.

/// <summary>The body of every error answer.</summary>
internal sealed class ErrorResponse
{
    public ErrorResponse(FrontDeskException error)
    {
        Error = new ErrorDetail { Code = error.CodeText, Message = error.Message };
    }

    [JsonPropertyName("error")]
    public ErrorDetail Error { get; }
}

/// <summary>The code and message of an error answer.</summary>
internal sealed class ErrorDetail
{
    [JsonPropertyName("code")]
    public string Code { get; set; } = "";

    [JsonPropertyName("message")]
    public string Message { get; set; } = "";
}

/// <summary>The answer of GET /: what the service serves and where to start.</summary>
internal sealed class ServiceResponse
{
    [JsonPropertyName("service")]
    public string Service { get; set; } = "HealthMock mock API";

    [JsonPropertyName("folder")]
    public string? Folder { get; set; }

    [JsonPropertyName("seed")]
    public int Seed { get; set; }

    [JsonPropertyName("reference_date")]
    public string ReferenceDate { get; set; } = "";

    [JsonPropertyName("counts")]
    public IDictionary<string, int> Counts { get; set; } = new Dictionary<string, int>();

    [JsonPropertyName("tools")]
    public string Tools { get; set; } = "/tools";

    [JsonPropertyName("routes")]
    public IReadOnlyList<string> Routes { get; set; } = new List<string>();
}

/// <summary>The answer of GET /tools.</summary>
internal sealed class ToolListResponse
{
    [JsonPropertyName("tools")]
    public IReadOnlyList<ToolDescription> Tools { get; set; } = new List<ToolDescription>();
}

/// <summary>One tool as GET /tools lists it: a function definition an agent harness can use as it is.</summary>
internal sealed class ToolDescription
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("description")]
    public string Description { get; set; } = "";

    [JsonPropertyName("parameters")]
    public IDictionary<string, object?> Parameters { get; set; } = new Dictionary<string, object?>();
}

/// <summary>The answer of list_patient_appointments.</summary>
internal sealed class AppointmentListResponse
{
    [JsonPropertyName("patient_id")]
    public string PatientId { get; set; } = "";

    [JsonPropertyName("status")]
    public IReadOnlyList<AppointmentStatus>? Status { get; set; }

    [JsonPropertyName("appointments")]
    public IReadOnlyList<AppointmentRecord> Appointments { get; set; } = new List<AppointmentRecord>();
}

/// <summary>The answer of list_providers.</summary>
internal sealed class ProviderListResponse
{
    [JsonPropertyName("specialty")]
    public string? Specialty { get; set; }

    [JsonPropertyName("accepting_new_patients")]
    public bool? AcceptingNewPatients { get; set; }

    [JsonPropertyName("providers")]
    public IReadOnlyList<ProviderRecord> Providers { get; set; } = new List<ProviderRecord>();
}

/// <summary>The answer of list_available_slots.</summary>
internal sealed class SlotListResponse
{
    [JsonPropertyName("provider_id")]
    public string ProviderId { get; set; } = "";

    [JsonPropertyName("from")]
    public string From { get; set; } = "";

    [JsonPropertyName("to")]
    public string To { get; set; } = "";

    [JsonPropertyName("appointment_type")]
    public string? AppointmentType { get; set; }

    [JsonPropertyName("patient_id")]
    public string? PatientId { get; set; }

    [JsonPropertyName("slots")]
    public IReadOnlyList<SlotRecord> Slots { get; set; } = new List<SlotRecord>();
}

/// <summary>One free slot.</summary>
internal sealed class SlotRecord
{
    public SlotRecord(AvailableSlot slot)
    {
        Start = DatasetWriter.FormatMoment(slot.Start);
        End = DatasetWriter.FormatMoment(slot.End);
        DurationMinutes = slot.DurationMinutes;
    }

    [JsonPropertyName("start")]
    public string Start { get; }

    [JsonPropertyName("end")]
    public string End { get; }

    [JsonPropertyName("duration_minutes")]
    public int DurationMinutes { get; }
}

/// <summary>The answer of reschedule_appointment.</summary>
internal sealed class RescheduleResponse
{
    public RescheduleResponse(RescheduleResult result)
    {
        Appointment = DatasetWriter.ToRecord(result.Appointment);
        CanceledAppointment = DatasetWriter.ToRecord(result.CanceledAppointment);
    }

    [JsonPropertyName("appointment")]
    public AppointmentRecord Appointment { get; }

    [JsonPropertyName("canceled_appointment")]
    public AppointmentRecord CanceledAppointment { get; }
}

/// <summary>The answer of estimate_visit_cost.</summary>
internal sealed class CostEstimateResponse
{
    public CostEstimateResponse(CostEstimate estimate)
    {
        PatientId = estimate.PatientId;
        AppointmentId = estimate.AppointmentId;
        ProviderId = estimate.ProviderId;
        AppointmentType = estimate.AppointmentType;
        VisitCategory = estimate.VisitCategory;
        Date = DatasetWriter.FormatDate(estimate.Date);
        PolicyNumber = estimate.PolicyNumber;
        PlanType = estimate.PlanType;
        PolicyActive = estimate.PolicyActive;
        AllowedAmount = estimate.AllowedAmount;
        Copay = estimate.Copay;
        CopaysAfterDeductible = estimate.CopaysAfterDeductible;
        DeductibleRemaining = estimate.DeductibleRemaining;
        DeductibleApplied = estimate.DeductibleApplied;
        Coinsurance = estimate.Coinsurance;
        CoinsuranceApplied = estimate.CoinsuranceApplied;
        CopayApplied = estimate.CopayApplied;
        OutOfPocketRemaining = estimate.OutOfPocketRemaining;
        ReferralRequired = estimate.ReferralRequired;
        PatientShare = estimate.PatientShare;
        PlanShare = estimate.PlanShare;
        Lines = estimate.Lines.Select(l => new CostLineRecord { Description = l.Description, Amount = l.Amount })
            .ToList();
    }

    [JsonPropertyName("patient_id")]
    public string PatientId { get; }

    [JsonPropertyName("appointment_id")]
    public string? AppointmentId { get; }

    [JsonPropertyName("provider_id")]
    public string? ProviderId { get; }

    [JsonPropertyName("appointment_type")]
    public string? AppointmentType { get; }

    [JsonPropertyName("visit_category")]
    public VisitCategory VisitCategory { get; }

    [JsonPropertyName("date")]
    public string Date { get; }

    [JsonPropertyName("policy_number")]
    public string? PolicyNumber { get; }

    [JsonPropertyName("plan_type")]
    public PlanType? PlanType { get; }

    [JsonPropertyName("policy_active")]
    public bool PolicyActive { get; }

    [JsonPropertyName("allowed_amount")]
    public decimal AllowedAmount { get; }

    [JsonPropertyName("copay")]
    public decimal? Copay { get; }

    [JsonPropertyName("copays_after_deductible")]
    public bool CopaysAfterDeductible { get; }

    [JsonPropertyName("deductible_remaining")]
    public decimal? DeductibleRemaining { get; }

    [JsonPropertyName("deductible_applied")]
    public decimal DeductibleApplied { get; }

    [JsonPropertyName("coinsurance")]
    public decimal? Coinsurance { get; }

    [JsonPropertyName("coinsurance_applied")]
    public decimal CoinsuranceApplied { get; }

    [JsonPropertyName("copay_applied")]
    public decimal CopayApplied { get; }

    [JsonPropertyName("out_of_pocket_remaining")]
    public decimal? OutOfPocketRemaining { get; }

    [JsonPropertyName("referral_required")]
    public bool ReferralRequired { get; }

    [JsonPropertyName("patient_share")]
    public decimal PatientShare { get; }

    [JsonPropertyName("plan_share")]
    public decimal PlanShare { get; }

    [JsonPropertyName("lines")]
    public IReadOnlyList<CostLineRecord> Lines { get; }
}

/// <summary>One line of a cost estimate.</summary>
internal sealed class CostLineRecord
{
    [JsonPropertyName("description")]
    public string Description { get; set; } = "";

    [JsonPropertyName("amount")]
    public decimal? Amount { get; set; }
}

using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace HealthMock.Datasets;

// The shapes of the records in the dataset files. Every JSON name is spelled out, so the files keep the names the
// design fixes whatever naming policy the JSON writer defaults to; declaration order is the order in the file.

/// <summary>A patient as users.json holds it, with the benchmark's field names beside the richer ones.</summary>
internal sealed class UserRecord
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("first_name")]
    public string FirstName { get; set; } = "";

    [JsonPropertyName("last_name")]
    public string LastName { get; set; } = "";

    [JsonPropertyName("sex")]
    public Sex Sex { get; set; }

    [JsonPropertyName("dob")]
    public string Dob { get; set; } = "";

    [JsonPropertyName("age")]
    public int Age { get; set; }

    [JsonPropertyName("email")]
    public string Email { get; set; } = "";

    [JsonPropertyName("phone")]
    public string Phone { get; set; } = "";

    [JsonPropertyName("address")]
    public string Address { get; set; } = "";

    [JsonPropertyName("address_line1")]
    public string AddressLine1 { get; set; } = "";

    [JsonPropertyName("address_line2")]
    public string? AddressLine2 { get; set; }

    [JsonPropertyName("city")]
    public string City { get; set; } = "";

    [JsonPropertyName("state")]
    public string State { get; set; } = "";

    [JsonPropertyName("zip")]
    public string Zip { get; set; } = "";

    [JsonPropertyName("preferred_contact_method")]
    public ContactMethod PreferredContactMethod { get; set; }

    [JsonPropertyName("primary_care_provider")]
    public string? PrimaryCareProvider { get; set; }

    [JsonPropertyName("primary_care_provider_id")]
    public string? PrimaryCareProviderId { get; set; }

    [JsonPropertyName("insurance_policy_number")]
    public string? InsurancePolicyNumber { get; set; }

    [JsonPropertyName("insurance_provider")]
    public string? InsuranceProvider { get; set; }

    [JsonPropertyName("coverage_type")]
    public string? CoverageType { get; set; }

    [JsonPropertyName("deductible_balance")]
    public decimal? DeductibleBalance { get; set; }

    [JsonPropertyName("chronic_conditions")]
    public List<ConditionRecord> ChronicConditions { get; set; } = new List<ConditionRecord>();

    [JsonPropertyName("allergies")]
    public string[] Allergies { get; set; } = System.Array.Empty<string>();

    [JsonPropertyName("medications")]
    public List<MedicationRecord> Medications { get; set; } = new List<MedicationRecord>();

    [JsonPropertyName("emergency_contact")]
    public EmergencyContactRecord? EmergencyContact { get; set; }

    [JsonPropertyName("account_creation_date")]
    public string AccountCreationDate { get; set; } = "";
}

/// <summary>A chronic condition inside a user record.</summary>
internal sealed class ConditionRecord
{
    [JsonPropertyName("code")]
    public string Code { get; set; } = "";

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";
}

/// <summary>A medication inside a user record.</summary>
internal sealed class MedicationRecord
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("dosage")]
    public string Dosage { get; set; } = "";

    [JsonPropertyName("treats_code")]
    public string TreatsCode { get; set; } = "";
}

/// <summary>The emergency contact inside a user record.</summary>
internal sealed class EmergencyContactRecord
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("relationship")]
    public string Relationship { get; set; } = "";

    [JsonPropertyName("phone")]
    public string Phone { get; set; } = "";
}

/// <summary>A provider as providers.json holds it.</summary>
internal sealed class ProviderRecord
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("first_name")]
    public string FirstName { get; set; } = "";

    [JsonPropertyName("last_name")]
    public string LastName { get; set; } = "";

    [JsonPropertyName("display_name")]
    public string DisplayName { get; set; } = "";

    [JsonPropertyName("credential")]
    public Credential Credential { get; set; }

    [JsonPropertyName("specialty")]
    public string Specialty { get; set; } = "";

    [JsonPropertyName("is_primary_care")]
    public bool IsPrimaryCare { get; set; }

    [JsonPropertyName("npi")]
    public string Npi { get; set; } = "";

    [JsonPropertyName("clinic")]
    public ClinicRecord Clinic { get; set; } = new ClinicRecord();

    [JsonPropertyName("phone")]
    public string Phone { get; set; } = "";

    [JsonPropertyName("email")]
    public string Email { get; set; } = "";

    [JsonPropertyName("schedule")]
    public ScheduleRecord Schedule { get; set; } = new ScheduleRecord();

    [JsonPropertyName("accepting_new_patients")]
    public bool AcceptingNewPatients { get; set; }

    [JsonPropertyName("languages")]
    public string[] Languages { get; set; } = System.Array.Empty<string>();
}

/// <summary>The clinic inside a provider record.</summary>
internal sealed class ClinicRecord
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("address_line1")]
    public string AddressLine1 { get; set; } = "";

    [JsonPropertyName("city")]
    public string City { get; set; } = "";

    [JsonPropertyName("state")]
    public string State { get; set; } = "";

    [JsonPropertyName("zip")]
    public string Zip { get; set; } = "";

    [JsonPropertyName("utc_offset")]
    public string UtcOffset { get; set; } = "";
}

/// <summary>The weekly schedule inside a provider record; times are local hh:mm.</summary>
internal sealed class ScheduleRecord
{
    [JsonPropertyName("days")]
    public string[] Days { get; set; } = System.Array.Empty<string>();

    [JsonPropertyName("start")]
    public string Start { get; set; } = "";

    [JsonPropertyName("end")]
    public string End { get; set; } = "";

    [JsonPropertyName("slot_minutes")]
    public int SlotMinutes { get; set; }
}

/// <summary>A policy as insurance.json holds it.</summary>
internal sealed class PolicyRecord
{
    [JsonPropertyName("policy_number")]
    public string PolicyNumber { get; set; } = "";

    [JsonPropertyName("member_id")]
    public string MemberId { get; set; } = "";

    [JsonPropertyName("group_number")]
    public string GroupNumber { get; set; } = "";

    [JsonPropertyName("patient_id")]
    public string PatientId { get; set; } = "";

    [JsonPropertyName("payer")]
    public string Payer { get; set; } = "";

    [JsonPropertyName("plan_name")]
    public string PlanName { get; set; } = "";

    [JsonPropertyName("plan_type")]
    public PlanType PlanType { get; set; }

    [JsonPropertyName("coverage_tier")]
    public CoverageTier CoverageTier { get; set; }

    [JsonPropertyName("subscriber_id")]
    public string SubscriberId { get; set; } = "";

    [JsonPropertyName("relationship_to_subscriber")]
    public string RelationshipToSubscriber { get; set; } = "";

    [JsonPropertyName("effective_date")]
    public string EffectiveDate { get; set; } = "";

    [JsonPropertyName("end_date")]
    public string EndDate { get; set; } = "";

    [JsonPropertyName("status")]
    public PolicyStatus Status { get; set; }

    [JsonPropertyName("deductible")]
    public decimal Deductible { get; set; }

    [JsonPropertyName("deductible_met")]
    public decimal DeductibleMet { get; set; }

    [JsonPropertyName("out_of_pocket_max")]
    public decimal OutOfPocketMax { get; set; }

    [JsonPropertyName("out_of_pocket_met")]
    public decimal OutOfPocketMet { get; set; }

    [JsonPropertyName("copays")]
    public CopaysRecord Copays { get; set; } = new CopaysRecord();

    [JsonPropertyName("coinsurance")]
    public decimal Coinsurance { get; set; }

    [JsonPropertyName("requires_referral")]
    public bool RequiresReferral { get; set; }

    [JsonPropertyName("copays_after_deductible")]
    public bool CopaysAfterDeductible { get; set; }
}

/// <summary>The copays by visit category inside a policy record.</summary>
internal sealed class CopaysRecord
{
    [JsonPropertyName("primary_care")]
    public decimal PrimaryCare { get; set; }

    [JsonPropertyName("specialist")]
    public decimal Specialist { get; set; }

    [JsonPropertyName("urgent_care")]
    public decimal UrgentCare { get; set; }

    [JsonPropertyName("telehealth")]
    public decimal Telehealth { get; set; }

    [JsonPropertyName("emergency")]
    public decimal Emergency { get; set; }
}

/// <summary>An appointment as appointments.json holds it; times are ISO 8601 with the clinic's offset.</summary>
internal sealed class AppointmentRecord
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("patient_id")]
    public string PatientId { get; set; } = "";

    [JsonPropertyName("provider_id")]
    public string ProviderId { get; set; } = "";

    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    [JsonPropertyName("visit_category")]
    public VisitCategory VisitCategory { get; set; }

    [JsonPropertyName("start")]
    public string Start { get; set; } = "";

    [JsonPropertyName("duration_minutes")]
    public int DurationMinutes { get; set; }

    [JsonPropertyName("mode")]
    public AppointmentMode Mode { get; set; }

    [JsonPropertyName("reason")]
    public string Reason { get; set; } = "";

    [JsonPropertyName("status")]
    public AppointmentStatus Status { get; set; }

    [JsonPropertyName("cancellation_reason")]
    public string? CancellationReason { get; set; }

    [JsonPropertyName("canceled_at")]
    public string? CanceledAt { get; set; }

    [JsonPropertyName("booked_at")]
    public string BookedAt { get; set; } = "";

    [JsonPropertyName("copay")]
    public decimal? Copay { get; set; }
}

/// <summary>manifest.json.</summary>
internal sealed class ManifestRecord
{
    [JsonPropertyName("seed")]
    public int Seed { get; set; }

    [JsonPropertyName("reference_date")]
    public string ReferenceDate { get; set; } = "";

    [JsonPropertyName("module_version")]
    public string ModuleVersion { get; set; } = "";

    [JsonPropertyName("counts")]
    public IDictionary<string, long> Counts { get; set; } = new Dictionary<string, long>();

    [JsonPropertyName("sha256")]
    public IDictionary<string, string> Sha256 { get; set; } = new Dictionary<string, string>();
}

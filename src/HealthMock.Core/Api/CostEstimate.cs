using System;
using System.Collections.Generic;
using System.Globalization;

namespace HealthMock.Api;

/// <summary>
/// What a visit is expected to cost a patient under the policy in force on the visit's date, with the steps
/// that led there; <see cref="CostEstimator"/> documents how it is worked out.
/// </summary>
public sealed class CostEstimate
{
    /// <summary>The patient's id.</summary>
    public string PatientId { get; set; } = "";

    /// <summary>The appointment priced, when an appointment was given.</summary>
    public string? AppointmentId { get; set; }

    /// <summary>The provider, when an appointment or a provider and appointment type were given.</summary>
    public string? ProviderId { get; set; }

    /// <summary>The appointment type, when an appointment or an appointment type was given.</summary>
    public string? AppointmentType { get; set; }

    /// <summary>The visit category that sets the copay and the allowed amount.</summary>
    public VisitCategory VisitCategory { get; set; }

    /// <summary>The date of the visit.</summary>
    public DateTime Date { get; set; }

    /// <summary>The patient's policy number, or null for a patient without a policy.</summary>
    public string? PolicyNumber { get; set; }

    /// <summary>The plan type of the patient's policy, or null without a policy.</summary>
    public PlanType? PlanType { get; set; }

    /// <summary>Whether the policy is in force on the visit's date; false without a policy.</summary>
    public bool PolicyActive { get; set; }

    /// <summary>The allowed amount of the visit, from the visit cost table.</summary>
    public decimal AllowedAmount { get; set; }

    /// <summary>The policy's copay for the visit category, or null when no policy is in force.</summary>
    public decimal? Copay { get; set; }

    /// <summary>Whether the plan charges copays only after the deductible is met (high-deductible plans).</summary>
    public bool CopaysAfterDeductible { get; set; }

    /// <summary>The deductible left to meet before the visit, or null when no policy is in force.</summary>
    public decimal? DeductibleRemaining { get; set; }

    /// <summary>The part of the visit the patient pays toward the deductible.</summary>
    public decimal DeductibleApplied { get; set; }

    /// <summary>The policy's coinsurance as a fraction (0.2 is 20%), or null when no policy is in force.</summary>
    public decimal? Coinsurance { get; set; }

    /// <summary>The part of the visit the patient pays as coinsurance.</summary>
    public decimal CoinsuranceApplied { get; set; }

    /// <summary>The part of the visit the patient pays as a copay.</summary>
    public decimal CopayApplied { get; set; }

    /// <summary>
    /// What is left of the out-of-pocket maximum before the visit, or null when no policy is in force.
    /// </summary>
    public decimal? OutOfPocketRemaining { get; set; }

    /// <summary>Whether a specialist visit needs a referral under the policy.</summary>
    public bool ReferralRequired { get; set; }

    /// <summary>The patient's estimated share of the allowed amount.</summary>
    public decimal PatientShare { get; set; }

    /// <summary>The plan's estimated share of the allowed amount.</summary>
    public decimal PlanShare { get; set; }

    /// <summary>The steps of the estimate, one sentence each, in order.</summary>
    public IReadOnlyList<CostEstimateLine> Lines { get; set; } = Array.Empty<CostEstimateLine>();

    /// <summary>Returns the patient's share and the visit.</summary>
    public override string ToString() =>
        PatientShare.ToString("0.00", CultureInfo.InvariantCulture) + " for a " + VisitCategory + " visit on "
        + Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

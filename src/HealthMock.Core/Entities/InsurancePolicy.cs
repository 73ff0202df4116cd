using System;

namespace HealthMock;

/// <summary>
/// A mock health insurance policy for one covered patient. Members of a family policy each have their own
/// policy number and share the subscriber, group number and payer.
/// </summary>
public sealed class InsurancePolicy
{
    /// <summary>The policy number, the key of insurance.json.</summary>
    public string PolicyNumber { get; set; } = "";

    /// <summary>The member id printed on the card.</summary>
    public string MemberId { get; set; } = "";

    /// <summary>The employer or plan group number.</summary>
    public string GroupNumber { get; set; } = "";

    /// <summary>The patient this policy covers.</summary>
    public string PatientId { get; set; } = "";

    /// <summary>The payer (insurance company), invented in the default seeds.</summary>
    public string Payer { get; set; } = "";

    /// <summary>The plan's marketing name.</summary>
    public string PlanName { get; set; } = "";

    /// <summary>The kind of plan.</summary>
    public PlanType PlanType { get; set; }

    /// <summary>Who the policy covers.</summary>
    public CoverageTier CoverageTier { get; set; }

    /// <summary>The patient id of the subscriber (the policy holder).</summary>
    public string SubscriberId { get; set; } = "";

    /// <summary>The covered patient's relationship to the subscriber: self, spouse or child.</summary>
    public string RelationshipToSubscriber { get; set; } = "self";

    /// <summary>The first day of coverage.</summary>
    public DateTime EffectiveDate { get; set; }

    /// <summary>The last day of coverage.</summary>
    public DateTime EndDate { get; set; }

    /// <summary>Whether the policy is in force at the reference date.</summary>
    public PolicyStatus Status { get; set; }

    /// <summary>The annual deductible in dollars.</summary>
    public decimal Deductible { get; set; }

    /// <summary>The part of the deductible met this plan year.</summary>
    public decimal DeductibleMet { get; set; }

    /// <summary>The annual out-of-pocket maximum in dollars.</summary>
    public decimal OutOfPocketMax { get; set; }

    /// <summary>The part of the out-of-pocket maximum met this plan year.</summary>
    public decimal OutOfPocketMet { get; set; }

    /// <summary>Copays by visit category.</summary>
    public Copays Copays { get; set; } = new Copays();

    /// <summary>The patient's share after the deductible, as a fraction (0.2 is 20%).</summary>
    public decimal Coinsurance { get; set; }

    /// <summary>Whether a specialist visit needs a referral from the primary care provider.</summary>
    public bool RequiresReferral { get; set; }

    /// <summary>Whether copays apply only after the deductible is met (high-deductible plans).</summary>
    public bool CopaysAfterDeductible { get; set; }

    /// <summary>Whether the policy covers <paramref name="date"/>.</summary>
    public bool IsActiveOn(DateTime date) => date.Date >= EffectiveDate && date.Date <= EndDate;

    /// <summary>Returns the policy number.</summary>
    public override string ToString() => PolicyNumber;
}

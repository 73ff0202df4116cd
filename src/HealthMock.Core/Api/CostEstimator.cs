using System;
using System.Collections.Generic;
using System.Globalization;

namespace HealthMock.Api;

/// <summary>
/// Works out what a visit is expected to cost a patient under a policy, step by step.
/// </summary>
/// <remarks>
/// <para>The visit is priced at its allowed amount from the <see cref="VisitCostTable"/> for its category. Without a
/// policy, or when the policy is not in force on the visit's date, the visit is self-pay and the patient pays the
/// allowed amount.</para>
/// <para>Plans that charge copays before the deductible (every plan type but HDHP): the patient pays the category's
/// copay, at most the allowed amount; the visit does not count against the deductible and no coinsurance
/// applies.</para>
/// <para>Plans whose copays apply only after the deductible (HDHP): the patient first pays toward the deductible
/// left, up to the allowed amount, so before the deductible is met the patient pays the whole allowed amount. On
/// what remains after the deductible the patient pays the category's copay when it has one (at most that
/// remainder), else the coinsurance share of it.</para>
/// <para>Either way the patient's share is capped at what is left of the out-of-pocket maximum, and the plan pays
/// the rest of the allowed amount. Amounts are rounded to cents, halves away from zero.</para>
/// </remarks>
public static class CostEstimator
{
    /// <summary>
    /// Estimates a visit of <paramref name="category"/> on <paramref name="date"/> for patient
    /// <paramref name="patientId"/> under <paramref name="policy"/> (null when the patient has none).
    /// </summary>
    public static CostEstimate Estimate(string patientId, InsurancePolicy? policy, VisitCategory category,
        DateTime date, VisitCostTable? table = null)
    {
        table ??= VisitCostTable.Default;
        var day = DateTime.SpecifyKind(date.Date, DateTimeKind.Unspecified);
        var allowed = Cents(table.For(category));
        var lines = new List<CostEstimateLine>
        {
            new CostEstimateLine($"Allowed amount of a {Words(category)} visit, from the visit cost table", allowed),
        };
        var estimate = new CostEstimate
        {
            PatientId = patientId,
            VisitCategory = category,
            Date = day,
            PolicyNumber = policy?.PolicyNumber,
            PlanType = policy?.PlanType,
            AllowedAmount = allowed,
            Lines = lines,
        };

        if (policy is null || !policy.IsActiveOn(day))
        {
            lines.Add(new CostEstimateLine(policy is null
                ? $"Patient {patientId} has no insurance policy on file, so the visit is self-pay"
                : $"Policy {policy.PolicyNumber} covers {Day(policy.EffectiveDate)} to {Day(policy.EndDate)}, "
                    + $"which does not include {Day(day)}, so the visit is self-pay"));
            return Finish(estimate, lines, allowed);
        }

        estimate.PolicyActive = true;
        estimate.CopaysAfterDeductible = policy.CopaysAfterDeductible;
        var copay = policy.Copays?.For(category) ?? 0m;
        var deductibleLeft = Math.Max(0m, policy.Deductible - policy.DeductibleMet);
        var outOfPocketLeft = Math.Max(0m, policy.OutOfPocketMax - policy.OutOfPocketMet);
        estimate.Copay = copay;
        estimate.Coinsurance = policy.Coinsurance;
        estimate.DeductibleRemaining = deductibleLeft;
        estimate.OutOfPocketRemaining = outOfPocketLeft;
        estimate.ReferralRequired = category == VisitCategory.Specialist && policy.RequiresReferral;
        lines.Add(new CostEstimateLine($"Policy {policy.PolicyNumber} ({policy.Payer} {policy.PlanName}, "
            + $"{policy.PlanType}) is in force on {Day(day)}"));
        lines.Add(new CostEstimateLine($"Deductible left to meet, of {Money(policy.Deductible)}", deductibleLeft));
        lines.Add(new CostEstimateLine($"Out-of-pocket maximum left, of {Money(policy.OutOfPocketMax)}",
            outOfPocketLeft));

        decimal share;
        if (!policy.CopaysAfterDeductible)
        {
            estimate.CopayApplied = Math.Min(copay, allowed);
            share = estimate.CopayApplied;
            lines.Add(new CostEstimateLine($"The {Words(category)} copay, which this plan charges without waiting "
                + "for the deductible; the visit leaves the deductible untouched and no coinsurance applies",
                estimate.CopayApplied));
        }
        else
        {
            estimate.DeductibleApplied = Math.Min(deductibleLeft, allowed);
            lines.Add(new CostEstimateLine("Paid toward the deductible: the plan pays nothing for the visit until "
                + "the deductible is met", estimate.DeductibleApplied));
            var rest = allowed - estimate.DeductibleApplied;
            if (rest <= 0m)
            {
                lines.Add(new CostEstimateLine("Nothing of the allowed amount is left after the deductible, so no "
                    + "copay or coinsurance applies"));
            }
            else if (copay > 0m)
            {
                estimate.CopayApplied = Math.Min(copay, rest);
                lines.Add(new CostEstimateLine($"The {Words(category)} copay on the {Money(rest)} left after the "
                    + "deductible", estimate.CopayApplied));
            }
            else
            {
                estimate.CoinsuranceApplied = Cents(rest * policy.Coinsurance);
                lines.Add(new CostEstimateLine($"Coinsurance of {Percent(policy.Coinsurance)} on the {Money(rest)} "
                    + $"left after the deductible, as the {Words(category)} copay is 0.00",
                    estimate.CoinsuranceApplied));
            }

            share = estimate.DeductibleApplied + estimate.CopayApplied + estimate.CoinsuranceApplied;
        }

        if (share > outOfPocketLeft)
        {
            share = outOfPocketLeft;
            lines.Add(new CostEstimateLine("Capped at the out-of-pocket maximum left", share));
        }

        if (estimate.ReferralRequired)
        {
            lines.Add(new CostEstimateLine("The plan requires a referral from the primary care provider for "
                + "specialist visits"));
        }

        return Finish(estimate, lines, share);
    }

    private static CostEstimate Finish(CostEstimate estimate, List<CostEstimateLine> lines, decimal share)
    {
        estimate.PatientShare = Cents(share);
        estimate.PlanShare = estimate.AllowedAmount - estimate.PatientShare;
        lines.Add(new CostEstimateLine("The patient's estimated share", estimate.PatientShare));
        lines.Add(new CostEstimateLine("The plan's estimated share", estimate.PlanShare));
        return estimate;
    }

    /// <summary>The category in words, such as urgent care.</summary>
    internal static string Words(VisitCategory category) => category switch
    {
        VisitCategory.PrimaryCare => "primary care",
        VisitCategory.UrgentCare => "urgent care",
        _ => category.ToString().ToLowerInvariant(),
    };

    private static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Percent(decimal fraction) =>
        (fraction * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

using System;
using System.Linq;
using HealthMock.Generation;
using HealthMock.Tests.Generation;
using Xunit;

namespace HealthMock.Tests.Policies;

/// <summary>Rule 10 and the policy conventions, checked on every policy of a large sample.</summary>
public class PolicyRulesTests : IClassFixture<PolicySample>
{
    private static readonly DateTime ReferenceDate = PolicySample.ReferenceDate;

    private readonly PolicySample _sample;

    public PolicyRulesTests(PolicySample sample)
    {
        _sample = sample;
    }

    [Fact]
    public void Amounts_hold_together()
    {
        PatientSample.AssertNone(_sample.Policies.Where(p =>
                !(0 <= p.DeductibleMet && p.DeductibleMet <= p.Deductible && p.Deductible <= p.OutOfPocketMax
                    && 0 <= p.OutOfPocketMet && p.OutOfPocketMet <= p.OutOfPocketMax
                    && p.OutOfPocketMet >= p.DeductibleMet))
            .Select(p => $"{p.PolicyNumber} {p.PlanType}: deductible {p.DeductibleMet}/{p.Deductible}, "
                + $"out of pocket {p.OutOfPocketMet}/{p.OutOfPocketMax}"));
    }

    [Fact]
    public void Amounts_are_whole_cents()
    {
        PatientSample.AssertNone(_sample.Policies
            .Where(p => new[] { p.Deductible, p.DeductibleMet, p.OutOfPocketMax, p.OutOfPocketMet }
                .Any(a => a != Math.Round(a, 2)))
            .Select(p => p.PolicyNumber));
    }

    [Fact]
    public void Medicare_goes_exactly_to_patients_at_or_over_the_Medicare_age()
    {
        PatientSample.AssertNone(_sample.Pairs
            .Where(x => (x.Policy.PlanType == PlanType.Medicare)
                != (Ages.At(x.Patient.DateOfBirth, ReferenceDate) >= 65))
            .Select(x => $"{x.Policy.PolicyNumber}: {x.Policy.PlanType} for a patient aged {x.Patient.Age}"));
    }

    [Fact]
    public void The_Medicare_age_option_moves_the_line()
    {
        var generator = PolicySample.Generator(5, o => o.MedicareAge = 70);
        var patients = PolicySample.Patients(5, 400, minAge: 60);

        var policies = patients.Select((p, i) => (Patient: p, Policy: generator.Generate(i, p))).ToArray();

        Assert.All(policies, x => Assert.Equal(x.Patient.Age >= 70, x.Policy.PlanType == PlanType.Medicare));
        Assert.Contains(policies, x => x.Patient.Age >= 65 && x.Patient.Age < 70);
    }

    [Fact]
    public void The_plan_type_filter_is_respected_and_older_patients_do_without_Medicare_when_it_is_excluded()
    {
        var generator = PolicySample.Generator(9, o => o.PlanTypes = new[] { PlanType.PPO, PlanType.HDHP });
        var patients = PolicySample.Patients(9, 300);

        var policies = patients.Select((p, i) => generator.Generate(i, p)).ToArray();

        Assert.All(policies, p => Assert.Contains(p.PlanType, new[] { PlanType.PPO, PlanType.HDHP }));
        Assert.Contains(policies, p => p.PlanType == PlanType.PPO);
        Assert.Contains(policies, p => p.PlanType == PlanType.HDHP);
    }

    [Fact]
    public void Medicare_only_for_a_patient_under_the_Medicare_age_is_a_record_error_naming_the_patient()
    {
        var generator = PolicySample.Generator(3, o => o.PlanTypes = new[] { PlanType.Medicare });
        var young = PolicySample.Patients(3, 1, minAge: 20, maxAge: 40)[0];

        var error = Assert.Throws<RecordException>(() => generator.Generate(0, young));

        Assert.Equal("NoEligiblePlanType", error.ErrorId);
        Assert.Same(young, error.Target);
        Assert.Contains(young.Id, error.Message);
    }

    [Fact]
    public void A_plan_type_no_payer_offers_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidOptionException>(() =>
            PolicySample.Generator(1, o => o.PlanTypes = new[] { (PlanType)42 }));

        Assert.Equal(nameof(PolicyOptions.PlanTypes), error.Option);
        Assert.Contains("42", error.Message);
    }

    [Fact]
    public void Every_plan_type_occurs_in_the_sample()
    {
        var types = _sample.Policies.Select(p => p.PlanType).Distinct().ToArray();

        Assert.Equal(Enum.GetValues(typeof(PlanType)).Length, types.Length);
    }

    [Fact]
    public void Hdhp_deductibles_are_high_and_copays_apply_after_the_deductible()
    {
        var hdhp = _sample.Policies.Where(p => p.PlanType == PlanType.HDHP).ToArray();

        Assert.NotEmpty(hdhp);
        Assert.All(hdhp, p => Assert.True(p.Deductible >= 1650m, p.PolicyNumber + " " + p.Deductible));
        Assert.All(hdhp, p => Assert.True(p.CopaysAfterDeductible));
        Assert.All(_sample.Policies.Where(p => p.PlanType != PlanType.HDHP),
            p => Assert.False(p.CopaysAfterDeductible));
    }

    [Fact]
    public void Medicaid_copays_are_a_few_dollars_without_coinsurance_or_deductible()
    {
        var medicaid = _sample.Policies.Where(p => p.PlanType == PlanType.Medicaid).ToArray();

        Assert.NotEmpty(medicaid);
        Assert.All(medicaid, p => Assert.True(p.Copays.Emergency <= 8m && p.Coinsurance == 0m && p.Deductible == 0m));
    }

    [Fact]
    public void Coinsurance_is_between_ten_and_thirty_percent_except_Medicaid()
    {
        Assert.All(_sample.Policies.Where(p => p.PlanType != PlanType.Medicaid),
            p => Assert.InRange(p.Coinsurance, 0.1m, 0.3m));
    }

    [Fact]
    public void Copays_rise_from_primary_care_to_specialist_to_urgent_care_to_emergency_and_telehealth_is_lowest()
    {
        PatientSample.AssertNone(_sample.Policies.Where(p =>
                !(p.Copays.PrimaryCare < p.Copays.Specialist && p.Copays.Specialist < p.Copays.UrgentCare
                    && p.Copays.UrgentCare < p.Copays.Emergency && 0 <= p.Copays.Telehealth
                    && p.Copays.Telehealth <= p.Copays.PrimaryCare && p.Copays.PrimaryCare >= 0))
            .Select(p => p.PolicyNumber));
    }

    [Fact]
    public void Referrals_are_required_exactly_by_HMO_and_POS_plans()
    {
        Assert.All(_sample.Policies, p => Assert.Equal(
            p.PlanType == PlanType.HMO || p.PlanType == PlanType.POS, p.RequiresReferral));
    }

    [Fact]
    public void The_status_follows_a_twelve_month_plan_year_around_the_reference_date()
    {
        PatientSample.AssertNone(_sample.Policies.Where(p =>
                p.EndDate != p.EffectiveDate.AddYears(1).AddDays(-1)
                || p.Status != (ReferenceDate < p.EffectiveDate ? PolicyStatus.Pending
                    : ReferenceDate > p.EndDate ? PolicyStatus.Expired : PolicyStatus.Active)
                || p.EffectiveDate.TimeOfDay != TimeSpan.Zero || p.EffectiveDate.Kind != DateTimeKind.Unspecified)
            .Select(p => $"{p.PolicyNumber}: {p.Status} {p.EffectiveDate:yyyy-MM-dd} to {p.EndDate:yyyy-MM-dd}"));
    }

    [Fact]
    public void About_95_in_100_policies_are_active_and_a_few_pending_or_recently_expired()
    {
        var policies = _sample.Policies.ToArray();
        double Share(PolicyStatus status) => policies.Count(p => p.Status == status) / (double)policies.Length;

        Assert.InRange(Share(PolicyStatus.Active), 0.92, 0.98);
        Assert.InRange(Share(PolicyStatus.Expired), 0.01, 0.05);
        Assert.InRange(Share(PolicyStatus.Pending), 0.01, 0.05);
    }

    [Fact]
    public void No_patient_is_covered_before_birth()
    {
        PatientSample.AssertNone(_sample.Pairs.Where(x => x.Policy.EffectiveDate < x.Patient.DateOfBirth)
            .Select(x => $"{x.Policy.PolicyNumber} starts {x.Policy.EffectiveDate:yyyy-MM-dd}, patient born "
                + $"{x.Patient.DateOfBirth:yyyy-MM-dd}"));
    }

    [Fact]
    public void Pending_policies_have_nothing_met()
    {
        Assert.All(_sample.Policies.Where(p => p.Status == PolicyStatus.Pending),
            p => Assert.True(p.DeductibleMet == 0m && p.OutOfPocketMet == 0m));
    }

    [Fact]
    public void Individual_policies_link_the_patient_as_its_own_subscriber()
    {
        Assert.All(_sample.Pairs, x =>
        {
            Assert.Equal(x.Patient.Id, x.Policy.PatientId);
            Assert.Equal(x.Patient.Id, x.Policy.SubscriberId);
            Assert.Equal("self", x.Policy.RelationshipToSubscriber);
            Assert.Equal(CoverageTier.Individual, x.Policy.CoverageTier);
        });
    }

    [Fact]
    public void Policy_numbers_and_member_ids_are_unique_within_a_run()
    {
        var generator = PolicySample.Generator(17);
        var policies = PolicySample.Patients(17, 2000).Select((p, i) => generator.Generate(i, p)).ToArray();

        Assert.Equal(policies.Length, policies.Select(p => p.PolicyNumber).Distinct().Count());
        Assert.Equal(policies.Length, policies.Select(p => p.MemberId).Distinct().Count());
        Assert.Equal("pol_000001", policies[0].PolicyNumber);
    }

    [Fact]
    public void Assigning_a_policy_records_it_on_the_patient()
    {
        var (patient, policy) = _sample.Pairs.First(x => x.Policy.DeductibleMet > 0);

        PolicyGenerator.AssignTo(patient, policy);

        Assert.Equal(policy.PolicyNumber, patient.InsurancePolicyNumber);
        Assert.Equal(policy.Payer, patient.InsuranceProvider);
        Assert.Equal(policy.PlanType.ToString(), patient.CoverageType);
        Assert.Equal(policy.Deductible - policy.DeductibleMet, patient.DeductibleBalance);
    }

    [Fact]
    public void Payer_and_plan_come_from_the_seeds_with_the_payer_prefix_on_the_member_id()
    {
        var plans = HealthMock.Seeds.SeedCatalog.Default.Payers.SelectMany(p => p.Plans).ToArray();

        Assert.All(_sample.Policies, p =>
        {
            var plan = Assert.Single(plans, s => s.Name == p.PlanName && s.Payer.Name == p.Payer);
            Assert.Equal(plan.PlanType, p.PlanType);
            Assert.StartsWith(plan.Payer.MemberPrefix, p.MemberId);
        });
    }
}

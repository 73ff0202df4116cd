using System;
using System.Linq;
using HealthMock.Generation;
using HealthMock.Tests.Generation;
using Xunit;

namespace HealthMock.Tests.Policies;

/// <summary>Family policies: members share the subscriber's plan and terms and each has its own policy.</summary>
public class FamilyPolicyTests
{
    private static Patient[] Household(int seed, int children, bool spouse = true)
    {
        var adults = PolicySample.Patients(seed, spouse ? 2 : 1, minAge: 35, maxAge: 55);
        var kids = PolicySample.Patients(seed + 1000, children, minAge: 0, maxAge: 17);
        return adults.Concat(kids).ToArray();
    }

    [Fact]
    public void Members_share_the_subscriber_payer_plan_group_period_and_amounts()
    {
        foreach (var seed in PatientSample.Seeds(60))
        {
            var members = Household(seed, 2);
            var policies = PolicySample.Generator(seed).GenerateFamily(10, members);

            Assert.Equal(members.Length, policies.Count);
            var first = policies[0];
            Assert.All(policies, p =>
            {
                Assert.Equal(members[0].Id, p.SubscriberId);
                Assert.Equal(first.Payer, p.Payer);
                Assert.Equal(first.PlanName, p.PlanName);
                Assert.Equal(first.GroupNumber, p.GroupNumber);
                Assert.Equal(first.EffectiveDate, p.EffectiveDate);
                Assert.Equal(first.Deductible, p.Deductible);
                Assert.Equal(first.DeductibleMet, p.DeductibleMet);
                Assert.Equal(CoverageTier.Family, p.CoverageTier);
                Assert.Contains(p.PlanType, PolicyGenerator.FamilyPlanTypeChoices);
            });
            Assert.Equal(members.Select(m => m.Id), policies.Select(p => p.PatientId));
            Assert.Equal(new[] { "self", "spouse", "child", "child" },
                policies.Select(p => p.RelationshipToSubscriber));
            Assert.Equal(policies.Count, policies.Select(p => p.PolicyNumber).Distinct().Count());
            Assert.Equal(policies.Count, policies.Select(p => p.MemberId).Distinct().Count());
            Assert.True(policies.All(p => p.EffectiveDate >= members.Max(m => m.DateOfBirth)));
        }
    }

    [Fact]
    public void Family_amounts_are_twice_the_individual_ranges_and_hdhp_family_deductibles_are_at_least_3300()
    {
        var policies = PatientSample.Seeds(200)
            .SelectMany(seed => PolicySample.Generator(seed).GenerateFamily(0, Household(seed, 1)))
            .ToArray();

        Assert.All(policies.Where(p => p.PlanType == PlanType.HDHP), p => Assert.True(p.Deductible >= 3300m));
        Assert.All(policies, p => Assert.True(p.DeductibleMet <= p.Deductible && p.Deductible <= p.OutOfPocketMax
            && p.DeductibleMet <= p.OutOfPocketMet && p.OutOfPocketMet <= p.OutOfPocketMax));
    }

    [Fact]
    public void A_couple_without_children_is_employee_plus_spouse()
    {
        var policies = PolicySample.Generator(4).GenerateFamily(0, Household(4, 0));

        Assert.All(policies, p => Assert.Equal(CoverageTier.EmployeePlusSpouse, p.CoverageTier));
    }

    [Fact]
    public void A_family_takes_the_records_from_its_subscriber_index_on()
    {
        var policies = PolicySample.Generator(4).GenerateFamily(7, Household(4, 1));

        Assert.Equal(new[] { "pol_000008", "pol_000009", "pol_000010" }, policies.Select(p => p.PolicyNumber));
    }

    [Fact]
    public void A_family_of_one_gets_the_individual_policy()
    {
        var patient = PolicySample.Patients(8, 1, minAge: 30, maxAge: 40)[0];
        var generator = PolicySample.Generator(8);

        var family = Assert.Single(generator.GenerateFamily(3, new[] { patient }));

        Assert.Equal(PatientText.Canonical(generator.Generate(3, patient)), PatientText.Canonical(family));
    }

    [Fact]
    public void A_minor_first_is_refused_as_subscriber()
    {
        var members = Household(2, 1).Reverse().ToArray();

        var error = Assert.Throws<RecordException>(() => PolicySample.Generator(2).GenerateFamily(0, members));

        Assert.Equal("InvalidFamily", error.ErrorId);
        Assert.Contains(members[0].Id, error.Message);
    }

    [Fact]
    public void A_second_adult_who_is_not_a_dependant_is_refused_by_name()
    {
        var adults = PolicySample.Patients(6, 3, minAge: 40, maxAge: 50);

        var error = Assert.Throws<RecordException>(() => PolicySample.Generator(6).GenerateFamily(0, adults));

        Assert.Equal("InvalidFamily", error.ErrorId);
        Assert.Same(adults[2], error.Target);
    }

    [Fact]
    public void A_family_with_only_Medicare_allowed_cannot_be_covered()
    {
        var generator = PolicySample.Generator(6, o => o.PlanTypes = new[] { PlanType.Medicare });

        var error = Assert.Throws<RecordException>(() => generator.GenerateFamily(0, Household(6, 1)));

        Assert.Equal("NoEligiblePlanType", error.ErrorId);
    }

    [Fact]
    public void A_household_with_a_newborn_is_covered_from_the_birth_at_the_earliest()
    {
        var parents = PolicySample.Patients(12, 2, minAge: 30, maxAge: 40);
        var baby = PolicySample.Patients(13, 50, maxAge: 0).OrderByDescending(p => p.DateOfBirth).First();

        var policies = PolicySample.Generator(12).GenerateFamily(0, parents.Append(baby).ToArray());

        Assert.All(policies, p => Assert.True(p.EffectiveDate >= baby.DateOfBirth));
        Assert.NotEqual(PolicyStatus.Expired, policies[0].Status);
    }
}

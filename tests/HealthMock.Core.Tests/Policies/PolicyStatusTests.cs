using System;
using System.Linq;
using HealthMock.Generation;
using HealthMock.Seeds;
using HealthMock.Tests.Generation;
using Xunit;

namespace HealthMock.Tests.Policies;

/// <summary>
/// A patient's policy is its current coverage: Active at the reference date for the large majority, a few Pending
/// (starting within 60 days) and a few recently Expired (ended within 90 days), or only the statuses asked for.
/// </summary>
public class PolicyStatusTests : IClassFixture<PolicySample>
{
    private static readonly DateTime ReferenceDate = PolicySample.ReferenceDate;

    private readonly PolicySample _sample;

    public PolicyStatusTests(PolicySample sample)
    {
        _sample = sample;
    }

    public static TheoryData<DateTime> ReferenceDates => new TheoryData<DateTime>
    {
        new DateTime(2026, 1, 1),
        new DateTime(2026, 3, 31),
        new DateTime(2026, 12, 3),
        new DateTime(2026, 12, 31),
        new DateTime(2028, 2, 29),
        new DateTime(2027, 7, 15),
    };

    private static string Describe(InsurancePolicy p) =>
        $"{p.PolicyNumber}: {p.Status} {p.EffectiveDate:yyyy-MM-dd} to {p.EndDate:yyyy-MM-dd}";

    private static string? OutsideItsWindow(InsurancePolicy p, DateTime referenceDate) => p.Status switch
    {
        PolicyStatus.Active when p.EffectiveDate <= referenceDate && referenceDate <= p.EndDate => null,
        PolicyStatus.Pending when p.EffectiveDate > referenceDate
            && p.EffectiveDate <= referenceDate.AddDays(PolicyGenerator.PendingWithinDays) => null,
        PolicyStatus.Expired when p.EndDate < referenceDate
            && p.EndDate >= referenceDate.AddDays(-PolicyGenerator.ExpiredWithinDays) => null,
        _ => Describe(p),
    };

    [Fact]
    public void Pending_policies_start_within_60_days_and_expired_ones_ended_within_90_days()
    {
        PatientSample.AssertNone(_sample.Policies.Select(p => OutsideItsWindow(p, ReferenceDate))
            .Where(m => m is not null).Select(m => m!));
        Assert.Contains(_sample.Policies, p => p.Status == PolicyStatus.Pending);
        Assert.Contains(_sample.Policies, p => p.Status == PolicyStatus.Expired);
    }

    [Theory]
    [MemberData(nameof(ReferenceDates))]
    public void The_windows_hold_on_any_reference_date(DateTime referenceDate)
    {
        var patients = new PatientGenerator(SeedCatalog.Default, new PatientOptions
        {
            Seed = 5,
            ReferenceDate = referenceDate,
        }).Generate(0, 600).ToArray();
        var generator = new PolicyGenerator(SeedCatalog.Default,
            new PolicyOptions { Seed = 5, ReferenceDate = referenceDate });

        var policies = patients.Select((p, i) => generator.Generate(i, p)).ToArray();

        PatientSample.AssertNone(policies.Select(p => OutsideItsWindow(p, referenceDate))
            .Where(m => m is not null).Select(m => m!));
        Assert.Contains(policies, p => p.Status == PolicyStatus.Active);
    }

    [Fact]
    public void Plan_years_start_on_the_first_of_a_month_unless_a_baby_is_covered_from_birth()
    {
        PatientSample.AssertNone(_sample.Pairs
            .Where(x => x.Policy.EffectiveDate.Day != 1 && x.Policy.EffectiveDate != x.Patient.DateOfBirth)
            .Select(x => Describe(x.Policy)));
    }

    [Theory]
    [InlineData(PolicyStatus.Active)]
    [InlineData(PolicyStatus.Pending)]
    [InlineData(PolicyStatus.Expired)]
    public void Asking_for_one_status_gives_only_that_status_to_patients_older_than_two(PolicyStatus status)
    {
        var generator = PolicySample.Generator(11, o => o.Statuses = new[] { status });
        var patients = PolicySample.Patients(11, 300, minAge: 2);

        var policies = patients.Select((p, i) => generator.Generate(i, p)).ToArray();

        Assert.All(policies, p => Assert.Equal(status, p.Status));
        PatientSample.AssertNone(policies.Select(p => OutsideItsWindow(p, ReferenceDate))
            .Where(m => m is not null).Select(m => m!));
    }

    [Fact]
    public void Active_and_pending_without_expired_leave_no_lapsed_policy()
    {
        var generator = PolicySample.Generator(12,
            o => o.Statuses = new[] { PolicyStatus.Active, PolicyStatus.Pending });
        var patients = PolicySample.Patients(12, 1500);

        var policies = patients.Select((p, i) => generator.Generate(i, p)).ToArray();

        Assert.DoesNotContain(policies, p => p.Status == PolicyStatus.Expired);
        Assert.Contains(policies, p => p.Status == PolicyStatus.Pending);
    }

    [Fact]
    public void A_family_shares_one_status_and_is_mostly_active()
    {
        var generator = PolicySample.Generator(13);
        var adults = PolicySample.Patients(13, 400, minAge: 30, maxAge: 45);
        var children = PolicySample.Patients(14, 400, maxAge: 10);

        var families = Enumerable.Range(0, 400)
            .Select(k => generator.GenerateFamily(k * 2L, new[] { adults[k], children[k] })).ToArray();

        Assert.All(families, f => Assert.Single(f.Select(p => p.Status).Distinct()));
        Assert.InRange(families.Count(f => f[0].Status == PolicyStatus.Active), 360, 400);
    }

    [Fact]
    public void A_status_that_is_not_a_policy_status_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidOptionException>(
            () => PolicySample.Generator(1, o => o.Statuses = new[] { (PolicyStatus)9 }));

        Assert.Equal(nameof(PolicyOptions.Statuses), error.Option);
        Assert.Contains("9", error.Message);
    }
}

using System.Linq;
using HealthMock.Generation;
using HealthMock.Seeds;
using Xunit;

namespace HealthMock.Tests.Policies;

/// <summary>Choosing the payers that policies come from.</summary>
public sealed class PolicyPayerTests
{
    [Fact]
    public void Policies_come_only_from_the_payers_chosen_in_any_case()
    {
        var generator = PolicySample.Generator(3, o => o.Payers = new[] { "juniper crest health" });

        var policies = PolicySample.Patients(3, 60, maxAge: 60).Select((p, i) => generator.Generate(i, p)).ToArray();

        Assert.All(policies, p => Assert.Equal("Juniper Crest Health", p.Payer));
    }

    [Fact]
    public void No_payer_chosen_gives_the_same_policies_as_before_the_option_existed()
    {
        var patients = PolicySample.Patients(4, 30);
        var all = SeedCatalog.Default.Payers.Select(p => p.Name).ToArray();
        var unfiltered = PolicySample.Generator(4);
        var everyPayer = PolicySample.Generator(4, o => o.Payers = all);

        for (var i = 0; i < patients.Length; i++)
        {
            Assert.Equal(unfiltered.Generate(i, patients[i]).PlanName, everyPayer.Generate(i, patients[i]).PlanName);
        }
    }

    [Fact]
    public void An_unknown_payer_is_refused_with_its_name()
    {
        var error = Assert.Throws<InvalidOptionException>(() =>
            PolicySample.Generator(1, o => o.Payers = new[] { "Nobody Health" }));

        Assert.Equal(nameof(PolicyOptions.Payers), error.Option);
        Assert.Contains("'Nobody Health'", error.Message);
    }

    [Fact]
    public void A_plan_type_the_chosen_payers_do_not_sell_is_refused()
    {
        var payer = SeedCatalog.Default.Payers.First(p => p.Plans.All(plan => plan.PlanType != PlanType.Medicare));

        var error = Assert.Throws<InvalidOptionException>(() => PolicySample.Generator(1, o =>
        {
            o.Payers = new[] { payer.Name };
            o.PlanTypes = new[] { PlanType.Medicare };
        }));

        Assert.Equal(nameof(PolicyOptions.PlanTypes), error.Option);
        Assert.Contains("the payers chosen", error.Message);
    }
}

using System.Linq;
using HealthMock.Generation;
using HealthMock.Seeds;
using HealthMock.Tests.Generation;
using Xunit;

namespace HealthMock.Tests.Policies;

/// <summary>Record i of the policy stream depends on the seed, the options, i and its patient only.</summary>
public class PolicyDeterminismTests
{
    [Fact]
    public void Same_seed_and_patients_give_identical_policies()
    {
        var patients = PolicySample.Patients(21, 300);

        var first = patients.Select((p, i) => PatientText.Canonical(PolicySample.Generator(21).Generate(i, p)));
        var second = patients.Select((p, i) => PatientText.Canonical(PolicySample.Generator(21).Generate(i, p)));

        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void Record_i_does_not_depend_on_the_records_before_it()
    {
        var patients = PolicySample.Patients(22, 100);
        var generator = PolicySample.Generator(22);
        var forward = patients.Select((p, i) => PatientText.Canonical(generator.Generate(i, p))).ToArray();

        var backward = Enumerable.Range(0, patients.Length).Reverse()
            .Select(i => PatientText.Canonical(PolicySample.Generator(22).Generate(i, patients[i])))
            .Reverse();

        Assert.Equal(forward, backward.ToArray());
    }

    [Fact]
    public void A_different_seed_gives_different_policies()
    {
        var patient = PolicySample.Patients(23, 1)[0];

        var policies = Enumerable.Range(0, 20).Select(seed => PolicySample.Generator(seed).Generate(0, patient))
            .Select(p => p.MemberId + p.PlanName + p.DeductibleMet).Distinct();

        Assert.True(policies.Count() > 10);
    }

    [Fact]
    public void The_payers_seeds_offer_every_plan_type()
    {
        var offered = SeedCatalog.Default.Payers.SelectMany(p => p.Plans).Select(p => p.PlanType).Distinct();

        Assert.Equal(System.Enum.GetValues(typeof(PlanType)).Length, offered.Count());
    }

    [Fact]
    public void A_payers_file_with_an_unknown_plan_type_is_refused_with_the_field_named()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("healthmock-payers-").FullName;
        try
        {
            System.IO.File.WriteAllText(System.IO.Path.Combine(folder, "payers.json"),
                "{ \"payers\": [ { \"name\": \"Test Payer\", \"member_prefix\": \"TP\", "
                + "\"plans\": [ { \"plan_type\": \"Gold\", \"name\": \"Test Gold\" } ] } ] }");

            var error = Assert.Throws<SeedFormatException>(() => SeedCatalog.Load(folder));

            Assert.Equal("$.payers[0].plans[0].plan_type", error.Field);
            Assert.Contains("Gold", error.Message);
        }
        finally
        {
            System.IO.Directory.Delete(folder, true);
        }
    }
}

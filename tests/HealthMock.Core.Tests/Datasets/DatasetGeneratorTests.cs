using System;
using System.Linq;
using System.Reflection;
using HealthMock.Generation;
using HealthMock.Seeds;
using HealthMock.Tests.Generation;
using Xunit;

namespace HealthMock.Tests.Datasets;

/// <summary>Whole datasets from New-MockDataset's engine: linked, rule-abiding and reproducible.</summary>
public class DatasetGeneratorTests
{
    private static readonly DateTime ReferenceDate = new DateTime(2026, 12, 3);

    private static MockDataset Make(int seed, int patients = 120, int providers = 12, int appointments = 3,
        Action<DatasetOptions>? configure = null)
    {
        var options = new DatasetOptions
        {
            Seed = seed,
            ReferenceDate = ReferenceDate,
            PatientCount = patients,
            ProviderCount = providers,
            AppointmentsPerPatient = appointments,
        };
        configure?.Invoke(options);
        return new DatasetGenerator(SeedCatalog.Default, options).Generate();
    }

    public static TheoryData<int, int, int, int> Sizes => new TheoryData<int, int, int, int>
    {
        { 1, 300, 20, 3 },
        { 2, 50, 1, 2 },
        { 3, 80, 2, 4 },
        { 4, 10, 40, 0 },
        { 5, 1, 3, 6 },
        { -7, 200, 8, 1 },
        { int.MaxValue, 150, 5, 3 },
    };

    [Fact]
    public void The_checker_finds_no_violation_in_datasets_of_many_seeds()
    {
        foreach (var seed in PatientSample.Seeds(40))
        {
            var dataset = Make(seed, 100, 10, 3);

            PatientSample.AssertNone(new DatasetValidator().Validate(dataset)
                .Select(v => $"seed {seed}, rule {v.Rule}, {v.EntityId}: {v.Message}"));
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void The_checker_finds_no_violation_in_datasets_of_many_sizes(int seed, int patients, int providers,
        int appointments)
    {
        var dataset = Make(seed, patients, providers, appointments);

        PatientSample.AssertNone(new DatasetValidator().Validate(dataset)
            .Select(v => $"rule {v.Rule}, {v.EntityId}: {v.Message}"));
    }

    [Fact]
    public void The_same_seed_gives_the_same_dataset()
    {
        Assert.Equal(PatientText.Canonical(Make(9)), PatientText.Canonical(Make(9)));
    }

    [Fact]
    public void A_different_seed_gives_a_different_dataset()
    {
        Assert.NotEqual(PatientText.Canonical(Make(9).Patients), PatientText.Canonical(Make(10).Patients));
    }

    [Fact]
    public void The_counts_are_the_ones_asked_for()
    {
        var dataset = Make(11, 500, 25, 3);

        Assert.Equal(500, dataset.Patients.Count);
        Assert.Equal(25, dataset.Providers.Count);
        Assert.Equal(1500, dataset.Appointments.Count);
        Assert.Equal(dataset.Patients.Count(p => p.InsurancePolicyNumber is not null), dataset.Policies.Count);
    }

    [Fact]
    public void Most_patients_are_insured_a_few_are_not_and_some_share_a_family_policy()
    {
        var dataset = Make(12, 1000, 30, 0);
        var uninsured = dataset.Patients.Count(p => p.InsurancePolicyNumber is null);

        Assert.InRange(uninsured, 20, 150);
        Assert.Contains(dataset.Policies, p => p.CoverageTier == CoverageTier.Family);
        Assert.Contains(dataset.Policies, p => p.RelationshipToSubscriber == "spouse");
        Assert.Contains(dataset.Policies, p => p.RelationshipToSubscriber == "child");
        Assert.InRange(dataset.Policies.Count(p => p.CoverageTier == CoverageTier.Individual),
            dataset.Policies.Count / 2, dataset.Policies.Count);
    }

    [Fact]
    public void Every_link_resolves()
    {
        var dataset = Make(13, 300, 15, 2);
        var providers = dataset.Providers.ToDictionary(p => p.Id);
        var patients = dataset.Patients.ToDictionary(p => p.Id);
        var policies = dataset.Policies.ToDictionary(p => p.PolicyNumber);

        Assert.All(dataset.Patients, p => Assert.True(providers[p.PrimaryCareProviderId!].IsPrimaryCare));
        Assert.All(dataset.Patients.Where(p => p.InsurancePolicyNumber is not null), p =>
        {
            var policy = policies[p.InsurancePolicyNumber!];
            Assert.Equal(p.Id, policy.PatientId);
            Assert.Equal(policy.Payer, p.InsuranceProvider);
            Assert.Equal(policy.PlanType.ToString(), p.CoverageType);
            Assert.Equal(policy.Deductible - policy.DeductibleMet, p.DeductibleBalance);
        });
        Assert.All(dataset.Policies, p => Assert.True(patients.ContainsKey(p.SubscriberId)));
        Assert.All(dataset.Appointments, a => Assert.True(patients.ContainsKey(a.PatientId)
            && providers.ContainsKey(a.ProviderId)));
    }

    [Fact]
    public void The_providers_are_the_provider_stream_with_the_same_seed_in_the_network_state()
    {
        var dataset = Make(14, 50, 20, 0);
        var state = Assert.Single(dataset.Providers.Select(p => p.Clinic.State).Distinct());
        var stream = new ProviderGenerator(SeedCatalog.Default,
            new ProviderOptions { Seed = 14, States = new[] { state } }).Generate(0, 19).ToArray();

        Assert.Equal(PatientText.Canonical(stream), PatientText.Canonical(dataset.Providers.Take(19)));
    }

    [Fact]
    public void The_first_patients_are_the_patient_stream_with_those_providers_in_their_state()
    {
        var dataset = Make(15, 40, 10, 0);
        var stream = new PatientGenerator(SeedCatalog.Default, new PatientOptions
        {
            Seed = 15,
            ReferenceDate = ReferenceDate,
            Providers = dataset.Providers,
            States = new[] { dataset.Providers[0].Clinic.State },
        }).Generate(0, 40).ToArray();

        Assert.Equal(dataset.Patients.Select(p => p.Id), stream.Select(p => p.Id));
        Assert.Equal(dataset.Patients.Select(p => p.PrimaryCareProviderId),
            stream.Select(p => p.PrimaryCareProviderId));
    }

    [Fact]
    public void A_single_provider_is_made_a_primary_care_provider_for_every_age()
    {
        var dataset = Make(16, 60, 1, 2);

        var provider = Assert.Single(dataset.Providers);
        Assert.True(provider.IsPrimaryCare);
        Assert.All(dataset.Patients, p => Assert.Equal(provider.Id, p.PrimaryCareProviderId));
    }

    [Fact]
    public void Patients_without_providers_are_a_NoPrimaryCareProvider_error()
    {
        var error = Assert.Throws<PrimaryCarePoolException>(() => Make(17, 10, 0));

        Assert.Equal(PrimaryCarePoolException.NoPrimaryCareProvider, error.ErrorId);
        Assert.Contains("ProviderCount is 0", error.Message);
    }

    [Fact]
    public void Providers_alone_need_no_primary_care_provider()
    {
        var dataset = Make(18, 0, 0, 3);

        Assert.Empty(dataset.Patients);
        Assert.Empty(dataset.Appointments);
    }

    [Fact]
    public void Out_of_range_options_are_refused_by_name()
    {
        Assert.Equal(nameof(DatasetOptions.UninsuredShare), Assert.Throws<InvalidOptionException>(
            () => Make(19, configure: o => o.UninsuredShare = 1.5)).Option);
        Assert.Equal(nameof(DatasetOptions.PatientCount), Assert.Throws<InvalidOptionException>(
            () => Make(19, patients: -1)).Option);
    }

    [Fact]
    public void The_dataset_carries_its_seed_reference_date_and_module_version()
    {
        var dataset = Make(20, 5, 3, 1);
        var informational = typeof(DatasetGenerator).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        Assert.Equal(20, dataset.Seed);
        Assert.Equal(ReferenceDate, dataset.ReferenceDate);
        Assert.Equal(DateTimeKind.Unspecified, dataset.ReferenceDate.Kind);
        Assert.False(string.IsNullOrEmpty(dataset.ModuleVersion));
        Assert.StartsWith(dataset.ModuleVersion, informational);
    }

    [Fact]
    public void Cancellation_stops_the_work()
    {
        using var cancellation = new System.Threading.CancellationTokenSource();
        cancellation.Cancel();
        var generator = new DatasetGenerator(SeedCatalog.Default, new DatasetOptions { Seed = 21 });

        Assert.ThrowsAny<OperationCanceledException>(() => generator.Generate(cancellation.Token));
    }

    [Fact]
    public void Progress_is_reported_up_to_one_hundred_percent()
    {
        var reports = new System.Collections.Generic.List<int>();

        new DatasetGenerator(SeedCatalog.Default, new DatasetOptions { Seed = 22, ReferenceDate = ReferenceDate })
            .Generate(default, (_, percent) => reports.Add(percent));

        Assert.Equal(100, reports.Last());
        Assert.Equal(reports.OrderBy(p => p), reports);
    }
}

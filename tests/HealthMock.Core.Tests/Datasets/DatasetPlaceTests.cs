using System;
using System.Collections.Generic;
using System.Linq;
using HealthMock.Generation;
using HealthMock.Seeds;
using HealthMock.Tests.Generation;
using Xunit;

namespace HealthMock.Tests.Datasets;

/// <summary>
/// A dataset is one local clinic network. The guarantee checked here: every clinic is in a state of the network;
/// every patient lives in a state whose primary care providers see every patient age, and its primary care
/// provider practises in that state; every in-person appointment is with a provider in the patient's state
/// (providers elsewhere only by telehealth), since in these datasets no patient's local providers are fully booked.
/// </summary>
public class DatasetPlaceTests
{
    private static readonly DateTime ReferenceDate = new DateTime(2026, 12, 3);

    public static TheoryData<int, int, int, string[]> Networks => new TheoryData<int, int, int, string[]>
    {
        { 1, 1000, 40, Array.Empty<string>() },
        { 2, 300, 12, new[] { "OR", "WA", "CA" } },
        { 3, 300, 40, new[] { "TX", "FL", "NY", "CA", "OH" } },
        { 4, 200, 10, new[] { "OR", "WA", "CA" } },
        { 5, 120, 3, new[] { "NY", "NJ" } },
        { 6, 80, 1, new[] { "Texas", "fl" } },
        { 7, 200, 25, new[] { "MA", "RI", "CT", "NH" } },
    };

    private static (MockDataset Dataset, DatasetGenerator Generator) Make(int seed, int patients, int providers,
        IReadOnlyList<string> states)
    {
        var generator = new DatasetGenerator(SeedCatalog.Default, new DatasetOptions
        {
            Seed = seed,
            ReferenceDate = ReferenceDate,
            PatientCount = patients,
            ProviderCount = providers,
            AppointmentsPerPatient = 3,
            States = states,
        });
        return (generator.Generate(), generator);
    }

    private static IEnumerable<string> AwayFromHome(MockDataset dataset)
    {
        var providers = dataset.Providers.ToDictionary(p => p.Id);
        var patients = dataset.Patients.ToDictionary(p => p.Id);
        foreach (var patient in dataset.Patients)
        {
            var state = providers[patient.PrimaryCareProviderId!].Clinic.State;
            if (state != patient.State)
            {
                yield return $"patient {patient.Id} in {patient.State} has its primary care provider in {state}";
            }
        }

        foreach (var appointment in dataset.Appointments.Where(a => a.Mode == AppointmentMode.InPerson))
        {
            var home = patients[appointment.PatientId].State;
            var clinic = providers[appointment.ProviderId].Clinic.State;
            if (clinic != home)
            {
                yield return $"{appointment.Id}: patient in {home} seen in person in {clinic}";
            }
        }
    }

    [Fact]
    public void Every_primary_care_provider_and_in_person_visit_of_default_datasets_is_in_the_patient_state()
    {
        foreach (var seed in PatientSample.Seeds(20))
        {
            var (dataset, _) = Make(seed, 150, 12, Array.Empty<string>());

            PatientSample.AssertNone(AwayFromHome(dataset).Select(m => $"seed {seed}: {m}"));
        }
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Every_primary_care_provider_and_in_person_visit_is_in_the_patient_state(int seed, int patients,
        int providers, string[] states)
    {
        var (dataset, _) = Make(seed, patients, providers, states);

        Assert.Contains(dataset.Appointments, a => a.Mode == AppointmentMode.InPerson);
        PatientSample.AssertNone(AwayFromHome(dataset));
        PatientSample.AssertNone(new DatasetValidator().Validate(dataset)
            .Select(v => $"rule {v.Rule}, {v.EntityId}: {v.Message}"));
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Clinics_are_in_the_network_and_patients_only_where_primary_care_sees_every_age(int seed,
        int patients, int providers, string[] states)
    {
        var (dataset, generator) = Make(seed, patients, providers, states);
        var seeds = SeedCatalog.Default;

        Assert.Equal(states.Length == 0 ? 1 : states.Select(s => seeds.FindState(s)).Distinct().Count(),
            generator.States.Count);
        Assert.All(dataset.Providers, p => Assert.Contains(p.Clinic.State, generator.States));
        Assert.All(dataset.Patients.Select(p => p.State).Distinct(), state =>
        {
            var primaryCare = dataset.Providers
                .Where(p => p.IsPrimaryCare && p.Clinic.State == state)
                .Select(p => seeds.FindSpecialty(p.Specialty)!).ToArray();
            Assert.All(Enumerable.Range(0, 91), age => Assert.Contains(primaryCare, s => s.Serves(age)));
        });
    }

    [Fact]
    public void Telehealth_visits_may_cross_state_lines_in_a_network_of_several_states()
    {
        var (dataset, _) = Make(3, 300, 40, new[] { "TX", "FL", "NY", "CA", "OH" });
        var providers = dataset.Providers.ToDictionary(p => p.Id);
        var patients = dataset.Patients.ToDictionary(p => p.Id);

        var crossing = dataset.Appointments
            .Where(a => providers[a.ProviderId].Clinic.State != patients[a.PatientId].State).ToArray();

        Assert.NotEmpty(crossing);
        Assert.All(crossing, a => Assert.Equal(AppointmentMode.Telehealth, a.Mode));
    }

    [Fact]
    public void Without_states_the_network_is_one_state_with_several_cities_drawn_from_the_seed()
    {
        var seeds = SeedCatalog.Default;
        var drawn = PatientSample.Seeds(40).Select(seed => new DatasetGenerator(seeds,
            new DatasetOptions { Seed = seed, ReferenceDate = ReferenceDate }).States).ToArray();

        Assert.All(drawn, states => Assert.Single(states));
        Assert.All(drawn, states => Assert.True(seeds.Cities.Count(c => c.State == states[0]) >= 2, states[0]));
        Assert.InRange(drawn.Select(s => s[0]).Distinct().Count(), 5, 40);
        Assert.Equal(drawn[0], new DatasetGenerator(seeds,
            new DatasetOptions { Seed = PatientSample.Seeds(1).Single(), ReferenceDate = ReferenceDate }).States);
    }

    [Fact]
    public void A_default_dataset_keeps_providers_and_patients_in_its_one_state()
    {
        var (dataset, generator) = Make(1, 1000, 40, Array.Empty<string>());
        var state = Assert.Single(generator.States);

        Assert.All(dataset.Providers, p => Assert.Equal(state, p.Clinic.State));
        Assert.All(dataset.Patients, p => Assert.Equal(state, p.State));
    }

    [Fact]
    public void A_state_the_seeds_do_not_know_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidOptionException>(() => new DatasetGenerator(SeedCatalog.Default,
            new DatasetOptions { Seed = 1, States = new[] { "OR", "Atlantis" } }));

        Assert.Equal(nameof(DatasetOptions.States), error.Option);
        Assert.Equal("Atlantis", error.Value);
        Assert.Contains("Atlantis", error.Message);
    }

    [Fact]
    public void States_given_by_name_or_code_in_any_case_are_the_same_network()
    {
        var byName = Make(8, 60, 8, new[] { "Oregon", "washington" }).Dataset;
        var byCode = Make(8, 60, 8, new[] { "OR", "WA", "or" }).Dataset;

        Assert.Equal(PatientText.Canonical(byCode), PatientText.Canonical(byName));
    }
}

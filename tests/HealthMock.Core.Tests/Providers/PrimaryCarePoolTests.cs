using System;
using System.Collections.Generic;
using System.Linq;
using HealthMock.Generation;
using HealthMock.Seeds;
using HealthMock.Tests.Generation;
using Xunit;

namespace HealthMock.Tests.Providers;

public class PrimaryCarePoolTests
{
    private static readonly SeedCatalog Seeds = SeedCatalog.Default;

    private static readonly DateTime ReferenceDate = new DateTime(2026, 12, 3);

    private static Provider[] Providers(int seed, int count, params string[] specialties) =>
        new ProviderGenerator(Seeds, new ProviderOptions { Seed = seed, Specialties = specialties })
            .Generate(0, count).ToArray();

    private static Patient[] Patients(int seed, int count, IReadOnlyList<Provider>? providers = null,
        int minAge = 0, int maxAge = 90) =>
        new PatientGenerator(Seeds, new PatientOptions
        {
            Seed = seed,
            ReferenceDate = ReferenceDate,
            MinAge = minAge,
            MaxAge = maxAge,
            Providers = providers,
        }).Generate(0, count).ToArray();

    [Fact]
    public void Over_many_seeds_minors_get_pediatrics_or_family_medicine_and_adults_never_a_pediatrician()
    {
        foreach (var seed in PatientSample.Seeds(60))
        {
            var pool = PrimaryCarePool.CreateDefault(Seeds, seed).Providers.ToDictionary(p => p.Id);
            foreach (var patient in Patients(seed, 150))
            {
                var provider = pool[patient.PrimaryCareProviderId!];
                Assert.True(provider.IsPrimaryCare);
                Assert.Equal(provider.DisplayName, patient.PrimaryCareProvider);
                Assert.True(Seeds.FindSpecialty(provider.Specialty)!.Serves(patient.Age),
                    $"{patient.Id} aged {patient.Age} has {provider.Specialty} provider {provider.Id}.");
                if (patient.Age < 18)
                {
                    Assert.Contains(provider.Specialty, new[] { "Pediatrics", "Family Medicine" });
                }
                else
                {
                    Assert.NotEqual("Pediatrics", provider.Specialty);
                }
            }
        }
    }

    [Fact]
    public void The_default_pool_is_the_start_of_the_provider_stream_with_a_primary_care_share_of_one()
    {
        var pool = PrimaryCarePool.CreateDefault(Seeds, 77);
        Assert.True(pool.Providers.Count >= PrimaryCarePool.DefaultSize);
        var stream = new ProviderGenerator(Seeds, new ProviderOptions { Seed = 77, PrimaryCareShare = 1 })
            .Generate(0, pool.Providers.Count).Select(PatientText.Canonical);
        Assert.Equal(stream, pool.Providers.Select(PatientText.Canonical));
    }

    [Fact]
    public void The_default_pool_serves_every_age_over_many_seeds()
    {
        foreach (var seed in PatientSample.Seeds(200))
        {
            var pool = PrimaryCarePool.CreateDefault(Seeds, seed);
            Assert.All(Enumerable.Range(0, PatientOptions.OldestAge + 1), age => Assert.True(pool.Serves(age)));
        }
    }

    [Fact]
    public void Patients_given_providers_get_primary_care_providers_from_that_list_only()
    {
        var providers = Providers(1, 40);
        var primaryCare = providers.Where(p => p.IsPrimaryCare).Select(p => p.Id).ToHashSet();
        var patients = Patients(2, 500, providers);
        Assert.All(patients, p => Assert.Contains(p.PrimaryCareProviderId!, primaryCare));
        Assert.True(patients.Select(p => p.PrimaryCareProviderId).Distinct().Count() > 1);
    }

    [Fact]
    public void Pediatricians_alone_serve_patients_kept_under_eighteen()
    {
        var pediatricians = Providers(3, 5, "Pediatrics");
        var patients = Patients(4, 200, pediatricians, maxAge: 17);
        Assert.All(patients, p => Assert.StartsWith("dr_", p.PrimaryCareProviderId));
    }

    [Fact]
    public void Pediatricians_alone_cannot_serve_adults()
    {
        var error = Assert.Throws<PrimaryCarePoolException>(() => Patients(5, 10, Providers(3, 5, "Pediatrics")));
        Assert.Equal(PrimaryCarePoolException.NoSuitableProvider, error.ErrorId);
        Assert.Equal(18, error.Value);
        Assert.Contains("aged 18", error.Message);
        Assert.Contains("Pediatrics", error.Message);
        Assert.Contains("0 to 17", error.Message);
    }

    [Fact]
    public void Internists_alone_cannot_serve_children()
    {
        var error = Assert.Throws<PrimaryCarePoolException>(() => Patients(5, 10, Providers(3, 5, "Primary Care")));
        Assert.Equal(PrimaryCarePoolException.NoSuitableProvider, error.ErrorId);
        Assert.Equal(0, error.Value);
    }

    [Fact]
    public void Specialists_alone_or_no_providers_are_refused_as_having_no_primary_care_provider()
    {
        var specialists = Assert.Throws<PrimaryCarePoolException>(() =>
            Patients(6, 1, Providers(3, 5, "Cardiology", "Urology")));
        Assert.Equal(PrimaryCarePoolException.NoPrimaryCareProvider, specialists.ErrorId);
        Assert.Contains("Cardiology", specialists.Message);
        var none = Assert.Throws<PrimaryCarePoolException>(() => Patients(6, 1, Array.Empty<Provider>()));
        Assert.Equal(PrimaryCarePoolException.NoPrimaryCareProvider, none.ErrorId);
    }

    [Fact]
    public void A_provider_whose_specialty_is_not_in_the_seeds_is_refused()
    {
        var provider = Providers(3, 1, "Family Medicine")[0];
        provider.Specialty = "Astrology";
        var error = Assert.Throws<PrimaryCarePoolException>(() => new PrimaryCarePool(Seeds, new[] { provider }));
        Assert.Equal(PrimaryCarePoolException.UnknownSpecialty, error.ErrorId);
        Assert.Contains("Astrology", error.Message);
    }

    [Fact]
    public void A_patient_gets_a_provider_in_their_own_state_when_the_pool_has_one_there()
    {
        var providers = new ProviderGenerator(Seeds, new ProviderOptions
        {
            Seed = 8,
            Specialties = new[] { "Family Medicine" },
            States = new[] { "MA", "TX" },
        }).Generate(0, 30).ToArray();
        var pool = new PrimaryCarePool(Seeds, providers);
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal("TX", pool.Pick(9, i, 40, "TX").Clinic.State);
            Assert.Equal("MA", pool.Pick(9, i, 40, "MA").Clinic.State);
            Assert.Contains(pool.Pick(9, i, 40, "WA").Clinic.State, new[] { "MA", "TX" });
        }
    }

    [Fact]
    public void Choosing_providers_changes_no_patient_field_but_the_primary_care_provider()
    {
        var withDefault = Patients(10, 200);
        var withGiven = Patients(10, 200, Providers(11, 30));
        for (var i = 0; i < withDefault.Length; i++)
        {
            Assert.NotNull(withGiven[i].PrimaryCareProviderId);
            withGiven[i].PrimaryCareProviderId = withDefault[i].PrimaryCareProviderId;
            withGiven[i].PrimaryCareProvider = withDefault[i].PrimaryCareProvider;
            Assert.Equal(PatientText.Canonical(withDefault[i]), PatientText.Canonical(withGiven[i]));
        }
    }

    [Fact]
    public void The_primary_care_provider_of_a_patient_keeps_the_prefix_property()
    {
        var providers = Providers(12, 25);
        var whole = Patients(13, 300, providers).Select(p => p.PrimaryCareProviderId).ToArray();
        var part = Patients(13, 40, providers).Select(p => p.PrimaryCareProviderId);
        Assert.Equal(whole.Take(40), part);
    }

    [Fact]
    public void A_provider_listed_twice_counts_once()
    {
        var providers = Providers(14, 10, "Family Medicine");
        var pool = new PrimaryCarePool(Seeds, providers.Concat(providers));
        Assert.Equal(providers.Select(p => p.Id), pool.Providers.Select(p => p.Id));
    }
}

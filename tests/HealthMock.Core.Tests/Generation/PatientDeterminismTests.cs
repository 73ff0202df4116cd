using System;
using System.Globalization;
using System.Linq;
using HealthMock.Generation;
using HealthMock.Seeds;
using Xunit;

namespace HealthMock.Tests.Generation;

/// <summary>Record i is a function of the seed, the options and i only: nothing else may change it.</summary>
public class PatientDeterminismTests
{
    private static readonly DateTime ReferenceDate = new DateTime(2026, 12, 3);

    [Fact]
    public void Same_seed_gives_identical_patients()
    {
        var first = Canonical(Generator(7), 0, 200);
        var second = Canonical(Generator(7), 0, 200);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Same_seed_and_filters_give_identical_patients()
    {
        PatientOptions Options() => new PatientOptions
        {
            Seed = 11,
            ReferenceDate = ReferenceDate,
            MinAge = 18,
            MaxAge = 40,
            Sexes = new[] { Sex.Female, Sex.Other },
            States = new[] { "ma", "Texas" },
            EmailDomains = new[] { "clinic.test" },
        };

        var first = Canonical(new PatientGenerator(SeedCatalog.Default, Options()), 0, 100);
        var second = Canonical(new PatientGenerator(SeedCatalog.Default, Options()), 0, 100);

        Assert.Equal(first, second);
    }

    [Fact]
    public void The_canonical_form_covers_nested_arrays()
    {
        var patient = Generator(7).Generate(0, 500).First(p => p.Medications.Length > 0 && p.Allergies.Length > 0);

        var text = PatientText.Canonical(patient);

        Assert.Contains(patient.Medications[0].TreatsCode, text);
        Assert.Contains(patient.Allergies[0], text);
        Assert.Contains(patient.EmergencyContact!.Phone, text);
    }

    [Fact]
    public void Record_i_does_not_depend_on_the_count()
    {
        var generator = Generator(7);
        var ten = Canonical(generator, 0, 10);
        var thousand = Canonical(generator, 0, 1000);

        Assert.Equal(ten, thousand.Take(10));
    }

    [Fact]
    public void Record_i_does_not_depend_on_the_records_made_before_it()
    {
        var inOrder = Canonical(Generator(7), 0, 50);
        var generator = Generator(7);
        var backwards = Enumerable.Range(0, 50).Reverse().Select(i => PatientText.Canonical(generator.Generate(i)))
            .Reverse();

        Assert.Equal(inOrder, backwards);
    }

    [Fact]
    public void Shards_made_apart_join_into_one_run()
    {
        var whole = Canonical(Generator(7), 0, 100);
        var shards = Canonical(Generator(7), 0, 40)
            .Concat(Canonical(Generator(7), 40, 35))
            .Concat(Canonical(Generator(7), 75, 25));

        Assert.Equal(whole, shards);
    }

    [Fact]
    public void A_shard_past_the_first_id_block_matches_the_whole_run()
    {
        var whole = Canonical(Generator(7), 0, 10_010).Skip(9_990);
        var shard = Canonical(Generator(7), 9_990, 20);

        Assert.Equal(whole, shard);
    }

    [Fact]
    public void Different_seeds_give_different_patients()
    {
        var one = Canonical(Generator(1), 0, 20);
        var two = Canonical(Generator(2), 0, 20);

        Assert.All(one.Zip(two), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public void Different_reference_dates_give_different_ages()
    {
        var now = Generator(7).Generate(0, 20).Select(p => p.Age);
        var later = new PatientGenerator(SeedCatalog.Default,
                new PatientOptions { Seed = 7, ReferenceDate = ReferenceDate.AddYears(5) })
            .Generate(0, 20).Select(p => p.Age);

        Assert.NotEqual(now, later);
    }

    [Fact]
    public void The_time_of_day_of_the_reference_date_does_not_matter()
    {
        var midnight = Canonical(Generator(7), 0, 50);
        var evening = Canonical(new PatientGenerator(SeedCatalog.Default,
            new PatientOptions { Seed = 7, ReferenceDate = ReferenceDate.AddHours(23.5) }), 0, 50);

        Assert.Equal(midnight, evening);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    [InlineData("th-TH")]
    public void Output_is_the_same_in_every_culture(string cultureName)
    {
        var snapshot = InCulture(CultureInfo.InvariantCulture, () => Canonical(Generator(7), 0, 300));

        var output = InCulture(new CultureInfo(cultureName), () =>
            Canonical(new PatientGenerator(SeedCatalog.Load(null), Options(7)), 0, 300));

        Assert.Equal(snapshot, output);
    }

    [Fact]
    public void The_culture_is_restored_after_a_culture_test()
    {
        var before = CultureInfo.CurrentCulture;

        InCulture(new CultureInfo("tr-TR"), () => Canonical(Generator(1), 0, 1));

        Assert.Same(before, CultureInfo.CurrentCulture);
    }

    private static PatientOptions Options(int seed) =>
        new PatientOptions { Seed = seed, ReferenceDate = ReferenceDate };

    private static PatientGenerator Generator(int seed) => new PatientGenerator(SeedCatalog.Default, Options(seed));

    private static string[] Canonical(PatientGenerator generator, long start, long count) =>
        generator.Generate(start, count).Select(PatientText.Canonical).ToArray();

    private static T InCulture<T>(CultureInfo culture, Func<T> action)
    {
        var culture0 = CultureInfo.CurrentCulture;
        var uiCulture0 = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture0;
            CultureInfo.CurrentUICulture = uiCulture0;
        }
    }
}

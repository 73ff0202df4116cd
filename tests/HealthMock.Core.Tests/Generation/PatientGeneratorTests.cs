using System;
using System.Linq;
using System.Text.RegularExpressions;
using HealthMock.Generation;
using HealthMock.Seeds;
using Xunit;

namespace HealthMock.Tests.Generation;

/// <summary>The generator's own contract: indexes, ranges and the size of its identity space.</summary>
public class PatientGeneratorTests
{
    private static readonly DateTime ReferenceDate = new DateTime(2026, 12, 3);

    [Fact]
    public void A_negative_index_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Generator(1).Generate(-1));
    }

    [Fact]
    public void A_count_of_zero_gives_no_patients()
    {
        Assert.Empty(Generator(1).Generate(5, 0));
    }

    [Fact]
    public void Generate_with_a_range_is_lazy()
    {
        var first = Generator(1).Generate(0, long.MaxValue).Take(3).ToArray();

        Assert.Equal(3, first.Length);
    }

    [Fact]
    public void A_run_that_reaches_the_last_index_still_streams()
    {
        var generator = Generator(1);

        var started = generator.Generate(1, long.MaxValue).Take(2).Select(PatientText.Canonical);
        var last = generator.Generate(long.MaxValue, 1).Select(PatientText.Canonical).ToArray();

        Assert.Equal(new[] { 1L, 2L }.Select(i => PatientText.Canonical(generator.Generate(i))), started);
        Assert.Equal(PatientText.Canonical(generator.Generate(long.MaxValue)), Assert.Single(last));
    }

    [Fact]
    public void Ids_have_four_digits_for_the_first_ten_thousand_records_and_more_after()
    {
        var generator = Generator(1);

        Assert.All(generator.Generate(9_990, 10), p => Assert.Matches(@"_\d{4}$", p.Id));
        Assert.All(generator.Generate(10_000, 10), p => Assert.Matches(@"_\d{5}$", p.Id));
    }

    [Fact]
    public void Ids_near_the_last_index_are_still_first_last_number()
    {
        var ids = Enumerable.Range(0, 20).SelectMany(seed =>
        {
            var generator = Generator(seed);
            return Enumerable.Range(0, 6).Select(i => generator.Generate(long.MaxValue - i).Id);
        }).ToList();

        Assert.Equal(120, ids.Count);
        Assert.All(ids, id => Assert.Matches(new Regex(@"^[a-z]+_[a-z]+_\d{4,}$"), id));
    }

    [Fact]
    public void The_identity_space_is_every_last_name_on_every_allowed_birth_day()
    {
        var generator = new PatientGenerator(SeedCatalog.Default,
            new PatientOptions { Seed = 1, ReferenceDate = ReferenceDate, MinAge = 0, MaxAge = 0 });

        Assert.Equal((ulong)SeedCatalog.Default.LastNames.Count * 365, generator.UniqueIdentityCount);
    }

    private static PatientGenerator Generator(int seed) =>
        new PatientGenerator(SeedCatalog.Default, new PatientOptions { Seed = seed, ReferenceDate = ReferenceDate });
}

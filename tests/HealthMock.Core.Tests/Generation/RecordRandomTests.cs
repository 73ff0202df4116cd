using System;
using System.Linq;
using HealthMock.Randomness;
using Xunit;

namespace HealthMock.Tests.Generation;

public class RecordRandomTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(int.MaxValue)]
    public void Next_stays_in_range(int maxExclusive)
    {
        var random = new RecordRandom(42, RecordKind.Patient, 0);

        for (var i = 0; i < 20_000; i++)
        {
            var value = random.Next(maxExclusive);
            Assert.InRange(value, 0, maxExclusive - 1);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(100)]
    public void Next_reaches_every_value_of_a_small_range(int maxExclusive)
    {
        var random = new RecordRandom(42, RecordKind.Patient, 0);
        var seen = new bool[maxExclusive];

        for (var i = 0; i < 20_000; i++)
        {
            seen[random.Next(maxExclusive)] = true;
        }

        Assert.All(seen, Assert.True);
    }

    [Fact]
    public void Between_includes_both_ends()
    {
        var random = new RecordRandom(1, RecordKind.Patient, 5);
        var values = Enumerable.Range(0, 5_000).Select(_ => random.Between(-3, 3)).ToList();

        Assert.Equal(Enumerable.Range(-3, 7), values.Distinct().OrderBy(v => v));
    }

    [Fact]
    public void NextDouble_stays_in_the_unit_interval()
    {
        var random = new RecordRandom(1, RecordKind.Patient, 5);

        for (var i = 0; i < 20_000; i++)
        {
            Assert.InRange(random.NextDouble(), 0.0, 0.9999999999999999);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Next_refuses_a_bound_that_is_not_positive(int maxExclusive)
    {
        var random = new RecordRandom(1, RecordKind.Patient, 0);

        Assert.Throws<ArgumentOutOfRangeException>(() => random.Next(maxExclusive));
    }

    [Fact]
    public void The_sequence_depends_on_seed_kind_and_index_only()
    {
        ulong[] Draws(int seed, RecordKind kind, long index)
        {
            var random = new RecordRandom(seed, kind, index);
            return Enumerable.Range(0, 8).Select(_ => random.NextUInt64()).ToArray();
        }

        Assert.Equal(Draws(7, RecordKind.Patient, 3), Draws(7, RecordKind.Patient, 3));
        Assert.NotEqual(Draws(7, RecordKind.Patient, 3), Draws(8, RecordKind.Patient, 3));
        Assert.NotEqual(Draws(7, RecordKind.Patient, 3), Draws(7, RecordKind.Provider, 3));
        Assert.NotEqual(Draws(7, RecordKind.Patient, 3), Draws(7, RecordKind.Patient, 4));
    }

    [Fact]
    public void The_sequence_is_SplitMix64_and_the_same_on_every_platform()
    {
        // Computed independently from the SplitMix64 definition for seed 42, the patient stream, record 0.
        var random = new RecordRandom(42, RecordKind.Patient, 0);

        Assert.Equal(0x5874120B34293E83UL, random.NextUInt64());
        Assert.Equal(0x044C0973CC923FCCUL, random.NextUInt64());
    }
}

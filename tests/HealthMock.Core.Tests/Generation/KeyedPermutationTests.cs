using System;
using System.Linq;
using HealthMock.Randomness;
using Xunit;

namespace HealthMock.Tests.Generation;

public class KeyedPermutationTests
{
    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    [InlineData(7UL)]
    [InlineData(1000UL)]
    [InlineData(4096UL)]
    [InlineData(4097UL)]
    [InlineData(65537UL)]
    public void Map_is_a_bijection_of_the_range_for_every_seed(ulong size)
    {
        foreach (var seed in new[] { 0, 1, 42, -1, int.MinValue, int.MaxValue })
        {
            var permutation = new KeyedPermutation(size, seed, RecordKind.PatientIdentity);
            var seen = new bool[size];
            for (var value = 0UL; value < size; value++)
            {
                var slot = permutation.Map(value);
                Assert.True(slot < size, $"seed {seed}: Map({value}) = {slot} is outside [0, {size})");
                Assert.False(seen[slot], $"seed {seed}: slot {slot} is taken twice");
                seen[slot] = true;
            }
        }
    }

    [Fact]
    public void Map_takes_the_value_modulo_the_size()
    {
        var permutation = new KeyedPermutation(1000, 42, RecordKind.PatientIdentity);

        Assert.Equal(permutation.Map(3), permutation.Map(1003));
        Assert.Equal(1000UL, permutation.Size);
    }

    [Fact]
    public void Same_seed_and_kind_give_the_same_mapping()
    {
        var first = new KeyedPermutation(4097, 7, RecordKind.PatientIdentity);
        var second = new KeyedPermutation(4097, 7, RecordKind.PatientIdentity);

        Assert.All(Enumerable.Range(0, 4097), i => Assert.Equal(first.Map((ulong)i), second.Map((ulong)i)));
    }

    [Fact]
    public void Different_seeds_and_kinds_give_different_mappings()
    {
        ulong[] Slots(int seed, RecordKind kind)
        {
            var permutation = new KeyedPermutation(1000, seed, kind);
            return Enumerable.Range(0, 1000).Select(i => permutation.Map((ulong)i)).ToArray();
        }

        Assert.NotEqual(Slots(7, RecordKind.PatientIdentity), Slots(8, RecordKind.PatientIdentity));
        Assert.NotEqual(Slots(7, RecordKind.PatientIdentity), Slots(7, RecordKind.Provider));
    }

    [Fact]
    public void The_mapping_shuffles_rather_than_keeping_the_order()
    {
        var permutation = new KeyedPermutation(1000, 42, RecordKind.PatientIdentity);

        var fixedPoints = Enumerable.Range(0, 1000).Count(i => permutation.Map((ulong)i) == (ulong)i);

        Assert.InRange(fixedPoints, 0, 10);
    }

    [Fact]
    public void A_size_of_zero_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KeyedPermutation(0, 1, RecordKind.PatientIdentity));
    }
}

using System;
using System.Collections.Generic;

namespace HealthMock.Randomness;

/// <summary>
/// A small, fast pseudo-random generator for one record. Its whole state is derived from the run's seed,
/// the kind of record and the record's index, so record i never depends on the records before it.
/// </summary>
/// <remarks>
/// The sequence is SplitMix64, which is statistically sound for this use, allocation free and identical
/// on every platform. Nothing here reads the clock or any shared random state.
/// </remarks>
public struct RecordRandom
{
    private ulong _state;

    /// <summary>Creates the generator for record <paramref name="index"/> of a stream.</summary>
    public RecordRandom(int seed, RecordKind kind, long index)
    {
        _state = Mix(Mix(Mix((ulong)(uint)seed) ^ (ulong)kind) ^ (ulong)index);
    }

    /// <summary>Creates a generator from a raw 64-bit state, for derived streams.</summary>
    public RecordRandom(ulong state)
    {
        _state = Mix(state);
    }

    /// <summary>Returns the next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Returns an integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        if (maxExclusive <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, "Expected a positive bound.");
        }

        return (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);
    }

    /// <summary>Returns an integer in [<paramref name="minInclusive"/>, <paramref name="maxInclusive"/>].</summary>
    public int Between(int minInclusive, int maxInclusive) => minInclusive + Next(maxInclusive - minInclusive + 1);

    /// <summary>Returns a double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Returns true with probability <paramref name="probability"/>.</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Returns one element of <paramref name="items"/>, each equally likely.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Finalizes a 64-bit value into a well-mixed one (the SplitMix64 output function).</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

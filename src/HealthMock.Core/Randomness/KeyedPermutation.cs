using System;

namespace HealthMock.Randomness;

/// <summary>
/// A seeded one-to-one shuffle of the integers [0, size). Record i takes slot <c>Map(i)</c>, so two records
/// of one run never share a slot, and any record's slot is computed without the others.
/// </summary>
/// <remarks>
/// A balanced Feistel network over the smallest even number of bits that covers the size; values that land
/// outside the range are encrypted again (cycle walking), which keeps the mapping a bijection.
/// </remarks>
public sealed class KeyedPermutation
{
    private const int Rounds = 4;

    private readonly ulong _size;
    private readonly int _halfBits;
    private readonly ulong _halfMask;
    private readonly ulong[] _keys = new ulong[Rounds];

    /// <summary>Creates the permutation of [0, <paramref name="size"/>) for a seed and stream.</summary>
    public KeyedPermutation(ulong size, int seed, RecordKind kind)
    {
        if (size == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "Expected a positive size.");
        }

        _size = size;
        var bits = 2;
        while (bits < 64 && (1UL << bits) < size)
        {
            bits += 2;
        }

        _halfBits = bits / 2;
        _halfMask = (1UL << _halfBits) - 1;
        var random = new RecordRandom(seed, kind, 0);
        for (var i = 0; i < Rounds; i++)
        {
            _keys[i] = random.NextUInt64();
        }
    }

    /// <summary>The number of values permuted.</summary>
    public ulong Size => _size;

    /// <summary>Maps <paramref name="value"/> (taken modulo the size) to its slot.</summary>
    public ulong Map(ulong value)
    {
        var x = value % _size;
        do
        {
            x = Encrypt(x);
        }
        while (x >= _size);

        return x;
    }

    private ulong Encrypt(ulong x)
    {
        var left = x >> _halfBits;
        var right = x & _halfMask;
        for (var round = 0; round < Rounds; round++)
        {
            var next = left ^ (RecordRandom.Mix(right ^ _keys[round]) & _halfMask);
            left = right;
            right = next;
        }

        return (left << _halfBits) | right;
    }
}

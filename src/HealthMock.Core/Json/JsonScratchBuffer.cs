using System;
using System.Buffers;

namespace HealthMock.Json;

/// <summary>
/// A growable byte buffer that a <see cref="System.Text.Json.Utf8JsonWriter"/> writes one record into, so the record
/// can be framed, copied to the output and then forgotten.
/// </summary>
internal sealed class JsonScratchBuffer : IBufferWriter<byte>
{
    private const int InitialSize = 4 * 1024;

    // A record far larger than usual grows the buffer; past this size it is given back after the record.
    private const int KeptSize = 1024 * 1024;

    private byte[] buffer = new byte[InitialSize];

    /// <summary>
    /// Gets the array that holds the bytes written; valid until the next write.
    /// </summary>
    public byte[] Buffer => buffer;

    /// <summary>
    /// Gets the number of bytes written since the last <see cref="Clear"/>.
    /// </summary>
    public int Count { get; private set; }

    /// <summary>
    /// Forgets the bytes written, and releases an unusually large buffer.
    /// </summary>
    public void Clear()
    {
        Count = 0;
        if (buffer.Length > KeptSize)
        {
            buffer = new byte[InitialSize];
        }
    }

    /// <inheritdoc/>
    public void Advance(int count)
    {
        if (count < 0 || count > buffer.Length - Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "Expected at most the size of the span given.");
        }

        Count += count;
    }

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return buffer.AsMemory(Count);
    }

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return buffer.AsSpan(Count);
    }

    private void Reserve(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (buffer.Length - Count < needed)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, Count + needed));
        }
    }
}

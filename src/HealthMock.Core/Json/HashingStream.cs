using System;
using System.IO;
using System.Security.Cryptography;

namespace HealthMock.Json;

/// <summary>
/// A write-only stream that passes every byte on to an inner stream and computes their SHA-256 hash on the way, so
/// a file's hash is known when it is written, without reading it back.
/// </summary>
/// <remarks>
/// Behind a <see cref="WriteBehindStream"/> the hashing runs on that stream's worker thread, beside the thread
/// that makes the bytes.
/// </remarks>
internal sealed class HashingStream : Stream
{
    private readonly Stream inner;

    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    private string? result;

    /// <summary>Initializes a new instance of the <see cref="HashingStream"/> class.</summary>
    /// <param name="inner">The stream written to; disposed with this one.</param>
    public HashingStream(Stream inner)
    {
        this.inner = inner;
    }

    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => result is null;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>
    /// Ends the hash: returns the SHA-256 hash of every byte written, as lower-case hexadecimal. Nothing may be
    /// written afterwards.
    /// </summary>
    public string Finish()
    {
        if (result is null)
        {
            var bytes = hash.GetHashAndReset();
            var hex = new char[bytes.Length * 2];
            for (var i = 0; i < bytes.Length; i++)
            {
                hex[2 * i] = HexDigit(bytes[i] >> 4);
                hex[(2 * i) + 1] = HexDigit(bytes[i] & 0xF);
            }

            result = new string(hex);
        }

        return result;
    }

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count)
    {
        if (result is not null)
        {
            throw new InvalidOperationException("The hash is finished; nothing more can be written.");
        }

        hash.AppendData(buffer, offset, count);
        inner.Write(buffer, offset, count);
    }

    /// <inheritdoc/>
    public override void Flush() => inner.Flush();

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hash.Dispose();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);
}

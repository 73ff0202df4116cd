using System;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace HealthMock.Json;

/// <summary>
/// A write-only stream that collects bytes into large blocks and writes each full block to the inner stream on a
/// worker thread while the caller fills the next one, so that writing a file overlaps with making its bytes.
/// </summary>
/// <remarks>
/// Two blocks are used in turn, so memory stays at two blocks however much is written. The writing thread is the
/// stream's own and waits without spinning, which matters on two cores. A failed write is thrown, as it was, by the
/// next <see cref="Write"/> or <see cref="Flush"/>. Use from one thread at a time.
/// </remarks>
internal sealed class WriteBehindStream : Stream
{
    private const int BlockSize = 256 * 1024;

    private readonly Stream inner;

    private readonly object gate = new();

    private readonly Thread writer;

    private byte[] block = new byte[BlockSize];

    private int count;

    // The other block: free for the next swap when not null, else being written.
    private byte[]? free = new byte[BlockSize];

    private byte[]? pending;

    private int pendingCount;

    private ExceptionDispatchInfo? failure;

    private bool closing;

    private bool disposed;

    /// <summary>
    /// Initializes a new instance of the <see cref="WriteBehindStream"/> class.
    /// </summary>
    /// <param name="inner">The stream written to; disposed with this one.</param>
    public WriteBehindStream(Stream inner)
    {
        this.inner = inner;
        writer = new Thread(WriteBlocks) { IsBackground = true, Name = "HealthMock JSON file writer" };
        writer.Start();
    }

    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => !disposed;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count)
    {
        while (count > 0)
        {
            var taken = Math.Min(count, block.Length - this.count);
            Buffer.BlockCopy(buffer, offset, block, this.count, taken);
            this.count += taken;
            offset += taken;
            count -= taken;
            if (this.count == block.Length)
            {
                HandOver();
            }
        }
    }

    /// <summary>
    /// Writes everything collected so far to the inner stream, waits for it, and flushes the inner stream.
    /// </summary>
    public override void Flush()
    {
        if (count > 0)
        {
            HandOver();
        }

        lock (gate)
        {
            while (free is null)
            {
                Monitor.Wait(gate);
            }

            failure?.Throw();
        }

        inner.Flush();
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>
    /// Waits for the block being written, without writing what was collected since, and disposes the inner stream.
    /// </summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            disposed = true;
            lock (gate)
            {
                closing = true;
                Monitor.PulseAll(gate);
            }

            writer.Join();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void HandOver()
    {
        lock (gate)
        {
            while (free is null)
            {
                Monitor.Wait(gate);
            }

            failure?.Throw();
            pending = block;
            pendingCount = count;
            block = free;
            free = null;
            Monitor.PulseAll(gate);
        }

        count = 0;
    }

    private void WriteBlocks()
    {
        while (true)
        {
            byte[] full;
            int length;
            lock (gate)
            {
                while (pending is null && !closing)
                {
                    Monitor.Wait(gate);
                }

                if (pending is null)
                {
                    return;
                }

                full = pending;
                length = pendingCount;
                pending = null;
            }

            ExceptionDispatchInfo? error = null;
            try
            {
                inner.Write(full, 0, length);
            }
            catch (Exception e)
            {
                error = ExceptionDispatchInfo.Capture(e);
            }

            lock (gate)
            {
                failure ??= error;
                free = full;
                Monitor.PulseAll(gate);
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace HealthMock.Generation;

/// <summary>
/// Generates records <c>start</c> to <c>start + count - 1</c> on a worker thread, a bounded number ahead of the
/// reader, and hands them over in index order. The reader gets exactly what a loop calling the generator would
/// give, while the generation runs on another core.
/// </summary>
/// <remarks>
/// At most <c>batchSize * batchesAhead</c> records wait at any time, so memory stays flat however many are asked
/// for, and a reader that stops early wastes at most that much work. Neither thread spins while it waits, and a
/// worker that got ahead resumes only when half the batches were taken, so on two cores the waiting costs little
/// of the time the reader needs. Call <see cref="TryTake"/> from one thread. The generator must be safe to call
/// from another thread, as record i of every HealthMock generator is a pure function of i.
/// </remarks>
/// <typeparam name="T">The record type.</typeparam>
public sealed class BackgroundGenerator<T> : IDisposable
{
    private readonly object _gate = new();
    private readonly Queue<T[]> _ready = new();
    private readonly int _capacity;
    private readonly Thread _worker;
    private bool _cancelled;
    private bool _finished;
    private bool _readerWaiting;
    private bool _workerWaiting;
    private ExceptionDispatchInfo? _failure;
    private T[] _batch = Array.Empty<T>();
    private int _next;

    /// <summary>Starts generating on a worker thread.</summary>
    /// <param name="generate">Makes record i; called on the worker thread, in increasing order of i.</param>
    /// <param name="start">The index of the first record.</param>
    /// <param name="count">The number of records.</param>
    /// <param name="batchSize">The number of records handed over at a time.</param>
    /// <param name="batchesAhead">The number of batches that may wait for the reader.</param>
    public BackgroundGenerator(Func<long, T> generate, long start, long count, int batchSize = 256,
        int batchesAhead = 8)
    {
        if (generate is null)
        {
            throw new ArgumentNullException(nameof(generate));
        }

        if (start < 0 || count < 0)
        {
            throw new ArgumentOutOfRangeException(start < 0 ? nameof(start) : nameof(count), start < 0 ? start : count,
                "Expected a start index and a count of 0 or more.");
        }

        if (batchSize < 1 || batchesAhead < 1)
        {
            throw new ArgumentOutOfRangeException(batchSize < 1 ? nameof(batchSize) : nameof(batchesAhead),
                Math.Min(batchSize, batchesAhead), "Expected a batch size and a number of batches of 1 or more.");
        }

        _capacity = batchesAhead;
        _worker = new Thread(() => Produce(generate, start, count, batchSize))
        {
            IsBackground = true,
            Name = "HealthMock background generator",
        };
        _worker.Start();
    }

    /// <summary>
    /// Takes the next record in index order, waiting for the worker when it is behind.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <returns><see langword="false"/> when every record was taken or <see cref="Cancel"/> was called.</returns>
    /// <exception cref="Exception">
    /// The exception the generator threw for the next record, rethrown as it was.
    /// </exception>
    public bool TryTake(out T record)
    {
        while (_next == _batch.Length)
        {
            if (!NextBatch())
            {
                record = default!;
                return false;
            }
        }

        record = _batch[_next];
        _batch[_next++] = default!;
        return true;
    }

    /// <summary>
    /// Stops the worker; a reader waiting in <see cref="TryTake"/> returns <see langword="false"/>. Safe to call
    /// from any thread, for example from a cmdlet's StopProcessing, and after <see cref="Dispose"/>.
    /// </summary>
    public void Cancel()
    {
        lock (_gate)
        {
            _cancelled = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Stops the worker and waits for it to finish.</summary>
    public void Dispose()
    {
        Cancel();
        _worker.Join();
    }

    private bool NextBatch()
    {
        lock (_gate)
        {
            while (_ready.Count == 0 && !_finished && !_cancelled)
            {
                _readerWaiting = true;
                Monitor.Wait(_gate);
                _readerWaiting = false;
            }

            if (_cancelled)
            {
                return false;
            }

            if (_ready.Count == 0)
            {
                _failure?.Throw();
                return false;
            }

            _batch = _ready.Dequeue();
            _next = 0;
            if (_workerWaiting && _ready.Count <= _capacity / 2)
            {
                Monitor.Pulse(_gate);
            }

            return true;
        }
    }

    private void Produce(Func<long, T> generate, long start, long count, int batchSize)
    {
        try
        {
            for (var done = 0L; done < count;)
            {
                var batch = new T[(int)Math.Min(batchSize, count - done)];
                var made = 0;
                ExceptionDispatchInfo? failure = null;
                try
                {
                    for (; made < batch.Length; made++)
                    {
                        batch[made] = generate(start + done + made);
                    }
                }
                catch (Exception e)
                {
                    // Handed to the reader after the records made before it, where a loop would have thrown it.
                    failure = ExceptionDispatchInfo.Capture(e);
                    Array.Resize(ref batch, made);
                }

                if (!Hand(batch, failure))
                {
                    return;
                }

                done += batch.Length;
            }
        }
        finally
        {
            lock (_gate)
            {
                _finished = true;
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Queues a batch, waiting for room; false when the run is over (cancelled or failed).</summary>
    private bool Hand(T[] batch, ExceptionDispatchInfo? failure)
    {
        lock (_gate)
        {
            while (_ready.Count >= _capacity && !_cancelled)
            {
                _workerWaiting = true;
                Monitor.Wait(_gate);
                _workerWaiting = false;
            }

            if (_cancelled)
            {
                return false;
            }

            _ready.Enqueue(batch);
            _failure = failure;
            if (_readerWaiting)
            {
                Monitor.Pulse(_gate);
            }

            return failure is null;
        }
    }
}

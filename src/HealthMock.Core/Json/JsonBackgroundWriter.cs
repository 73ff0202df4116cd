using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace HealthMock.Json;

/// <summary>
/// Writes records on a worker thread, in the order they were added, while the caller goes on to the next ones.
/// The caller decides which records may be written there, and calls <see cref="Drain"/> before it writes any other
/// record itself, so the write action sees every record in order and never two at once.
/// </summary>
/// <remarks>
/// Records are handed over in batches of references through a few arrays used in turn, so nothing is allocated
/// per record and memory stays flat. Neither thread spins while it waits, which matters on two cores, and a worker
/// that caught up is woken only when half the batches wait, or when the caller waits for it, so that it writes a few
/// batches per wake-up rather than one. A record the
/// write action fails on stops the worker: the exception is thrown, as it was, by the caller's next
/// <see cref="Add"/> or <see cref="Drain"/>, and the records after it are not written. The worker runs with the
/// caller's culture. Call <see cref="Add"/> and <see cref="Drain"/> from one thread, <see cref="Cancel"/> from any.
/// A record must not change between <see cref="Add"/> and the moment it is written, so hand over only records that
/// nothing else holds.
/// </remarks>
public sealed class JsonBackgroundWriter : IDisposable
{
    private readonly object gate = new();

    private readonly Action<object?> write;

    private readonly int capacity;

    private readonly int wakeAt;

    private readonly Queue<Batch> ready;

    private readonly Stack<object?[]> free;

    private readonly Thread worker;

    private object?[] batch;

    private int count;

    // Written under the lock; read without it where a stale value only delays the stop by one batch.
    private volatile ExceptionDispatchInfo? failure;

    private volatile bool stopped;

    private bool busy;

    private bool callerWaiting;

    private bool workerWaiting;

    /// <summary>
    /// Initializes a new instance of the <see cref="JsonBackgroundWriter"/> class and starts its worker thread.
    /// </summary>
    /// <param name="write">Writes one record; called on the worker thread, one record at a time, in order.</param>
    /// <param name="batchSize">The number of records handed over at a time.</param>
    /// <param name="batchesAhead">The number of full batches that may wait for the worker.</param>
    public JsonBackgroundWriter(Action<object?> write, int batchSize = 256, int batchesAhead = 4)
    {
        this.write = write ?? throw new ArgumentNullException(nameof(write));
        if (batchSize < 1 || batchesAhead < 1)
        {
            throw new ArgumentOutOfRangeException(batchSize < 1 ? nameof(batchSize) : nameof(batchesAhead),
                Math.Min(batchSize, batchesAhead), "Expected a batch size and a number of batches of 1 or more.");
        }

        capacity = batchesAhead;
        wakeAt = Math.Max(1, batchesAhead / 2);
        ready = new Queue<Batch>(batchesAhead);

        // One batch is filled by the caller, at most batchesAhead wait and one is being written.
        free = new Stack<object?[]>(batchesAhead + 1);
        for (var i = 0; i <= batchesAhead; i++)
        {
            free.Push(new object?[batchSize]);
        }

        batch = new object?[batchSize];
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        worker = new Thread(() => WriteBatches(culture, uiCulture))
        {
            IsBackground = true,
            Name = "HealthMock record writer",
        };
        worker.Start();
    }

    private enum Condition
    {
        Room,
        Written,
    }

    /// <summary>
    /// Queues one record for the worker, waiting for room when the worker is <c>batchesAhead</c> batches behind.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <exception cref="Exception">The exception the write action threw for an earlier record, as it was.</exception>
    /// <exception cref="OperationCanceledException"><see cref="Cancel"/> was called.</exception>
    public void Add(object? record)
    {
        ThrowIfStopped();
        batch[count++] = record;
        if (count == batch.Length)
        {
            HandOver();
        }
    }

    /// <summary>
    /// Waits until every record added so far is written.
    /// </summary>
    /// <exception cref="Exception">The exception the write action threw for a record, as it was.</exception>
    /// <exception cref="OperationCanceledException"><see cref="Cancel"/> was called.</exception>
    public void Drain()
    {
        lock (gate)
        {
            if (count > 0)
            {
                Enqueue();
            }

            if (workerWaiting)
            {
                Monitor.Pulse(gate);
            }

            WaitFor(Condition.Written);
        }
    }

    /// <summary>
    /// Stops the worker after the record it is writing; the records still queued are not written, and the caller's
    /// next <see cref="Add"/> or <see cref="Drain"/>, or the one it waits in, throws an
    /// <see cref="OperationCanceledException"/>. Safe to call from any thread, more than once.
    /// </summary>
    public void Cancel()
    {
        lock (gate)
        {
            stopped = true;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>
    /// Stops the worker, as <see cref="Cancel"/> does, and waits for it to end.
    /// </summary>
    public void Dispose()
    {
        Cancel();
        worker.Join();
    }

    private void ThrowIfStopped()
    {
        failure?.Throw();
        if (stopped)
        {
            throw new OperationCanceledException();
        }
    }

    private void HandOver()
    {
        lock (gate)
        {
            Enqueue();
            if (workerWaiting && ready.Count >= wakeAt)
            {
                Monitor.Pulse(gate);
            }
        }
    }

    /// <summary>
    /// Queues the caller's batch, holding the lock, once there is room, and gives the caller an empty one.
    /// </summary>
    private void Enqueue()
    {
        WaitFor(Condition.Room);
        ready.Enqueue(new Batch(batch, count));
        batch = free.Pop();
        count = 0;
    }

    /// <summary>
    /// Waits, holding the lock, until the condition holds; throws the worker's failure or a cancellation instead.
    /// </summary>
    private void WaitFor(Condition condition)
    {
        while (true)
        {
            ThrowIfStopped();
            var met = condition == Condition.Room ? ready.Count < capacity : ready.Count == 0 && !busy;
            if (met)
            {
                return;
            }

            callerWaiting = true;
            Monitor.Wait(gate);
            callerWaiting = false;
        }
    }

    private void WriteBatches(CultureInfo culture, CultureInfo uiCulture)
    {
        Thread.CurrentThread.CurrentCulture = culture;
        Thread.CurrentThread.CurrentUICulture = uiCulture;
        while (true)
        {
            Batch next;
            lock (gate)
            {
                while (ready.Count == 0 && !stopped)
                {
                    workerWaiting = true;
                    Monitor.Wait(gate);
                    workerWaiting = false;
                }

                if (stopped)
                {
                    return;
                }

                next = ready.Dequeue();
                busy = true;
                if (callerWaiting)
                {
                    Monitor.Pulse(gate);
                }
            }

            var records = next.Records;
            ExceptionDispatchInfo? error = null;
            try
            {
                for (var i = 0; i < next.Count && !stopped; i++)
                {
                    write(records[i]);
                }
            }
            catch (Exception e)
            {
                error = ExceptionDispatchInfo.Capture(e);
            }

            Array.Clear(records, 0, next.Count);
            lock (gate)
            {
                busy = false;
                free.Push(records);
                if (error is not null)
                {
                    failure = error;
                    stopped = true;
                    Monitor.PulseAll(gate);
                    return;
                }

                if (callerWaiting)
                {
                    Monitor.Pulse(gate);
                }
            }
        }
    }

    private readonly struct Batch
    {
        public Batch(object?[] records, int count)
        {
            Records = records;
            Count = count;
        }

        public object?[] Records { get; }

        public int Count { get; }
    }
}

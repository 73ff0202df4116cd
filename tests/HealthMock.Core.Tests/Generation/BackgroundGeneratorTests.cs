using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HealthMock.Generation;
using HealthMock.Seeds;
using Xunit;

namespace HealthMock.Tests.Generation;

public class BackgroundGeneratorTests
{
    [Fact]
    public void Records_come_back_in_index_order_as_a_loop_makes_them()
    {
        using var background = new BackgroundGenerator<long>(i => i * 3, 5, 10_000, batchSize: 7, batchesAhead: 2);

        Assert.Equal(Enumerable.Range(5, 10_000).Select(i => i * 3L), TakeAll(background));
    }

    [Fact]
    public void Patients_made_in_the_background_equal_those_made_in_a_loop()
    {
        var generator = new PatientGenerator(SeedCatalog.Default,
            new PatientOptions { Seed = 21, ReferenceDate = new DateTime(2026, 5, 4) });
        using var background = new BackgroundGenerator<Patient>(generator.Generate, 100, 3000);

        var made = TakeAll(background).Select(p => PatientText.Canonical(p));

        Assert.Equal(generator.Generate(100, 3000).Select(p => PatientText.Canonical(p)), made);
    }

    [Fact]
    public void A_generator_failure_is_thrown_after_the_records_made_before_it()
    {
        using var background = new BackgroundGenerator<long>(
            i => i < 600 ? i : throw new InvalidOperationException("record " + i), 0, 1000, batchSize: 256);
        var taken = new List<long>();

        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            while (background.TryTake(out var record))
            {
                taken.Add(record);
            }
        });

        Assert.Equal("record 600", error.Message);
        Assert.Equal(600, taken.Count);
    }

    [Fact]
    public async Task Cancel_releases_a_reader_waiting_for_a_slow_generator()
    {
        using var release = new ManualResetEventSlim();
        using var background = new BackgroundGenerator<long>(i =>
        {
            release.Wait();
            return i;
        }, 0, 10);

        var reader = Task.Run(() => background.TryTake(out _));
        background.Cancel();
        release.Set();
        var finished = await Task.WhenAny(reader, Task.Delay(TimeSpan.FromMinutes(1)));

        Assert.Same(reader, finished);
        Assert.False(await reader);
    }

    [Fact]
    public void A_reader_that_stops_early_stops_an_endless_run()
    {
        var made = 0L;
        var background = new BackgroundGenerator<long>(i =>
        {
            Interlocked.Increment(ref made);
            return i;
        }, 0, long.MaxValue, batchSize: 16, batchesAhead: 4);

        Assert.True(background.TryTake(out var first));
        background.Dispose();

        Assert.Equal(0, first);
        Assert.True(Interlocked.Read(ref made) <= 16 * 6, "the worker makes at most a few batches ahead");
    }

    private static List<T> TakeAll<T>(BackgroundGenerator<T> background)
    {
        var records = new List<T>();
        while (background.TryTake(out var record))
        {
            records.Add(record);
        }

        return records;
    }
}

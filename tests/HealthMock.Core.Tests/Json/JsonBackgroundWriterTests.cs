using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using HealthMock.Generation;
using HealthMock.Json;
using HealthMock.Seeds;
using Xunit;

namespace HealthMock.Tests.Json;

public sealed class JsonBackgroundWriterTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "hm-background-" + Guid.NewGuid().ToString("N"));

    public JsonBackgroundWriterTests()
    {
        Directory.CreateDirectory(folder);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(64, 4)]
    public void Records_are_written_once_each_in_the_order_they_were_added(int batchSize, int batchesAhead)
    {
        var written = new List<object?>();
        using (var background = new JsonBackgroundWriter(written.Add, batchSize, batchesAhead))
        {
            for (var i = 0; i < 1000; i++)
            {
                background.Add(i % 7 == 0 ? null : i);
            }

            background.Drain();
        }

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => i % 7 == 0 ? null : (object?)i), written);
    }

    [Fact]
    public void Drain_returns_after_every_record_added_so_far_is_written()
    {
        var written = 0;
        using var background = new JsonBackgroundWriter(_ =>
        {
            Thread.Sleep(1);
            written++;
        }, batchSize: 4, batchesAhead: 2);

        for (var i = 0; i < 10; i++)
        {
            background.Add(i);
        }

        background.Drain();
        Assert.Equal(10, Volatile.Read(ref written));

        background.Add(10);
        background.Drain();
        Assert.Equal(11, Volatile.Read(ref written));
    }

    [Fact]
    public void A_failed_record_is_thrown_by_the_next_call_and_stops_the_records_after_it()
    {
        var written = new List<object?>();
        var failure = new InvalidDataException("record 5 is bad");
        using var background = new JsonBackgroundWriter(record =>
        {
            if ((int)record! == 5)
            {
                throw failure;
            }

            written.Add(record);
        }, batchSize: 2, batchesAhead: 1);

        var thrown = Assert.Throws<InvalidDataException>(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                background.Add(i);
            }

            background.Drain();
        });

        Assert.Same(failure, thrown);
        Assert.Equal(new object?[] { 0, 1, 2, 3, 4 }, written);
        Assert.Same(failure, Assert.Throws<InvalidDataException>(() => background.Add(100)));
        Assert.Same(failure, Assert.Throws<InvalidDataException>(() => background.Drain()));
    }

    [Fact]
    public void Cancel_stops_the_worker_and_the_caller()
    {
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var written = 0;
        using var background = new JsonBackgroundWriter(_ =>
        {
            started.Set();
            release.Wait();
            written++;
        }, batchSize: 1, batchesAhead: 1);
        background.Add(1);
        started.Wait();
        background.Add(2);

        background.Cancel();
        release.Set();

        Assert.Throws<OperationCanceledException>(() => background.Drain());
        Assert.Throws<OperationCanceledException>(() => background.Add(3));
        background.Dispose();
        Assert.Equal(1, written);
    }

    [Fact]
    public void The_worker_runs_with_the_culture_of_the_thread_that_made_it()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo? seen = null;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            using var background = new JsonBackgroundWriter(_ => seen = CultureInfo.CurrentCulture);
            background.Add(1);
            background.Drain();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        Assert.Equal("de-DE", seen?.Name);
    }

    [Theory]
    [InlineData(JsonLayout.Array)]
    [InlineData(JsonLayout.Lines)]
    [InlineData(JsonLayout.Keyed)]
    public void A_file_written_in_the_background_has_the_bytes_of_one_written_directly(JsonLayout layout)
    {
        var generator = new PatientGenerator(SeedCatalog.Default,
            new PatientOptions { Seed = 5, ReferenceDate = new DateTime(2026, 1, 1) });
        var patients = Enumerable.Range(0, 700).Select(i => generator.Generate(i)).ToArray();
        var direct = Path.Combine(folder, "direct.json");
        var behind = Path.Combine(folder, "behind.json");

        using (var file = JsonFileWriter.Create(direct, Options(layout)))
        {
            foreach (var patient in patients)
            {
                file.Write(patient);
            }

            file.Complete();
        }

        using (var file = JsonFileWriter.Create(behind, Options(layout)))
        {
            using var background = new JsonBackgroundWriter(file.Write, batchSize: 64, batchesAhead: 4);
            for (var i = 0; i < patients.Length; i++)
            {
                // Some records are written by the caller, after the worker has written those before them.
                if (i % 150 == 0)
                {
                    background.Drain();
                    file.Write(patients[i]);
                }
                else
                {
                    background.Add(patients[i]);
                }
            }

            background.Drain();
            file.Complete();
        }

        Assert.Equal(File.ReadAllBytes(direct), File.ReadAllBytes(behind));
    }

    [Fact]
    public void A_duplicate_key_found_in_the_background_leaves_no_file()
    {
        var path = Path.Combine(folder, "users.json");
        var file = JsonFileWriter.Create(path, Options(JsonLayout.Keyed));
        var background = new JsonBackgroundWriter(file.Write, batchSize: 8, batchesAhead: 2);
        var records = Enumerable.Range(0, 100).Select(i => new { Id = i == 60 ? "p7" : "p" + i });

        var error = Assert.Throws<JsonExportException>(() =>
        {
            foreach (var record in records)
            {
                background.Add(record);
            }

            background.Drain();
        });

        background.Dispose();
        file.Dispose();
        Assert.Equal(JsonExportErrorKind.DuplicateKey, error.Kind);
        Assert.Equal(
            "Record 61 has the key 'p7', which record 8 already used. Expected a unique 'id' for every record.",
            error.Message);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void Bad_batch_sizes_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new JsonBackgroundWriter(_ => { }, batchSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new JsonBackgroundWriter(_ => { }, batchesAhead: 0));
        Assert.Throws<ArgumentNullException>(() => new JsonBackgroundWriter(null!));
    }

    private static JsonExportOptions Options(JsonLayout layout) => new()
    {
        Layout = layout,
        KeyProperty = layout == JsonLayout.Keyed ? "id" : null,
    };
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using HealthMock.Generation;
using HealthMock.Json;
using HealthMock.Seeds;
using Xunit;

namespace HealthMock.Tests.Datasets;

/// <summary>
/// Datasets whose records are made when first used: read whole, or written patient by patient as they are made,
/// they hold the records <see cref="DatasetGenerator.Generate"/> makes, byte for byte in the files.
/// </summary>
public sealed class DeferredDatasetTests : IDisposable
{
    private static readonly DateTime ReferenceDate = new DateTime(2026, 1, 1);

    private readonly string _root =
        Path.Combine(Path.GetTempPath(), "healthmock-deferred-" + Guid.NewGuid().ToString("N"));

    public DeferredDatasetTests()
    {
        Directory.CreateDirectory(_root);
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
    }

    public static IEnumerable<object[]> Shapes()
    {
        // Seed, patients, providers, appointments per patient, states.
        yield return new object[] { 1, 300, 12, 3, "" };
        yield return new object[] { 2, 40, 1, 1, "" };
        yield return new object[] { 3, 500, 30, 4, "TX,OK" };
        yield return new object[] { 4, 200, 9, 0, "" };
        yield return new object[] { 5, 0, 6, 3, "" };
        yield return new object[] { 6, 1, 1, 2, "OR" };
        yield return new object[] { 77, 800, 20, 2, "WA,OR,ID" };
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Written_as_made_the_files_equal_those_of_the_generated_dataset(int seed, int patients, int providers,
        int appointments, string states)
    {
        var generator = Generator(seed, patients, providers, appointments, states);
        var made = Path.Combine(_root, "made");
        var streamed = Path.Combine(_root, "streamed");

        new DatasetWriter().Write(generator.Generate(), made);
        var deferred = generator.Defer();
        var manifest = new DatasetWriter().Write(deferred, streamed);

        foreach (var file in DatasetFiles.All)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(made, file)), File.ReadAllBytes(Path.Combine(streamed, file)));
        }

        foreach (var file in DatasetFiles.DataFiles)
        {
            Assert.Equal(DatasetWriter.HashFile(Path.Combine(streamed, file)), manifest.Sha256[file]);
        }

        Assert.NotNull(deferred.Pending);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Read_whole_a_deferred_dataset_holds_the_generated_records(int seed, int patients, int providers,
        int appointments, string states)
    {
        var generator = Generator(seed, patients, providers, appointments, states);
        var expected = generator.Generate();

        var deferred = generator.Defer();
        var appointmentIds = deferred.Appointments.Select(a => a.Id).ToList();

        Assert.Null(deferred.Pending);
        Assert.Equal(expected.Appointments.Select(a => a.Id), appointmentIds);
        Assert.Equal(expected.Patients.Select(Describe), deferred.Patients.Select(Describe));
        Assert.Equal(expected.Policies.Select(p => p.PolicyNumber + p.PatientId + p.PlanName),
            deferred.Policies.Select(p => p.PolicyNumber + p.PatientId + p.PlanName));
        Assert.Equal(expected.Providers.Select(p => p.Id + p.Npi), deferred.Providers.Select(p => p.Id + p.Npi));
        Assert.Equal(expected.Appointments.Select(a => a.Start.ToString("o") + a.ProviderId + a.Copay),
            deferred.Appointments.Select(a => a.Start.ToString("o") + a.ProviderId + a.Copay));
    }

    [Fact]
    public void Its_summary_gives_the_counts_asked_for_without_making_the_records()
    {
        var deferred = Generator(8, 1000, 20, 3, "").Defer();

        Assert.Equal("1000 patients, 20 providers, 3000 appointments (seed 8; records made when first read)",
            deferred.ToString());
        Assert.NotNull(deferred.Pending);
        Assert.Equal(8, deferred.Seed);
        Assert.Equal(ReferenceDate, deferred.ReferenceDate);
    }

    [Fact]
    public void Setting_a_collection_first_makes_the_others()
    {
        var deferred = Generator(9, 50, 5, 2, "").Defer();

        deferred.Patients = new List<Patient>();

        Assert.Empty(deferred.Patients);
        Assert.Equal(5, deferred.Providers.Count);
        Assert.Equal(100, deferred.Appointments.Count);
    }

    [Fact]
    public void Defer_throws_at_once_what_can_be_found_without_making_patients()
    {
        var seeds = SeedCatalog.Default;
        var options = new DatasetOptions { Seed = 10, PatientCount = 5, ProviderCount = 0, ReferenceDate = ReferenceDate };

        var error = Assert.Throws<PrimaryCarePoolException>(() => new DatasetGenerator(seeds, options).Defer());

        Assert.Contains("ProviderCount is 0", error.Message);
    }

    [Fact]
    public void A_booking_failure_while_writing_as_made_leaves_no_file_behind()
    {
        // One provider cannot hold 40 appointments a patient for 1,000 patients.
        var folder = Path.Combine(_root, "full");
        var deferred = Generator(11, 1000, 1, 40, "").Defer();

        var error = Assert.Throws<RecordException>(() => new DatasetWriter().Write(deferred, folder));

        Assert.Equal("NoFreeSlot", error.ErrorId);
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any(),
            "the folder should hold nothing after the failure");
    }

    [Fact]
    public void A_booking_failure_keeps_the_files_a_folder_held_before()
    {
        var folder = Path.Combine(_root, "kept");
        new DatasetWriter().Write(Generator(12, 20, 3, 1, "").Generate(), folder);
        var before = DatasetFiles.All.Select(f => File.ReadAllBytes(Path.Combine(folder, f))).ToList();

        Assert.Throws<RecordException>(
            () => new DatasetWriter().Write(Generator(11, 1000, 1, 40, "").Defer(), folder, overwrite: true));

        Assert.Equal(before, DatasetFiles.All.Select(f => File.ReadAllBytes(Path.Combine(folder, f))));
        Assert.Equal(DatasetFiles.All.Count, Directory.EnumerateFileSystemEntries(folder).Count());
    }

    [Fact]
    public void Cancelling_a_write_as_made_leaves_no_file_behind()
    {
        var folder = Path.Combine(_root, "cancelled");
        using var cancellation = new CancellationTokenSource();
        var writer = new DatasetWriter
        {
            Progress = (what, done, _) =>
            {
                if (what == DatasetWriter.PatientsProgress && done == 300)
                {
                    cancellation.Cancel();
                }
            },
        };

        Assert.ThrowsAny<OperationCanceledException>(
            () => writer.Write(Generator(13, 2000, 20, 3, "").Defer(), folder, cancellation: cancellation.Token));

        Assert.False(Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any(),
            "the folder should hold nothing after cancelling");
    }

    [Fact]
    public void Writing_as_made_reports_the_providers_then_each_patient()
    {
        var reports = new List<(string What, long Done, long Total)>();
        var writer = new DatasetWriter { Progress = (what, done, total) => reports.Add((what, done, total)) };

        writer.Write(Generator(14, 120, 7, 3, "").Defer(), Path.Combine(_root, "progress"));

        Assert.Equal(127, reports.Count);
        Assert.All(reports, r => Assert.Equal(127, r.Total));
        Assert.Equal(Enumerable.Range(1, 127).Select(i => (long)i), reports.Select(r => r.Done));
        Assert.Equal(new[] { DatasetFiles.Providers, DatasetWriter.PatientsProgress },
            reports.Select(r => r.What).Distinct());
    }

    [Fact]
    public void A_file_writer_asked_for_a_hash_gives_the_hash_of_the_file_it_wrote()
    {
        var path = Path.Combine(_root, "records.json");
        using var writer = JsonFileWriter.Create(path, new JsonExportOptions(), computeSha256: true);
        for (var i = 0; i < 5000; i++)
        {
            writer.Write(new { Id = i, Name = "record " + i });
        }

        writer.Complete();

        Assert.Equal(DatasetWriter.HashFile(path), writer.Sha256);
    }

    private static DatasetGenerator Generator(int seed, int patients, int providers, int appointments, string states) =>
        new DatasetGenerator(SeedCatalog.Default, new DatasetOptions
        {
            Seed = seed,
            ReferenceDate = ReferenceDate,
            PatientCount = patients,
            ProviderCount = providers,
            AppointmentsPerPatient = appointments,
            States = states.Length == 0 ? Array.Empty<string>() : states.Split(','),
        });

    private static string Describe(Patient p) =>
        string.Join("|", p.Id, p.FirstName, p.LastName, p.DateOfBirth.ToString("yyyy-MM-dd"), p.State,
            p.PrimaryCareProviderId, p.InsurancePolicyNumber, p.CoverageType, p.DeductibleBalance);
}

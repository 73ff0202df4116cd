using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace HealthMock.Tests.Datasets;

/// <summary>The progress reports of writing, reading and checking a dataset, which the cmdlets throttle.</summary>
public sealed class DatasetProgressTests : IDisposable
{
    private readonly string _folder =
        Path.Combine(Path.GetTempPath(), "healthmock-progress-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Writing_reports_each_record_once_with_its_file_and_the_total()
    {
        var dataset = ValidatorSamples.Clean();
        var reports = new List<(string File, long Done, long Total)>();

        var writer = new DatasetWriter { Progress = (file, done, total) => reports.Add((file, done, total)) };

        writer.Write(dataset, _folder);

        Assert.Equal(Total(dataset), reports.Count);
        Assert.Equal(Enumerable.Range(1, reports.Count).Select(i => (long)i), reports.Select(r => r.Done));
        Assert.All(reports, r => Assert.Equal(Total(dataset), r.Total));
        Assert.Equal(DatasetFiles.DataFiles.Where(f => Count(dataset, f) > 0), reports.Select(r => r.File).Distinct());
    }

    [Fact]
    public void Reading_reports_each_record_against_the_manifest_counts()
    {
        var dataset = ValidatorSamples.Clean();
        new DatasetWriter().Write(dataset, _folder);
        var reports = new List<(string File, long Done, long Total)>();

        new DatasetReader { Progress = (file, done, total) => reports.Add((file, done, total)) }.Read(_folder);

        Assert.Equal(Total(dataset), reports.Count);
        Assert.Equal(Total(dataset), reports[reports.Count - 1].Done);
        Assert.All(reports, r => Assert.Equal(Total(dataset), r.Total));
    }

    [Fact]
    public void Checking_reports_each_record_and_finds_the_same_violations()
    {
        var dataset = ValidatorSamples.Clean();
        dataset.Patients[0].State = "ZZ";
        var reports = new List<(string What, long Done)>();
        var validator = new DatasetValidator();

        var withProgress = validator.Validate(dataset, (what, done, _) => reports.Add((what, done))).ToList();
        var without = validator.Validate(dataset).ToList();

        Assert.Equal(without.Select(v => v.ToString()), withProgress.Select(v => v.ToString()));
        Assert.Equal(Total(dataset), reports.Count);
        Assert.Equal(new[] { "patients", "providers", "policies", "appointments" }
            .Where(kind => reports.Any(r => r.What == kind)), reports.Select(r => r.What).Distinct());
    }

    private static long Total(MockDataset dataset) =>
        dataset.Patients.Count + dataset.Providers.Count + dataset.Policies.Count + dataset.Appointments.Count;

    private static int Count(MockDataset dataset, string file) => file switch
    {
        DatasetFiles.Users => dataset.Patients.Count,
        DatasetFiles.Providers => dataset.Providers.Count,
        DatasetFiles.Appointments => dataset.Appointments.Count,
        _ => dataset.Policies.Count,
    };
}

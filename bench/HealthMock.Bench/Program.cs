using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using HealthMock.Bench;

// HealthMock.Bench [--out <folder>] [--filter <text>]: runs the Core benchmarks and writes core.json (one row per
// benchmark: mean, allocation and ratio to its class's baseline) to the folder.
// HealthMock.Bench floor <count> <path>: the JSON floor of the end-to-end runs, a thousand patients made once and
// written over and over, <count> records in all, to a file with Utf8JsonWriter in Export-Json's format; prints the
// records, seconds, bytes and peak memory as one JSON line.
// HealthMock.Bench dataset-floor <patients> <folder>: the JSON floor of the dataset runs, the four files of a dataset
// of that many patients (three appointments each) written from constant records with Utf8JsonWriter.
// HealthMock.Bench fingerprint [count] [--indent-after-writing]: prints hashes of generated records and written
// JSON, so speed work can show that it changed no byte; the switch takes the JSON writer's Windows PowerShell 5.1
// path, which indents records after writing them.
if (args.Length > 0 && args[0] == "fingerprint")
{
    var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000;
    AppContext.SetSwitch("HealthMock.Json.IndentAfterWriting", args.Contains("--indent-after-writing"));
    foreach (var line in Fingerprint.Lines(count))
    {
        Console.WriteLine(line);
    }

    return 0;
}

if (args.Length > 2 && args[0] == "floor")
{
    return JsonFloorFile.Run(long.Parse(args[1], CultureInfo.InvariantCulture), args[2]);
}

if (args.Length > 2 && args[0] == "dataset-floor")
{
    return DatasetJsonFloor.Run(long.Parse(args[1], CultureInfo.InvariantCulture), args[2]);
}

var output = Option("--out") ?? Path.Combine(Directory.GetCurrentDirectory(), "bench-out");
var filter = Option("--filter");
Directory.CreateDirectory(output);

// In process and short: three warm-up and three measured iterations, so the whole run takes about a minute.
var config = ManualConfig.CreateEmpty()
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun"))
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddColumnProvider(DefaultColumnProviders.Instance)
    .AddLogger(ConsoleLogger.Default)
    .WithArtifactsPath(Path.Combine(output, "BenchmarkDotNet.Artifacts"))
    .WithOptions(ConfigOptions.DisableLogFile);
var types = new[]
    {
        typeof(PatientGeneration), typeof(ProviderGeneration), typeof(PolicyGeneration), typeof(AppointmentGeneration),
        typeof(JsonWriting),
    }
    .Where(t => filter is null || t.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
    .ToArray();
var rows = new List<Dictionary<string, object?>>();
foreach (var type in types)
{
    var summary = BenchmarkRunner.Run(type, config);
    rows.AddRange(Rows(summary));
}

var path = Path.Combine(output, "core.json");
File.WriteAllText(path, JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"Wrote {path}");
return rows.Count == 0 ? 1 : 0;

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

static IEnumerable<Dictionary<string, object?>> Rows(Summary summary)
{
    var baseline = summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline);
    var baselineMean = baseline?.ResultStatistics?.Median;
    foreach (var report in summary.Reports)
    {
        var stats = report.ResultStatistics;
        if (stats is null)
        {
            continue;
        }

        yield return new Dictionary<string, object?>
        {
            ["group"] = report.BenchmarkCase.Descriptor.Type.Name,
            ["name"] = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo,
            ["baseline"] = report.BenchmarkCase.Descriptor.Baseline,
            ["median_ns"] = stats.Median,
            ["allocated_bytes"] = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase),
            ["speedup_vs_baseline"] = baselineMean is { } b ? b / stats.Median : null,
        };
    }
}

using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using HealthMock.Bench.Baseline;
using HealthMock.Generation;
using HealthMock.Seeds;

namespace HealthMock.Bench;

/// <summary>
/// The JSON floor of a dataset: the four files of a dataset of a given size, in the bytes Export-MockDataset writes,
/// written with <see cref="Utf8JsonWriter"/> from constant records. A sample dataset of 5,000 patients is written
/// once with HealthMock and parsed back; its records are then written over and over, one file after the other, in
/// the numbers a dataset of the size asked for holds. No generation, no hashing, one thread.
/// </summary>
public static class DatasetJsonFloor
{
    private const int SamplePatients = 5000;

    private const int AppointmentsPerPatient = 3;

    /// <summary>Writes the folder and prints one JSON line of measurements.</summary>
    public static int Run(long patients, string folder)
    {
        var sample = Sample();
        var samplePatients = sample[DatasetFiles.Users].Length;
        var counts = new Dictionary<string, long>
        {
            [DatasetFiles.Users] = patients,
            [DatasetFiles.Providers] = Math.Max(10, patients / 100),
            [DatasetFiles.Appointments] = patients * AppointmentsPerPatient,
            [DatasetFiles.Insurance] = patients * sample[DatasetFiles.Insurance].Length / samplePatients,
        };
        Directory.CreateDirectory(folder);

        var clock = Stopwatch.StartNew();
        var bytes = 0L;
        foreach (var file in DatasetFiles.DataFiles)
        {
            bytes += WriteFile(Path.Combine(folder, file), sample[file], counts[file]);
        }

        clock.Stop();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"records\":{patients},\"seconds\":{clock.Elapsed.TotalSeconds:F4},\"bytes\":{bytes},"
            + $"\"peak_working_set\":{peak}}}"));
        return 0;
    }

    private static long WriteFile(string path, (string Key, JsonElement Record)[] records, long count)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1))
        using (var writer = new Utf8JsonWriter(buffer, PatientJsonFloor.Options))
        {
            writer.WriteStartObject();
            for (long i = 0; i < count; i++)
            {
                var (key, record) = records[i % records.Length];
                writer.WritePropertyName(key);
                record.WriteTo(writer);
                PatientJsonFloor.Drain(writer, buffer, file, 32 * 1024);
            }

            writer.WriteEndObject();
            PatientJsonFloor.Drain(writer, buffer, file, 0);
            file.WriteByte((byte)'\n');
        }

        return new FileInfo(path).Length;
    }

    /// <summary>The records of each file of a sample dataset, as HealthMock writes them, with their keys.</summary>
    private static Dictionary<string, (string Key, JsonElement Record)[]> Sample()
    {
        var dataset = new DatasetGenerator(SeedCatalog.Default, new DatasetOptions
        {
            Seed = 1,
            ReferenceDate = BogusPatients.ReferenceDate,
            PatientCount = SamplePatients,
            ProviderCount = SamplePatients / 100,
            AppointmentsPerPatient = AppointmentsPerPatient,
        }).Generate();
        var folder = Path.Combine(Path.GetTempPath(), "healthmock-floor-sample-" + Guid.NewGuid().ToString("N"));
        try
        {
            new DatasetWriter().Write(dataset, folder);
            return DatasetFiles.DataFiles.ToDictionary(file => file, file =>
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, file)));
                return document.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.Clone())).ToArray();
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

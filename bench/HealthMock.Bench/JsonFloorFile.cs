using System;
using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json;
using HealthMock.Bench.Baseline;
using HealthMock.Generation;
using HealthMock.Seeds;

namespace HealthMock.Bench;

/// <summary>
/// The end-to-end JSON floor: constant records, the first thousand patients of seed 1 made once and written over
/// and over, to a file as fast as <see cref="Utf8JsonWriter"/> can, in the bytes Export-Json writes for them. No
/// generation, no pipeline; the records average the size of generated ones.
/// </summary>
public static class JsonFloorFile
{
    /// <summary>Writes the file and prints one JSON line of measurements.</summary>
    public static int Run(long count, string path)
    {
        var generator = new PatientGenerator(SeedCatalog.Default,
            new PatientOptions { Seed = 1, ReferenceDate = BogusPatients.ReferenceDate });
        var patients = new Patient[1000];
        for (var i = 0; i < patients.Length; i++)
        {
            patients[i] = generator.Generate(i);
        }

        var clock = Stopwatch.StartNew();
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1))
        using (var writer = new Utf8JsonWriter(buffer, PatientJsonFloor.Options))
        {
            writer.WriteStartArray();
            for (long i = 0; i < count; i++)
            {
                PatientJsonFloor.Write(writer, patients[i % patients.Length]);
                PatientJsonFloor.Drain(writer, buffer, file, 32 * 1024);
            }

            writer.WriteEndArray();
            PatientJsonFloor.Drain(writer, buffer, file, 0);
            file.WriteByte((byte)'\n');
        }

        clock.Stop();
        var bytes = new FileInfo(path).Length;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"records\":{count},\"seconds\":{clock.Elapsed.TotalSeconds:F4},\"bytes\":{bytes},"
            + $"\"peak_working_set\":{peak}}}"));
        return 0;
    }
}

using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json;
using HealthMock.Bench.Baseline;

// The raw Bogus console program of the end-to-end comparison: generates N patients with Faker<T> and writes them
// with Utf8JsonWriter to a file, then prints one JSON line with the count, the seconds spent and the peak
// working set. Usage: BogusBaseline <count> <path> [--reseed | --constant]
//   --reseed    a fresh seed per record (record i = f(seed, i)), as HealthMock's determinism requires
//   --constant  one record written N times: the Utf8JsonWriter floor, no generation
if (args.Length < 2 || !long.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
{
    Console.Error.WriteLine("Usage: BogusBaseline <count> <path> [--reseed | --constant]");
    return 2;
}

var path = args[1];
var mode = args.Length > 2 ? args[2] : "";
const int Seed = 1;
var faker = BogusPatients.CreateFaker(Seed);
var constant = faker.Generate();
var clock = Stopwatch.StartNew();
using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
using (var writer = new Utf8JsonWriter(file, BogusPatients.WriterOptions))
{
    writer.WriteStartArray();
    for (long i = 0; i < count; i++)
    {
        var patient = mode switch
        {
            "--reseed" => BogusPatients.GenerateReseeded(faker, Seed, i),
            "--constant" => constant,
            _ => faker.Generate(),
        };
        BogusPatients.Write(writer, patient);
        if (writer.BytesPending > 32 * 1024)
        {
            writer.Flush();
        }
    }

    writer.WriteEndArray();
    writer.Flush();
    file.WriteByte((byte)'\n');
}

clock.Stop();
var bytes = new FileInfo(path).Length;
var peak = Process.GetCurrentProcess().PeakWorkingSet64;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{{\"records\":{count},\"seconds\":{clock.Elapsed.TotalSeconds:F4},\"bytes\":{bytes},"
    + $"\"peak_working_set\":{peak}}}"));
return 0;

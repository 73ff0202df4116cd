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
/// once with HealthMock and parsed back into a list of writer calls per record (names encoded once, as a
/// hand-written writer holds them); the records are then written over and over, one file after the other, in the
/// numbers a dataset of the size asked for holds. No generation, no hashing, one thread.
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

    private static long WriteFile(string path, (JsonEncodedText Key, Token[] Record)[] records, long count)
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
                Write(writer, record);
                PatientJsonFloor.Drain(writer, buffer, file, 32 * 1024);
            }

            writer.WriteEndObject();
            PatientJsonFloor.Drain(writer, buffer, file, 0);
            file.WriteByte((byte)'\n');
        }

        return new FileInfo(path).Length;
    }

    private static void Write(Utf8JsonWriter writer, Token[] tokens)
    {
        foreach (var token in tokens)
        {
            switch (token.Kind)
            {
                case JsonTokenType.StartObject: writer.WriteStartObject(); break;
                case JsonTokenType.EndObject: writer.WriteEndObject(); break;
                case JsonTokenType.StartArray: writer.WriteStartArray(); break;
                case JsonTokenType.EndArray: writer.WriteEndArray(); break;
                case JsonTokenType.PropertyName: writer.WritePropertyName(token.Name); break;
                case JsonTokenType.String: writer.WriteStringValue(token.Text); break;
                case JsonTokenType.Number when token.IsWhole: writer.WriteNumberValue(token.Whole); break;
                case JsonTokenType.Number: writer.WriteNumberValue(token.Fraction); break;
                case JsonTokenType.True: writer.WriteBooleanValue(true); break;
                case JsonTokenType.False: writer.WriteBooleanValue(false); break;
                default: writer.WriteNullValue(); break;
            }
        }
    }

    /// <summary>The writer calls that write <paramref name="element"/>, in order.</summary>
    private static void Tokenize(JsonElement element, List<Token> tokens)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                tokens.Add(new Token(JsonTokenType.StartObject));
                foreach (var property in element.EnumerateObject())
                {
                    tokens.Add(new Token(JsonTokenType.PropertyName) { Name = JsonEncodedText.Encode(property.Name) });
                    Tokenize(property.Value, tokens);
                }

                tokens.Add(new Token(JsonTokenType.EndObject));
                break;
            case JsonValueKind.Array:
                tokens.Add(new Token(JsonTokenType.StartArray));
                foreach (var item in element.EnumerateArray())
                {
                    Tokenize(item, tokens);
                }

                tokens.Add(new Token(JsonTokenType.EndArray));
                break;
            case JsonValueKind.String:
                tokens.Add(new Token(JsonTokenType.String) { Text = element.GetString()! });
                break;
            case JsonValueKind.Number when element.TryGetInt64(out var whole):
                tokens.Add(new Token(JsonTokenType.Number) { IsWhole = true, Whole = whole });
                break;
            case JsonValueKind.Number:
                tokens.Add(new Token(JsonTokenType.Number) { Fraction = element.GetDecimal() });
                break;
            case JsonValueKind.True:
                tokens.Add(new Token(JsonTokenType.True));
                break;
            case JsonValueKind.False:
                tokens.Add(new Token(JsonTokenType.False));
                break;
            default:
                tokens.Add(new Token(JsonTokenType.Null));
                break;
        }
    }

    /// <summary>The records of each file of a sample dataset, as HealthMock writes them, with their keys.</summary>
    private static Dictionary<string, (JsonEncodedText Key, Token[] Record)[]> Sample()
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
                return document.RootElement.EnumerateObject().Select(p =>
                {
                    var tokens = new List<Token>();
                    Tokenize(p.Value, tokens);
                    return (JsonEncodedText.Encode(p.Name), tokens.ToArray());
                }).ToArray();
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>One writer call of a record.</summary>
    private struct Token
    {
        public Token(JsonTokenType kind)
        {
            Kind = kind;
            Name = default;
            Text = "";
            IsWhole = false;
            Whole = 0;
            Fraction = 0;
        }

        public JsonTokenType Kind { get; }

        public JsonEncodedText Name { get; set; }

        public string Text { get; set; }

        public bool IsWhole { get; set; }

        public long Whole { get; set; }

        public decimal Fraction { get; set; }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;
using HealthMock.Generation;
using HealthMock.Json;
using HealthMock.Seeds;

namespace HealthMock.Bench;

/// <summary>
/// Hashes of generated records under several options and of the JSON written for them, so a speed change can show
/// that it changed no byte of output.
/// </summary>
public static class Fingerprint
{
    private static readonly DateTime Reference = new(2026, 1, 1);

    /// <summary>One line per case: its name and the SHA-256 of its bytes.</summary>
    public static IEnumerable<string> Lines(int count)
    {
        var cases = new (string Name, PatientOptions Options)[]
        {
            ("patients seed 1", new PatientOptions { Seed = 1, ReferenceDate = Reference }),
            ("patients seed 42 leap day", new PatientOptions { Seed = 42, ReferenceDate = new DateTime(2028, 2, 29) }),
            ("patients seed 7 minors CA TX other", new PatientOptions
            {
                Seed = 7, ReferenceDate = Reference, MinAge = 0, MaxAge = 17, States = new[] { "CA", "Texas" },
                Sexes = new[] { Sex.Other, Sex.Female },
            }),
            ("patients seed -5 old custom domain", new PatientOptions
            {
                Seed = -5, ReferenceDate = Reference, MinAge = 60, MaxAge = 120, EmailDomains = new[] { "corp.test" },
            }),
        };
        foreach (var (name, options) in cases)
        {
            var generator = new PatientGenerator(SeedCatalog.Default, options);
            yield return name + ": " + Hash(stream =>
            {
                using var writer = new Utf8JsonWriter(stream, PatientJsonFloor.Options);
                for (var i = 0L; i < count; i++)
                {
                    PatientJsonFloor.Write(writer, generator.Generate(i));
                    writer.Flush();
                }
            });
        }

        var providers = new ProviderGenerator(SeedCatalog.Default, new ProviderOptions { Seed = 3 });
        yield return "providers seed 3: " + Hash(stream =>
        {
            for (var i = 0L; i < count / 10; i++)
            {
                JsonSerializer.Serialize(stream, providers.Generate(i));
            }
        });

        var patients = new PatientGenerator(SeedCatalog.Default,
            new PatientOptions { Seed = 9, ReferenceDate = Reference });
        var layouts = new (string Name, JsonExportOptions Options)[]
        {
            ("json array", new JsonExportOptions()),
            ("json compact", new JsonExportOptions { Indented = false }),
            ("json lines camel",
                new JsonExportOptions { Layout = JsonLayout.Lines, NamingPolicy = NamingPolicy.CamelCase }),
            ("json keyed", new JsonExportOptions { Layout = JsonLayout.Keyed, KeyProperty = "id" }),
            ("json keyed as is", new JsonExportOptions
            {
                Layout = JsonLayout.Keyed, KeyProperty = "Id", NamingPolicy = NamingPolicy.AsIs, Indented = false,
            }),
        };
        foreach (var (name, options) in layouts)
        {
            yield return name + ": " + Hash(stream =>
            {
                using var writer = new JsonRecordWriter(stream, options, leaveOpen: true);
                for (var i = 0L; i < count / 10; i++)
                {
                    writer.Write(patients.Generate(i));
                    writer.Write(providers.Generate(i));
                }

                writer.Complete();
            });
        }
    }

    private static string Hash(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        stream.Position = 0;
        return Convert.ToHexString(SHA256.HashData(stream)).Substring(0, 16) + " (" + stream.Length + " bytes)";
    }
}

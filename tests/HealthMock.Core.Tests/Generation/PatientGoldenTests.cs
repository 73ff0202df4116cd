using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using HealthMock.Generation;
using HealthMock.Seeds;
using Xunit;

namespace HealthMock.Tests.Generation;

/// <summary>
/// Seed 42 at a fixed reference date is kept in a checked-in file, so any change to generated data fails here and
/// is reviewed on purpose. To accept a change, run the tests once with HEALTHMOCK_UPDATE_GOLDEN=1 and review the
/// diff of the golden file.
/// </summary>
public class PatientGoldenTests
{
    private const string GoldenFile = "patients-seed42.txt";

    [Fact]
    public void Seed_42_matches_the_golden_file_byte_for_byte()
    {
        var generator = new PatientGenerator(SeedCatalog.Default,
            new PatientOptions { Seed = 42, ReferenceDate = new DateTime(2026, 12, 3) });
        var actual = Encoding.UTF8.GetBytes(
            string.Concat(generator.Generate(0, 5).Select(p => PatientText.GoldenLine(p) + "\n")));

        var copied = Path.Combine(AppContext.BaseDirectory, "Generation", "Golden", GoldenFile);
        if (Environment.GetEnvironmentVariable("HEALTHMOCK_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(Path.Combine(SourceFolder(), "Golden", GoldenFile), actual);
            Directory.CreateDirectory(Path.GetDirectoryName(copied)!);
            File.WriteAllBytes(copied, actual);
        }

        Assert.True(File.Exists(copied), $"{copied} is missing: build the test project, which copies it.");
        var expected = File.ReadAllBytes(copied);
        Assert.True(expected.AsSpan().SequenceEqual(actual),
            "Generated patients differ from Golden/" + GoldenFile + ". If the change is intended, rerun with "
            + "HEALTHMOCK_UPDATE_GOLDEN=1 and review the file's diff.\n" + FirstDifference(expected, actual));
    }

    private static string FirstDifference(byte[] expected, byte[] actual)
    {
        var expectedLines = Encoding.UTF8.GetString(expected).Split('\n');
        var actualLines = Encoding.UTF8.GetString(actual).Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var want = i < expectedLines.Length ? expectedLines[i] : "(no line)";
            var got = i < actualLines.Length ? actualLines[i] : "(no line)";
            if (want != got)
            {
                return $"Line {i + 1}\n  expected: {want}\n  actual:   {got}";
            }
        }

        return "The lines are equal; the bytes differ (encoding or line endings).";
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}

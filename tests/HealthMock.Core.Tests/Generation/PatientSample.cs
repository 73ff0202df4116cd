using System;
using System.Collections.Generic;
using System.Linq;
using HealthMock.Generation;
using HealthMock.Seeds;
using Xunit;

namespace HealthMock.Tests.Generation;

/// <summary>One run of the generator: its options and the patients it made.</summary>
public sealed class PatientRun
{
    public PatientRun(PatientOptions options, Patient[] patients)
    {
        Options = options;
        Patients = patients;
    }

    public PatientOptions Options { get; }

    public Patient[] Patients { get; }
}

/// <summary>
/// Many small runs over many seeds, made once per test class: the property-style sample the rules are checked on.
/// </summary>
public class PatientSample
{
    public const int SeedCount = 200;

    public const int RecordsPerSeed = 50;

    public static readonly DateTime ReferenceDate = new DateTime(2026, 12, 3);

    public PatientSample()
    {
        Runs = Make(seed => new PatientOptions { Seed = seed, ReferenceDate = ReferenceDate });
    }

    public IReadOnlyList<PatientRun> Runs { get; }

    public IEnumerable<Patient> Patients => Runs.SelectMany(run => run.Patients);

    /// <summary>The seeds of a sample: the edge values of int, then values spread over its whole range.</summary>
    public static IEnumerable<int> Seeds(int count) => new[] { 0, -1, int.MinValue, int.MaxValue }
        .Concat(Enumerable.Range(1, Math.Max(0, count - 4)).Select(i => unchecked((int)(i * 2654435761u))))
        .Take(count);

    public static IReadOnlyList<PatientRun> Make(Func<int, PatientOptions> options, int seeds = SeedCount,
        int recordsPerSeed = RecordsPerSeed)
    {
        return Seeds(seeds).Select(seed =>
        {
            var runOptions = options(seed);
            var generator = new PatientGenerator(SeedCatalog.Default, runOptions);
            return new PatientRun(runOptions, generator.Generate(0, recordsPerSeed).ToArray());
        }).ToArray();
    }

    /// <summary>Fails with the first few violations and their count when there is any.</summary>
    public static void AssertNone(IEnumerable<string> violations)
    {
        var all = violations.ToList();
        Assert.True(all.Count == 0,
            $"{all.Count} violation(s), the first ones:\n" + string.Join("\n", all.Take(10)));
    }
}

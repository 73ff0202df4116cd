using System;
using System.Collections.Generic;
using System.Linq;
using HealthMock.Generation;
using HealthMock.Seeds;
using HealthMock.Tests.Generation;

namespace HealthMock.Tests.Policies;

/// <summary>Patients of every age over many seeds, each with its individual policy, made once per test class.</summary>
public class PolicySample
{
    public const int SeedCount = 120;

    public const int RecordsPerSeed = 40;

    public static readonly DateTime ReferenceDate = new DateTime(2026, 12, 3);

    public PolicySample()
    {
        Pairs = PatientSample.Seeds(SeedCount).SelectMany(seed =>
        {
            var generator = Generator(seed);
            return Patients(seed, RecordsPerSeed).Select((p, i) => (Patient: p, Policy: generator.Generate(i, p)));
        }).ToArray();
    }

    public IReadOnlyList<(Patient Patient, InsurancePolicy Policy)> Pairs { get; }

    public IEnumerable<InsurancePolicy> Policies => Pairs.Select(p => p.Policy);

    public static PolicyGenerator Generator(int seed, Action<PolicyOptions>? configure = null)
    {
        var options = new PolicyOptions { Seed = seed, ReferenceDate = ReferenceDate };
        configure?.Invoke(options);
        return new PolicyGenerator(SeedCatalog.Default, options);
    }

    public static Patient[] Patients(int seed, int count, int minAge = 0, int maxAge = 90) =>
        new PatientGenerator(SeedCatalog.Default, new PatientOptions
        {
            Seed = seed,
            ReferenceDate = ReferenceDate,
            MinAge = minAge,
            MaxAge = maxAge,
        }).Generate(0, count).ToArray();
}

using System;
using System.Collections.Generic;
using System.Linq;
using HealthMock.Randomness;
using HealthMock.Seeds;

namespace HealthMock.Generation;

/// <summary>
/// The primary care providers patients are assigned to. A patient gets one whose specialty sees the patient's age
/// (so minors get pediatrics or family medicine and adults never a pediatrician), in the patient's state when the
/// pool has one there. The pick for patient i depends on the seed, i, the patient's age and state, and the pool's
/// providers in their order, and is drawn from its own stream so it never shifts the patient's other fields.
/// </summary>
public sealed class PrimaryCarePool
{
    /// <summary>The number of providers the default pool starts with.</summary>
    public const int DefaultSize = 20;

    private const int OldestAge = PatientOptions.OldestAge;

    private const int MostDefaultProviders = 1000;

    private readonly Provider[][] _byAge;
    private readonly Dictionary<string, Provider[][]> _byStateAndAge;

    /// <summary>
    /// Builds the pool from <paramref name="providers"/>, keeping those that are primary care both by their own
    /// flag and by their specialty in the seeds; a provider listed twice (by id) counts once.
    /// </summary>
    /// <exception cref="PrimaryCarePoolException">
    /// A provider's specialty is not in the seeds, or no provider is a primary care provider.
    /// </exception>
    public PrimaryCarePool(SeedCatalog seeds, IEnumerable<Provider> providers)
    {
        var kept = new List<(Provider Provider, SpecialtySeed Specialty)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var given = new List<string>();
        foreach (var provider in providers)
        {
            if (provider is null || !ids.Add(provider.Id))
            {
                continue;
            }

            var specialty = seeds.FindSpecialty(provider.Specialty ?? "")
                ?? throw new PrimaryCarePoolException(PrimaryCarePoolException.UnknownSpecialty, provider.Specialty,
                    $"Provider '{provider.Id}' has specialty '{provider.Specialty}', which the seeds do not list: "
                    + $"expected one of {string.Join(", ", seeds.Specialties.Select(s => s.Name))}.");
            if (!given.Contains(specialty.Name))
            {
                given.Add(specialty.Name);
            }

            if (provider.IsPrimaryCare && specialty.IsPrimaryCare)
            {
                kept.Add((provider, specialty));
            }
        }

        if (kept.Count == 0)
        {
            throw new PrimaryCarePoolException(PrimaryCarePoolException.NoPrimaryCareProvider, ids.Count,
                $"None of the {ids.Count} providers given is a primary care provider (specialties given: "
                + $"{(given.Count == 0 ? "none" : string.Join(", ", given))}): expected at least one provider of a "
                + $"primary care specialty such as {ProviderOptions.JoinWithOr(PrimaryCareNames(seeds))}.");
        }

        Providers = kept.Select(k => k.Provider).ToArray();
        Specialties = kept.Select(k => k.Specialty.Name).Distinct().ToArray();
        _byAge = ByAge(kept);
        _byStateAndAge = kept.GroupBy(k => k.Provider.Clinic?.State ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ByAge(g.ToList()), StringComparer.Ordinal);
    }

    /// <summary>The primary care providers in the pool, in the order given.</summary>
    public IReadOnlyList<Provider> Providers { get; }

    /// <summary>The names of the pool's specialties, each once.</summary>
    public IReadOnlyList<string> Specialties { get; }

    /// <summary>
    /// The pool used when the caller gives no providers: the first providers of the provider stream with the same
    /// seed and a primary care share of 1, that is <c>New-MockProvider -Seed seed -PrimaryCareShare 1 -Count N</c>,
    /// taking <see cref="DefaultSize"/> of them, or more until every age a seeded primary care specialty sees has
    /// a provider.
    /// </summary>
    /// <exception cref="PrimaryCarePoolException">The seeds list no primary care specialty.</exception>
    public static PrimaryCarePool CreateDefault(SeedCatalog seeds, int seed)
    {
        var specialties = seeds.Specialties.Where(s => s.IsPrimaryCare).ToArray();
        if (specialties.Length == 0)
        {
            throw new PrimaryCarePoolException(PrimaryCarePoolException.NoPrimaryCareProvider, null,
                "The seeds list no primary care specialty, so patients cannot get a primary care provider: expected "
                + "a specialty with is_primary_care set to true in specialties.json.");
        }

        var wanted = new bool[OldestAge + 1];
        foreach (var specialty in specialties)
        {
            for (var age = specialty.MinAge; age <= Math.Min(specialty.MaxAge, OldestAge); age++)
            {
                wanted[age] = true;
            }
        }

        var generator = new ProviderGenerator(seeds, new ProviderOptions { Seed = seed, PrimaryCareShare = 1 });
        var providers = new List<Provider>();
        var covered = new bool[OldestAge + 1];
        while (providers.Count < MostDefaultProviders
            && (providers.Count < DefaultSize || Enumerable.Range(0, OldestAge + 1).Any(a => wanted[a] && !covered[a])))
        {
            var provider = generator.Generate(providers.Count);
            var specialty = seeds.FindSpecialty(provider.Specialty)!;
            for (var age = specialty.MinAge; age <= Math.Min(specialty.MaxAge, OldestAge); age++)
            {
                covered[age] = true;
            }

            providers.Add(provider);
        }

        return new PrimaryCarePool(seeds, providers);
    }

    /// <summary>Whether some provider in the pool sees patients of this age.</summary>
    public bool Serves(int age) => age >= 0 && age <= OldestAge && _byAge[age].Length > 0;

    /// <summary>Checks that every age from <paramref name="minAge"/> to <paramref name="maxAge"/> is served.</summary>
    /// <exception cref="PrimaryCarePoolException">Some age in the range has none: NoSuitableProvider.</exception>
    public void EnsureServes(int minAge, int maxAge)
    {
        for (var age = minAge; age <= maxAge; age++)
        {
            if (!Serves(age))
            {
                var served = Enumerable.Range(0, OldestAge + 1).Where(Serves).ToArray();
                throw new PrimaryCarePoolException(PrimaryCarePoolException.NoSuitableProvider, age,
                    $"No primary care provider given sees patients aged {age} (primary care specialties given: "
                    + $"{string.Join(", ", Specialties)}), and patients may be drawn from ages {minAge} to {maxAge}: "
                    + $"expected a provider whose specialty sees that age{DescribeServed(served)}.");
            }
        }
    }

    /// <summary>
    /// Picks the primary care provider of patient <paramref name="index"/>: one that sees the patient's age, in the
    /// patient's state when the pool has one there, else anywhere.
    /// </summary>
    /// <exception cref="PrimaryCarePoolException">No provider sees the age (<c>NoSuitableProvider</c>).</exception>
    public Provider Pick(int seed, long index, int age, string? state)
    {
        if (!Serves(age))
        {
            EnsureServes(age, age);
        }

        var candidates = _byAge[age];
        if (state is not null && _byStateAndAge.TryGetValue(state, out var local) && local[age].Length > 0)
        {
            candidates = local[age];
        }

        var random = new RecordRandom(seed, RecordKind.PrimaryCare, index);
        return random.Pick(candidates);
    }

    private static Provider[][] ByAge(IReadOnlyList<(Provider Provider, SpecialtySeed Specialty)> providers)
    {
        var byAge = new Provider[OldestAge + 1][];
        for (var age = 0; age <= OldestAge; age++)
        {
            byAge[age] = providers.Where(p => p.Specialty.Serves(age)).Select(p => p.Provider).ToArray();
        }

        return byAge;
    }

    private static IEnumerable<string> PrimaryCareNames(SeedCatalog seeds) =>
        seeds.Specialties.Where(s => s.IsPrimaryCare).Select(s => s.Name);

    private static string DescribeServed(int[] ages)
    {
        if (ages.Length == 0)
        {
            return "";
        }

        var ranges = new List<string>();
        var from = ages[0];
        for (var i = 1; i <= ages.Length; i++)
        {
            if (i == ages.Length || ages[i] != ages[i - 1] + 1)
            {
                var to = ages[i - 1];
                ranges.Add(from == to ? $"{from}" : $"{from} to {to}");
                if (i < ages.Length)
                {
                    from = ages[i];
                }
            }
        }

        return $", or ages kept within those the given specialties see ({string.Join(", ", ranges)})";
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HealthMock.Seeds;

namespace HealthMock.Generation;

/// <summary>What a provider stream may contain. Record i depends on these options, the seed and i only.</summary>
public sealed class ProviderOptions
{
    /// <summary>The share of providers drawn from primary care specialties when the caller sets none.</summary>
    public const double DefaultPrimaryCareShare = 0.4;

    /// <summary>The run's seed.</summary>
    public int Seed { get; set; }

    /// <summary>
    /// The specialties to draw from, by name or slug, ignoring case; empty means every seeded specialty.
    /// </summary>
    public IReadOnlyList<string> Specialties { get; set; } = Array.Empty<string>();

    /// <summary>
    /// The share of providers, from 0 to 1, drawn from primary care specialties; the rest come from the others.
    /// Null means <see cref="DefaultPrimaryCareShare"/>. When the allowed specialties are all primary care or all
    /// not, every provider comes from that group and a null share is not an error.
    /// </summary>
    public double? PrimaryCareShare { get; set; }

    /// <summary>States to place clinics in, as codes or names; empty means every seeded state.</summary>
    public IReadOnlyList<string> States { get; set; } = Array.Empty<string>();

    /// <summary>
    /// Checks the options against each other and the seeds, throwing an <see cref="InvalidOptionException"/> whose
    /// message names the bad value and what was expected.
    /// </summary>
    public void Validate(SeedCatalog seeds)
    {
        foreach (var specialty in Specialties)
        {
            if (specialty is null || seeds.FindSpecialty(specialty) is null)
            {
                throw new InvalidOptionException(nameof(Specialties), specialty,
                    $"Specialty '{specialty}' is not known: expected one of "
                    + $"{string.Join(", ", seeds.Specialties.Select(s => s.Name))}.");
            }
        }

        if (PrimaryCareShare is double share)
        {
            var shown = share.ToString(CultureInfo.InvariantCulture);
            if (double.IsNaN(share) || share < 0 || share > 1)
            {
                throw new InvalidOptionException(nameof(PrimaryCareShare), share,
                    $"PrimaryCareShare {shown} is out of range: expected a number from 0 to 1.");
            }

            var allowed = AllowedSpecialties(seeds);
            if (share > 0 && !allowed.Any(s => s.IsPrimaryCare))
            {
                throw new InvalidOptionException(nameof(PrimaryCareShare), share,
                    $"PrimaryCareShare {shown} asks for primary care providers, but the specialties "
                    + $"{string.Join(", ", allowed.Select(s => s.Name))} include no primary care specialty: expected "
                    + $"a share of 0 or a primary care specialty such as {PrimaryCareNames(seeds)}.");
            }

            if (share < 1 && allowed.All(s => s.IsPrimaryCare))
            {
                throw new InvalidOptionException(nameof(PrimaryCareShare), share,
                    $"PrimaryCareShare {shown} asks for providers outside primary care, but the specialties "
                    + $"{string.Join(", ", allowed.Select(s => s.Name))} are all primary care: expected a share of 1 "
                    + "or a specialty outside primary care.");
            }
        }

        foreach (var state in States)
        {
            if (state is null || seeds.FindState(state) is null)
            {
                throw new InvalidOptionException(nameof(States), state,
                    $"State '{state}' is not known: expected a two-letter code or a name of one of "
                    + $"{string.Join(", ", seeds.States)}.");
            }
        }
    }

    /// <summary>
    /// The specialties the options allow, in the order of the seeds and each once; every seeded specialty when
    /// none is named. Call after <see cref="Validate"/>.
    /// </summary>
    public IReadOnlyList<SpecialtySeed> AllowedSpecialties(SeedCatalog seeds)
    {
        if (Specialties.Count == 0)
        {
            return seeds.Specialties;
        }

        var named = new HashSet<SpecialtySeed>(Specialties.Select(s => seeds.FindSpecialty(s)!));
        return seeds.Specialties.Where(named.Contains).ToArray();
    }

    private static string PrimaryCareNames(SeedCatalog seeds)
    {
        var names = seeds.Specialties.Where(s => s.IsPrimaryCare).Select(s => s.Name).ToArray();
        return names.Length == 0 ? "(none in the seeds)" : JoinWithOr(names);
    }

    /// <summary>Joins names as "A, B or C" for messages.</summary>
    internal static string JoinWithOr(IEnumerable<string> names)
    {
        var list = names.ToArray();
        return list.Length <= 1 ? string.Join("", list)
            : string.Join(", ", list.Take(list.Length - 1)) + " or " + list[list.Length - 1];
    }
}

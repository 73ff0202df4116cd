using System;
using System.Collections.Generic;
using System.Linq;
using HealthMock.Seeds;

namespace HealthMock.Generation;

/// <summary>What a patient stream may contain. Record i depends on these options, the seed and i only.</summary>
public sealed class PatientOptions
{
    /// <summary>The largest age accepted.</summary>
    public const int OldestAge = 120;

    /// <summary>The domains used when the caller names none: reserved for documentation, so no mailbox is real.</summary>
    public static readonly IReadOnlyList<string> DocumentationDomains = new[] { "example.com", "example.org", "example.net" };

    /// <summary>The run's seed.</summary>
    public int Seed { get; set; }

    /// <summary>The date that ages and account dates are computed against. Only its date part is used.</summary>
    public DateTime ReferenceDate { get; set; } = new DateTime(2026, 1, 1);

    /// <summary>The youngest age, in whole years at the reference date.</summary>
    public int MinAge { get; set; }

    /// <summary>The oldest age, in whole years at the reference date.</summary>
    public int MaxAge { get; set; } = 90;

    /// <summary>The sexes to draw from; empty means the default mix (mostly female and male).</summary>
    public IReadOnlyList<Sex> Sexes { get; set; } = Array.Empty<Sex>();

    /// <summary>States to place patients in, as codes or names; empty means every seeded state.</summary>
    public IReadOnlyList<string> States { get; set; } = Array.Empty<string>();

    /// <summary>Email domains to use; empty means the reserved documentation domains.</summary>
    public IReadOnlyList<string> EmailDomains { get; set; } = Array.Empty<string>();

    /// <summary>
    /// The providers to draw each patient's primary care provider from; only primary care providers are used, and
    /// the pick depends on their order. Null means the default pool of <see cref="PrimaryCarePool.CreateDefault"/>:
    /// the first providers of the provider stream with the same seed and a primary care share of 1.
    /// </summary>
    public IReadOnlyList<Provider>? Providers { get; set; }

    /// <summary>
    /// Checks the options against each other and the seeds, throwing an <see cref="ArgumentException"/> whose
    /// message names the bad value and what was expected.
    /// </summary>
    public void Validate(SeedCatalog seeds)
    {
        if (MinAge < 0 || MinAge > OldestAge)
        {
            throw new InvalidOptionException(nameof(MinAge), MinAge,
                $"MinAge {MinAge} is out of range: expected a whole number from 0 to {OldestAge}.");
        }

        if (MaxAge < 0 || MaxAge > OldestAge)
        {
            throw new InvalidOptionException(nameof(MaxAge), MaxAge,
                $"MaxAge {MaxAge} is out of range: expected a whole number from 0 to {OldestAge}.");
        }

        if (MinAge > MaxAge)
        {
            throw new InvalidOptionException(nameof(MinAge), MinAge,
                $"MinAge {MinAge} is greater than MaxAge {MaxAge}: expected MinAge to be at most MaxAge.");
        }

        if (ReferenceDate.Year < 1900 || ReferenceDate.Year > 9000)
        {
            throw new InvalidOptionException(nameof(ReferenceDate), ReferenceDate,
                $"ReferenceDate {ReferenceDate:yyyy-MM-dd} is out of range: expected a date from 1900 to 9000.");
        }

        foreach (var state in States)
        {
            if (seeds.FindState(state) is null)
            {
                throw new InvalidOptionException(nameof(States), state,
                    $"State '{state}' is not known: expected a two-letter code or a name of one of "
                    + $"{string.Join(", ", seeds.States)}.");
            }
        }

        foreach (var domain in EmailDomains)
        {
            if (!IsDomainName(domain))
            {
                throw new InvalidOptionException(nameof(EmailDomains), domain,
                    $"EmailDomain '{domain}' is not a domain name: expected labels of letters, digits and hyphens "
                    + "joined by dots, such as example.com.");
            }
        }
    }

    private static bool IsDomainName(string domain)
    {
        var labels = domain.Split('.');
        return labels.Length >= 2 && domain.Length <= 253 && labels.All(label =>
            label.Length > 0 && label.Length <= 63 && label[0] != '-' && label[label.Length - 1] != '-'
            && label.All(c => c < 128 && (char.IsLetterOrDigit(c) || c == '-')));
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using HealthMock.Seeds;

namespace HealthMock.Generation;

/// <summary>What a policy stream may contain. Record i depends on these options, i and its patient only.</summary>
public sealed class PolicyOptions
{
    /// <summary>The usual age at which patients get Medicare.</summary>
    public const int DefaultMedicareAge = 65;

    /// <summary>The run's seed.</summary>
    public int Seed { get; set; }

    /// <summary>The date policy periods and statuses are set around. Only its date part is used.</summary>
    public DateTime ReferenceDate { get; set; } = new DateTime(2026, 1, 1);

    /// <summary>The plan types to draw from; empty means every plan type the seeds offer.</summary>
    public IReadOnlyList<PlanType> PlanTypes { get; set; } = Array.Empty<PlanType>();

    /// <summary>
    /// The payers to draw plans from, by name as the seeds list them (ignoring case); empty means every payer.
    /// </summary>
    public IReadOnlyList<string> Payers { get; set; } = Array.Empty<string>();

    /// <summary>
    /// The age from which patients get Medicare: patients this age or older at the reference date get a Medicare
    /// plan when the plan types allow it, younger ones never do.
    /// </summary>
    public int MedicareAge { get; set; } = DefaultMedicareAge;

    /// <summary>
    /// The statuses policies may have at the reference date; empty means all three in the usual mix, about 95 in
    /// 100 Active and the rest Pending (starting within the next 60 days) or Expired (ended within the last 90
    /// days). See <see cref="PolicyGenerator"/>.
    /// </summary>
    public IReadOnlyList<PolicyStatus> Statuses { get; set; } = Array.Empty<PolicyStatus>();

    /// <summary>
    /// Checks the options against each other and the seeds, throwing an <see cref="InvalidOptionException"/> whose
    /// message names the bad value and what was expected.
    /// </summary>
    public void Validate(SeedCatalog seeds)
    {
        if (MedicareAge < 0 || MedicareAge > PatientOptions.OldestAge)
        {
            throw new InvalidOptionException(nameof(MedicareAge), MedicareAge,
                $"MedicareAge {MedicareAge} is out of range: expected a whole number from 0 to "
                + $"{PatientOptions.OldestAge}.");
        }

        if (ReferenceDate.Year < 1900 || ReferenceDate.Year > 9000)
        {
            throw new InvalidOptionException(nameof(ReferenceDate), ReferenceDate,
                $"ReferenceDate {ReferenceDate:yyyy-MM-dd} is out of range: expected a date from 1900 to 9000.");
        }

        foreach (var status in Statuses)
        {
            if (!Enum.IsDefined(typeof(PolicyStatus), status))
            {
                throw new InvalidOptionException(nameof(Statuses), status,
                    $"Policy status {status} is not known: expected one of "
                    + $"{string.Join(", ", Enum.GetNames(typeof(PolicyStatus)))}.");
            }
        }

        foreach (var payer in Payers)
        {
            if (FindPayer(seeds, payer) is null)
            {
                throw new InvalidOptionException(nameof(Payers), payer,
                    $"Payer '{payer}' is not in the seeds: expected one of "
                    + $"{string.Join(", ", seeds.Payers.Select(p => "'" + p.Name + "'"))}.");
            }
        }

        var offered = SelectedPayers(seeds).SelectMany(p => p.Plans).Select(p => p.PlanType).Distinct().ToList();
        if (offered.Count == 0)
        {
            throw new InvalidOptionException(nameof(PlanTypes), null,
                "The payers seeds offer no plan: expected at least one payer with one plan.");
        }

        foreach (var planType in PlanTypes)
        {
            if (!offered.Contains(planType))
            {
                var payers = Payers.Count == 0 ? "any payer in the seeds" : "the payers chosen";
                throw new InvalidOptionException(nameof(PlanTypes), planType,
                    $"Plan type {planType} is not offered by {payers}: expected one of "
                    + $"{string.Join(", ", offered.OrderBy(t => t))}.");
            }
        }
    }

    /// <summary>The payers of <paramref name="seeds"/> that <see cref="Payers"/> selects, in seeds order.</summary>
    public IEnumerable<PayerSeed> SelectedPayers(SeedCatalog seeds)
    {
        if (Payers.Count == 0)
        {
            return seeds.Payers;
        }

        var wanted = new HashSet<string>(Payers.Select(p => p.Trim()), StringComparer.OrdinalIgnoreCase);
        return seeds.Payers.Where(p => wanted.Contains(p.Name));
    }

    private static PayerSeed? FindPayer(SeedCatalog seeds, string name) =>
        seeds.Payers.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
}

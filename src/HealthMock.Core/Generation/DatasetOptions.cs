using System;
using System.Collections.Generic;
using System.Globalization;
using HealthMock.Seeds;

namespace HealthMock.Generation;

/// <summary>The size and mix of a whole linked dataset. The dataset depends on these options only.</summary>
public sealed class DatasetOptions
{
    /// <summary>The share of patients without insurance when the caller sets none.</summary>
    public const double DefaultUninsuredShare = 0.08;

    /// <summary>The share of working-age patients who subscribe to a family policy when the caller sets none.</summary>
    public const double DefaultFamilyShare = 0.25;

    /// <summary>The most records of one kind a dataset may ask for.</summary>
    public const int MostRecords = 10_000_000;

    /// <summary>The run's seed, shared by every stream of the dataset.</summary>
    public int Seed { get; set; }

    /// <summary>The date ages, policy periods and appointment statuses hang on; only its date is used.</summary>
    public DateTime ReferenceDate { get; set; } = new DateTime(2026, 1, 1);

    /// <summary>The number of patients.</summary>
    public int PatientCount { get; set; } = 100;

    /// <summary>The number of providers; patients need at least one primary care provider among them.</summary>
    public int ProviderCount { get; set; } = 10;

    /// <summary>The number of appointments booked for each patient.</summary>
    public int AppointmentsPerPatient { get; set; } = 3;

    /// <summary>The share of providers of primary care specialties; null means the provider stream's default.</summary>
    public double? PrimaryCareShare { get; set; }

    /// <summary>The share of patients, outside families, who have no insurance policy.</summary>
    public double UninsuredShare { get; set; } = DefaultUninsuredShare;

    /// <summary>
    /// The share of working-age patients (25 to under the Medicare age) who subscribe to a family policy covering a
    /// spouse or children found among the patients that follow them.
    /// </summary>
    public double FamilyShare { get; set; } = DefaultFamilyShare;

    /// <summary>The age from which patients get Medicare.</summary>
    public int MedicareAge { get; set; } = PolicyOptions.DefaultMedicareAge;

    /// <summary>
    /// The states the clinic network practises in, as two-letter codes or names of seeded states. Empty means one
    /// state drawn from the seed among those with two seeded cities or more, weighted by their number of cities.
    /// Providers' clinics are in these states and patients live only where primary care providers practise; see
    /// <see cref="DatasetGenerator"/>.
    /// </summary>
    public IReadOnlyList<string> States { get; set; } = Array.Empty<string>();

    /// <summary>
    /// Checks the options against each other, throwing an <see cref="InvalidOptionException"/> whose message names
    /// the bad value and what was expected. Options of the streams (such as the primary care share) are checked by
    /// the generators of those streams.
    /// </summary>
    public void Validate()
    {
        CheckCount(nameof(PatientCount), PatientCount);
        CheckCount(nameof(ProviderCount), ProviderCount);
        if (AppointmentsPerPatient < 0 || AppointmentsPerPatient > AppointmentOptions.MostPerPatient)
        {
            throw new InvalidOptionException(nameof(AppointmentsPerPatient), AppointmentsPerPatient,
                $"AppointmentsPerPatient {AppointmentsPerPatient} is out of range: expected a whole number from 0 to "
                + $"{AppointmentOptions.MostPerPatient}.");
        }

        CheckShare(nameof(UninsuredShare), UninsuredShare);
        CheckShare(nameof(FamilyShare), FamilyShare);
        if (ReferenceDate.Year < 1900 || ReferenceDate.Year > 9000)
        {
            throw new InvalidOptionException(nameof(ReferenceDate), ReferenceDate,
                $"ReferenceDate {ReferenceDate:yyyy-MM-dd} is out of range: expected a date from 1900 to 9000.");
        }
    }

    /// <summary>
    /// Checks the options as <see cref="Validate()"/> does, and the states against the cities of
    /// <paramref name="seeds"/>, throwing an <see cref="InvalidOptionException"/> (option States) for a state the
    /// seeds do not know.
    /// </summary>
    public void Validate(SeedCatalog seeds)
    {
        Validate();
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

    private static void CheckCount(string name, int value)
    {
        if (value < 0 || value > MostRecords)
        {
            throw new InvalidOptionException(name, value,
                $"{name} {value} is out of range: expected a whole number from 0 to {MostRecords}.");
        }
    }

    private static void CheckShare(string name, double value)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new InvalidOptionException(name, value,
                $"{name} {value.ToString(CultureInfo.InvariantCulture)} is out of range: expected a number from 0 "
                + "to 1.");
        }
    }
}

using System;

namespace HealthMock.Generation;

/// <summary>
/// What an appointment stream may contain. The appointments of patient i depend on these options, i, the patient,
/// the providers and policies given, and the slots booked for the patients before it.
/// </summary>
public sealed class AppointmentOptions
{
    /// <summary>The most appointments one patient may be given.</summary>
    public const int MostPerPatient = 1000;

    /// <summary>The highest index the first appointment of a run may have.</summary>
    public const long MostStartIndex = long.MaxValue / 2;

    /// <summary>The run's seed.</summary>
    public int Seed { get; set; }

    /// <summary>
    /// The date that splits past from future appointments: they fall from twelve months before it to three months
    /// after it. Only its date part is used.
    /// </summary>
    public DateTime ReferenceDate { get; set; } = new DateTime(2026, 1, 1);

    /// <summary>The fewest appointments per patient.</summary>
    public int MinPerPatient { get; set; } = 1;

    /// <summary>The most appointments per patient.</summary>
    public int MaxPerPatient { get; set; } = 1;

    /// <summary>The share of appointments booked with primary care, mostly the patient's own provider.</summary>
    public double PrimaryCareShare { get; set; } = 0.5;

    /// <summary>
    /// The index of the first appointment, counted from 0: appointment ids are apt_ and the index plus one, so runs
    /// given ranges of indexes that do not overlap make distinct ids and their appointments can be combined.
    /// </summary>
    public long StartIndex { get; set; }

    /// <summary>
    /// Checks the options against each other, throwing an <see cref="InvalidOptionException"/> whose message names
    /// the bad value and what was expected.
    /// </summary>
    public void Validate()
    {
        if (MinPerPatient < 0 || MinPerPatient > MostPerPatient)
        {
            throw new InvalidOptionException(nameof(MinPerPatient), MinPerPatient,
                $"The count {MinPerPatient} is out of range: expected a whole number from 0 to {MostPerPatient}.");
        }

        if (MaxPerPatient < MinPerPatient || MaxPerPatient > MostPerPatient)
        {
            throw new InvalidOptionException(nameof(MaxPerPatient), MaxPerPatient,
                $"The count range {MinPerPatient} to {MaxPerPatient} is not valid: expected a minimum of 0 or more "
                + $"and a maximum from the minimum to {MostPerPatient}.");
        }

        if (double.IsNaN(PrimaryCareShare) || PrimaryCareShare < 0 || PrimaryCareShare > 1)
        {
            throw new InvalidOptionException(nameof(PrimaryCareShare), PrimaryCareShare,
                $"PrimaryCareShare {PrimaryCareShare} is out of range: expected a number from 0 to 1.");
        }

        if (StartIndex < 0 || StartIndex > MostStartIndex)
        {
            throw new InvalidOptionException(nameof(StartIndex), StartIndex,
                $"StartIndex {StartIndex} is out of range: expected a whole number from 0 to {MostStartIndex}.");
        }

        if (ReferenceDate.Year < 1900 || ReferenceDate.Year > 9000)
        {
            throw new InvalidOptionException(nameof(ReferenceDate), ReferenceDate,
                $"ReferenceDate {ReferenceDate:yyyy-MM-dd} is out of range: expected a date from 1900 to 9000.");
        }
    }
}

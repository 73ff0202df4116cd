using System;

namespace HealthMock.Generation;

/// <summary>Age arithmetic on calendar dates, including people born on 29 February.</summary>
public static class Ages
{
    /// <summary>
    /// The age in whole years at <paramref name="referenceDate"/> of someone born on <paramref name="dateOfBirth"/>.
    /// Someone born on 29 February turns a year older on 28 February in common years.
    /// </summary>
    public static int At(DateTime dateOfBirth, DateTime referenceDate)
    {
        var age = referenceDate.Year - dateOfBirth.Year;
        if (referenceDate.Date < dateOfBirth.Date.AddYears(age))
        {
            age--;
        }

        return age;
    }

    /// <summary>The earliest date of birth of someone aged at most <paramref name="maxAge"/> at the date.</summary>
    public static DateTime EarliestBirth(int maxAge, DateTime referenceDate) =>
        referenceDate.Date.AddYears(-(maxAge + 1)).AddDays(1);

    /// <summary>The latest date of birth of someone aged at least <paramref name="minAge"/> at the date.</summary>
    public static DateTime LatestBirth(int minAge, DateTime referenceDate) => referenceDate.Date.AddYears(-minAge);
}

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
    /// <remarks>
    /// Year arithmetic clamps 29 February to the 28th, so the first candidate can be a day early; the loop steps
    /// past births that would already be a year older.
    /// </remarks>
    public static DateTime EarliestBirth(int maxAge, DateTime referenceDate)
    {
        var birth = referenceDate.Date.AddYears(-(maxAge + 1)).AddDays(1);
        while (At(birth, referenceDate) > maxAge)
        {
            birth = birth.AddDays(1);
        }

        return birth;
    }

    /// <summary>The latest date of birth of someone aged at least <paramref name="minAge"/> at the date.</summary>
    /// <remarks>On 28 February of a common year, someone born on 29 February four years before counts too.</remarks>
    public static DateTime LatestBirth(int minAge, DateTime referenceDate)
    {
        var birth = referenceDate.Date.AddYears(-minAge);
        while (At(birth.AddDays(1), referenceDate) >= minAge)
        {
            birth = birth.AddDays(1);
        }

        return birth;
    }
}

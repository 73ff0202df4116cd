using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HealthMock.Generation;
using Xunit;

namespace HealthMock.Tests.Generation;

public class AgesTests
{
    private static readonly int[] AgeBounds = { 0, 1, 2, 3, 4, 17, 18, 64, 65, 90, 120 };

    [Theory]
    [InlineData("2000-06-15", "2026-06-14", 25)]
    [InlineData("2000-06-15", "2026-06-15", 26)]
    [InlineData("2000-06-15", "2000-06-15", 0)]
    [InlineData("1999-12-31", "2000-01-01", 0)]
    [InlineData("1999-12-31", "2000-12-31", 1)]
    [InlineData("1900-01-01", "2020-12-31", 120)]
    public void At_counts_whole_years(string dateOfBirth, string referenceDate, int expected)
    {
        Assert.Equal(expected, Ages.At(Date(dateOfBirth), Date(referenceDate)));
    }

    [Theory]
    [InlineData("2000-02-29", "2000-02-29", 0)]
    [InlineData("2000-02-29", "2001-02-27", 0)]
    [InlineData("2000-02-29", "2001-02-28", 1)]
    [InlineData("2000-02-29", "2001-03-01", 1)]
    [InlineData("2000-02-29", "2004-02-28", 3)]
    [InlineData("2000-02-29", "2004-02-29", 4)]
    [InlineData("2000-02-29", "2005-02-28", 5)]
    [InlineData("2023-02-28", "2024-02-28", 1)]
    [InlineData("2023-02-28", "2024-02-29", 1)]
    [InlineData("2023-03-01", "2024-02-29", 0)]
    public void At_handles_29_February_births_and_reference_dates(string dateOfBirth, string referenceDate,
        int expected)
    {
        Assert.Equal(expected, Ages.At(Date(dateOfBirth), Date(referenceDate)));
    }

    [Fact]
    public void At_ignores_the_time_of_day()
    {
        Assert.Equal(25, Ages.At(new DateTime(2000, 6, 15, 23, 0, 0), new DateTime(2025, 6, 15, 1, 0, 0)));
        Assert.Equal(24, Ages.At(new DateTime(2000, 6, 15), new DateTime(2025, 6, 14, 23, 59, 59)));
    }

    [Fact]
    public void Birth_date_bounds_are_exact_on_every_reference_date_except_28_February_of_common_years()
    {
        var cases = ReferenceDates().Where(r => !IsCommonYear28February(r));

        PatientSample.AssertNone(BoundViolations(cases));
    }

    [Fact]
    public void Birth_date_bounds_are_exact_on_28_February_of_common_years()
    {
        PatientSample.AssertNone(BoundViolations(ReferenceDates().Where(IsCommonYear28February)));
    }

    private static IEnumerable<string> BoundViolations(IEnumerable<DateTime> referenceDates)
    {
        foreach (var reference in referenceDates)
        {
            foreach (var age in AgeBounds)
            {
                var earliest = Ages.EarliestBirth(age, reference);
                var dayBefore = Ages.At(earliest.AddDays(-1), reference);
                if (Ages.At(earliest, reference) != age || dayBefore != age + 1)
                {
                    yield return $"EarliestBirth({age}, {reference:yyyy-MM-dd}) = {earliest:yyyy-MM-dd}, aged "
                        + $"{Ages.At(earliest, reference)}; the day before is aged {dayBefore}";
                }

                var latest = Ages.LatestBirth(age, reference);
                var dayAfter = Ages.At(latest.AddDays(1), reference);
                if (Ages.At(latest, reference) != age || (latest < reference && dayAfter != age - 1))
                {
                    yield return $"LatestBirth({age}, {reference:yyyy-MM-dd}) = {latest:yyyy-MM-dd}, aged "
                        + $"{Ages.At(latest, reference)}; the day after is aged {dayAfter}";
                }
            }
        }
    }

    /// <summary>Every day of 2023 to 2029: three common years around each of the leap years 2024 and 2028.</summary>
    private static IEnumerable<DateTime> ReferenceDates()
    {
        for (var day = new DateTime(2023, 1, 1); day.Year < 2030; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    private static bool IsCommonYear28February(DateTime day) =>
        day.Month == 2 && day.Day == 28 && !DateTime.IsLeapYear(day.Year);

    private static DateTime Date(string text) => DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

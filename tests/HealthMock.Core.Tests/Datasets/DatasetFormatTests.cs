using System;
using System.Globalization;
using Xunit;

namespace HealthMock.Tests.Datasets;

/// <summary>
/// The dataset files' date and moment texts, written digit by digit, equal what .NET's formatting gives for the same
/// format strings.
/// </summary>
public sealed class DatasetFormatTests
{
    private static readonly int[] OffsetMinutes = { 0, -300, -360, -210, 330, 345, 840, -720, -600, 60 };

    [Fact]
    public void Dates_read_as_yyyy_MM_dd()
    {
        var random = new Random(1);
        for (var i = 0; i < 20_000; i++)
        {
            var date = new DateTime(random.Next(1, 10_000), random.Next(1, 13), random.Next(1, 29));

            Assert.Equal(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DatasetWriter.FormatDate(date));
        }
    }

    [Fact]
    public void Moments_read_as_ISO_8601_with_the_offset_and_a_fraction_only_when_there_is_one()
    {
        var random = new Random(2);
        for (var i = 0; i < 20_000; i++)
        {
            var ticks = new DateTime(random.Next(1, 10_000), random.Next(1, 13), random.Next(1, 29)).Ticks
                + (random.Next(0, 86_400) * TimeSpan.TicksPerSecond)
                + (i % 3 == 0 ? random.Next(0, 10_000_000) : 0);
            var offset = TimeSpan.FromMinutes(OffsetMinutes[i % OffsetMinutes.Length]);
            var moment = new DateTimeOffset(new DateTime(ticks), offset);

            Assert.Equal(moment.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
                DatasetWriter.FormatMoment(moment));
        }
    }

    [Fact]
    public void A_moment_of_whole_minutes_has_no_fraction()
    {
        var moment = new DateTimeOffset(2026, 1, 5, 9, 30, 0, TimeSpan.FromHours(-5));

        Assert.Equal("2026-01-05T09:30:00-05:00", DatasetWriter.FormatMoment(moment));
    }
}

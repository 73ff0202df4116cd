using System;
using System.Linq;
using HealthMock.Generation;
using Xunit;

namespace HealthMock.Tests.Providers;

public class NpiTests
{
    [Fact]
    public void The_published_example_1234567893_is_valid()
    {
        Assert.True(Npi.IsValid("1234567893"));
        Assert.Equal(3, Npi.CheckDigit("123456789"));
    }

    [Theory]
    [InlineData("1234567890")]
    [InlineData("1234567894")]
    [InlineData("3234567893")]
    [InlineData("0234567893")]
    [InlineData("123456789")]
    [InlineData("12345678930")]
    [InlineData("12345678a3")]
    [InlineData("")]
    [InlineData(null)]
    public void Wrong_check_digits_lengths_first_digits_and_letters_are_invalid(string? npi)
    {
        Assert.False(Npi.IsValid(npi));
    }

    [Fact]
    public void Changing_any_one_digit_of_a_valid_npi_makes_it_invalid()
    {
        var npi = Npi.FromBody(198_765_432);
        Assert.True(Npi.IsValid(npi));
        for (var position = 1; position < 10; position++)
        {
            foreach (var digit in "0123456789".Where(d => d != npi[position]))
            {
                var changed = npi.Substring(0, position) + digit + npi.Substring(position + 1);
                Assert.False(Npi.IsValid(changed), $"{changed} differs from {npi} in one digit but passed.");
            }
        }
    }

    [Fact]
    public void Every_body_in_range_gives_a_valid_ten_digit_npi_starting_with_its_body()
    {
        foreach (var body in new[] { Npi.FirstBody, 150_000_017L, 200_000_000L, Npi.FirstBody + Npi.BodyCount - 1 })
        {
            var npi = Npi.FromBody(body);
            Assert.Equal(10, npi.Length);
            Assert.StartsWith(body.ToString(System.Globalization.CultureInfo.InvariantCulture), npi);
            Assert.True(Npi.IsValid(npi));
        }
    }

    [Fact]
    public void Bodies_outside_the_range_and_bad_prefixes_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Npi.FromBody(Npi.FirstBody - 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Npi.FromBody(Npi.FirstBody + Npi.BodyCount));
        Assert.Throws<ArgumentException>(() => Npi.CheckDigit("12345678"));
        Assert.Throws<ArgumentException>(() => Npi.CheckDigit("12345678x"));
    }
}

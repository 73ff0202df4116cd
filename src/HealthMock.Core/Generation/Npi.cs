using System;
using System.Globalization;

namespace HealthMock.Generation;

/// <summary>
/// National Provider Identifiers: ten digits, the first 1 or 2, the last a Luhn check digit computed over the
/// card-issuer prefix 80840 followed by the first nine digits, as the NPI standard defines it.
/// </summary>
public static class Npi
{
    /// <summary>The smallest nine-digit body of an NPI (the digits before the check digit).</summary>
    public const long FirstBody = 100_000_000;

    /// <summary>The number of nine-digit bodies that start with 1 or 2.</summary>
    public const long BodyCount = 200_000_000;

    private const string IssuerPrefix = "80840";

    /// <summary>Returns the check digit for the first nine digits of an NPI.</summary>
    /// <exception cref="ArgumentException">The text is not nine digits.</exception>
    public static int CheckDigit(string firstNineDigits)
    {
        if (firstNineDigits is null || firstNineDigits.Length != 9 || !AllDigits(firstNineDigits))
        {
            throw new ArgumentException(
                $"Expected the nine digits before an NPI's check digit, got '{firstNineDigits}'.",
                nameof(firstNineDigits));
        }

        var digits = IssuerPrefix + firstNineDigits;
        var sum = 0;
        var doubled = true;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var digit = digits[i] - '0';
            if (doubled)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            doubled = !doubled;
        }

        return (10 - sum % 10) % 10;
    }

    /// <summary>Whether the text is ten digits, starting with 1 or 2, whose last digit is its check digit.</summary>
    public static bool IsValid(string? npi) =>
        npi is not null && npi.Length == 10 && AllDigits(npi) && (npi[0] == '1' || npi[0] == '2')
        && CheckDigit(npi.Substring(0, 9)) == npi[9] - '0';

    /// <summary>
    /// Returns the NPI whose first nine digits are <paramref name="body"/>, a number from
    /// <see cref="FirstBody"/> to <see cref="FirstBody"/> + <see cref="BodyCount"/> - 1.
    /// </summary>
    public static string FromBody(long body)
    {
        if (body < FirstBody || body >= FirstBody + BodyCount)
        {
            throw new ArgumentOutOfRangeException(nameof(body), body,
                $"Expected a number from {FirstBody} to {FirstBody + BodyCount - 1}.");
        }

        var text = body.ToString(CultureInfo.InvariantCulture);
        return text + CheckDigit(text).ToString(CultureInfo.InvariantCulture);
    }

    private static bool AllDigits(string text)
    {
        foreach (var c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }
}

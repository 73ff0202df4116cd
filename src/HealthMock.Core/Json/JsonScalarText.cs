using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;

namespace HealthMock.Json;

/// <summary>
/// Formats scalar values as JSON strings, and any scalar as a JSON property name, with the invariant culture.
/// </summary>
internal static class JsonScalarText
{
    private const string DateOnlyFormat = "yyyy-MM-dd";

    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK";

    private const string DateTimeOffsetFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    private const string TimeSpanFormat = "c";

    private const string RoundTripFormat = "R";

    private static readonly ConcurrentDictionary<Enum, string> EnumNames = new();

    /// <summary>
    /// Formats a value whose contract has the <see cref="ValueShape.Text"/> shape.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="contract">The value's type contract.</param>
    /// <returns>The JSON string content.</returns>
    public static string Format(object value, JsonTypeContract contract) => value switch
    {
        string text => text,
        char character => character.ToString(),
        Enum member => EnumNames.GetOrAdd(member, NameOf),
        DateTime date => FormatDateTime(date),
        DateTimeOffset moment => moment.ToString(DateTimeOffsetFormat, CultureInfo.InvariantCulture),
        TimeSpan span => span.ToString(TimeSpanFormat, CultureInfo.InvariantCulture),
        Guid guid => guid.ToString("D"),
        Uri uri => uri.OriginalString,
        IFormattable formattable => formattable.ToString(contract.Format, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>
    /// Formats a date-only value (kind unspecified, midnight) as <c>yyyy-MM-dd</c> and any other date and time
    /// as ISO 8601 that round-trips, without fractional seconds when they are zero.
    /// </summary>
    /// <param name="value">The date and time.</param>
    /// <returns>The ISO 8601 text.</returns>
    public static string FormatDateTime(DateTime value)
    {
        var dateOnly = value.Kind == DateTimeKind.Unspecified && value.TimeOfDay == TimeSpan.Zero;
        return value.ToString(dateOnly ? DateOnlyFormat : DateTimeFormat, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Formats any scalar (text, Boolean or number) as a JSON property name.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="contract">The value's type contract.</param>
    /// <param name="text">The property name.</param>
    /// <returns><see langword="false"/> when the value is not a scalar.</returns>
    public static bool TryFormatName(object value, JsonTypeContract contract, out string text)
    {
        switch (contract.Shape)
        {
            case ValueShape.Text:
                text = Format(value, contract);
                return true;
            case ValueShape.Boolean:
                text = (bool)value ? "true" : "false";
                return true;
            case ValueShape.Single or ValueShape.Double:
                text = ((IFormattable)value).ToString(RoundTripFormat, CultureInfo.InvariantCulture);
                return true;
            case ValueShape.Integer or ValueShape.UnsignedInteger or ValueShape.Decimal or ValueShape.WideNumber:
                text = ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture);
                return true;
            default:
                text = string.Empty;
                return false;
        }
    }

    private static string NameOf(Enum value)
    {
        var type = value.GetType();
        var name = Enum.GetName(type, value);
        if (name is null)
        {
            // A combination of flags or a number with no member: the framework's own spelling.
            return value.ToString();
        }

        var field = type.GetField(name, BindingFlags.Public | BindingFlags.Static);
        return field?.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? name;
    }
}

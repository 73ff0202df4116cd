using System;
using System.Globalization;

namespace HealthMock.Api;

/// <summary>
/// The start of an appointment as a caller gives it: either a moment with its UTC offset, which is converted to
/// the clinic's offset, or a date and time without one, which is read as the clinic's local time.
/// </summary>
/// <remarks>
/// A <see cref="System.DateTime"/> of kind Utc is a moment at offset zero; one of kind Local or Unspecified is a
/// clinic-local clock time, so that 09:00 typed in PowerShell means 09:00 at the clinic wherever the script runs.
/// Text is ISO 8601: 2026-03-02T09:00, 2026-03-02 09:00:00, 2026-03-02T09:00:00-05:00 or 2026-03-02T14:00Z.
/// </remarks>
public readonly struct ClinicTime : IEquatable<ClinicTime>
{
    private static readonly string[] LocalFormats =
    {
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    };

    private static readonly string[] OffsetFormats =
    {
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd HH:mmzzz", "yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    };

    /// <summary>
    /// Creates a time from a <see cref="System.DateTime"/>: a moment at offset zero when its kind is Utc, else a
    /// clinic-local clock time.
    /// </summary>
    public ClinicTime(DateTime value)
    {
        DateTime = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
        Offset = value.Kind == DateTimeKind.Utc ? TimeSpan.Zero : null;
    }

    /// <summary>Creates a time from a moment with its UTC offset.</summary>
    public ClinicTime(DateTimeOffset value)
    {
        DateTime = value.DateTime;
        Offset = value.Offset;
    }

    /// <summary>The date and clock time as given.</summary>
    public DateTime DateTime { get; }

    /// <summary>The UTC offset given with the time, or null for a clinic-local time.</summary>
    public TimeSpan? Offset { get; }

    /// <summary>Converts a <see cref="System.DateTime"/>, as the constructor does.</summary>
    public static implicit operator ClinicTime(DateTime value) => new ClinicTime(value);

    /// <summary>Converts a moment with its UTC offset.</summary>
    public static implicit operator ClinicTime(DateTimeOffset value) => new ClinicTime(value);

    /// <summary>Whether two values are the same clock time with the same offset, or both without one.</summary>
    public static bool operator ==(ClinicTime left, ClinicTime right) => left.Equals(right);

    /// <summary>Whether two values differ in clock time or offset.</summary>
    public static bool operator !=(ClinicTime left, ClinicTime right) => !left.Equals(right);

    /// <summary>
    /// Reads ISO 8601 text such as 2026-03-02T09:00 (clinic-local) or 2026-03-02T09:00:00-05:00; throws
    /// <see cref="FormatException"/> naming the text and the expected forms.
    /// </summary>
    public static ClinicTime Parse(string text) =>
        TryParse(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a date and time; expected ISO 8601 such as "
                + "2026-03-02T09:00 (the clinic's local time) or 2026-03-02T09:00:00-05:00.");

    /// <summary>Reads ISO 8601 text as <see cref="Parse"/> does; returns false when it cannot.</summary>
    public static bool TryParse(string? text, out ClinicTime value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text!.Trim();
        if (DateTime.TryParseExact(trimmed, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var local))
        {
            value = new ClinicTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified));
            return true;
        }

        if (DateTimeOffset.TryParseExact(trimmed, OffsetFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var moment))
        {
            value = new ClinicTime(moment);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Returns the time in a clinic's UTC offset: a moment is converted to it, a clinic-local time is given it.
    /// </summary>
    public DateTimeOffset At(TimeSpan clinicOffset) =>
        Offset is TimeSpan offset
            ? new DateTimeOffset(DateTime, offset).ToOffset(clinicOffset)
            : new DateTimeOffset(DateTime, clinicOffset);

    /// <inheritdoc />
    public bool Equals(ClinicTime other) => DateTime == other.DateTime && Offset == other.Offset;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ClinicTime other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => DateTime.GetHashCode() * 31 + Offset.GetHashCode();

    /// <summary>Returns ISO 8601 text, with the offset when there is one.</summary>
    public override string ToString() =>
        Offset is TimeSpan offset
            ? new DateTimeOffset(DateTime, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
            : DateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}

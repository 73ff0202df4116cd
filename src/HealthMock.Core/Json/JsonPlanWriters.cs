using System;
using System.Collections;
using System.Text.Json;

namespace HealthMock.Json;

/// <summary>
/// The writing steps that compiled <see cref="JsonObjectPlan"/>s call for values that need more than one writer
/// call. Each writes a property name and its value exactly as the general <see cref="JsonValueWriter"/> path would.
/// </summary>
internal static class JsonPlanWriters
{
    /// <summary>
    /// Writes a double, throwing for NaN and infinity so that the general path reports them.
    /// </summary>
    public static void WriteDouble(Utf8JsonWriter writer, JsonEncodedText name, double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new NotFiniteNumberException(value);
        }

        writer.WriteNumber(name, value);
    }

    /// <summary>
    /// Writes a single-precision number, throwing for NaN and infinity so that the general path reports them.
    /// </summary>
    public static void WriteSingle(Utf8JsonWriter writer, JsonEncodedText name, float value)
    {
        if (float.IsNaN(value) || float.IsInfinity(value))
        {
            throw new NotFiniteNumberException(value);
        }

        writer.WriteNumber(name, value);
    }

    /// <summary>
    /// Writes a date as <c>yyyy-MM-dd</c> without allocating, and any other date and time as the general path does.
    /// </summary>
    public static void WriteDateTime(Utf8JsonWriter writer, JsonEncodedText name, DateTime value)
    {
        if (value.Kind != DateTimeKind.Unspecified || value.TimeOfDay != TimeSpan.Zero)
        {
            writer.WriteString(name, JsonScalarText.FormatDateTime(value));
            return;
        }

        Span<byte> text = stackalloc byte[10];
        var year = value.Year;
        text[0] = Digit(year / 1000);
        text[1] = Digit(year / 100 % 10);
        text[2] = Digit(year / 10 % 10);
        text[3] = Digit(year % 10);
        text[4] = (byte)'-';
        text[5] = Digit(value.Month / 10);
        text[6] = Digit(value.Month % 10);
        text[7] = (byte)'-';
        text[8] = Digit(value.Day / 10);
        text[9] = Digit(value.Day % 10);
        writer.WriteString(name, text);
    }

    /// <summary>
    /// Writes an enum value by its JSON name.
    /// </summary>
    public static void WriteEnum(Utf8JsonWriter writer, JsonEncodedText name, long value, JsonEnumNames names)
    {
        if (names.TryGet(value, out var text))
        {
            writer.WriteString(name, text);
        }
        else
        {
            writer.WriteString(name, names.Format(value));
        }
    }

    /// <summary>
    /// Writes a character, time span, date and time with offset, or GUID as the general path formats it.
    /// </summary>
    public static void WriteText(
        Utf8JsonWriter writer,
        JsonEncodedText name,
        object value,
        JsonTypeContract contract) =>
        writer.WriteString(name, JsonScalarText.Format(value, contract));

    /// <summary>
    /// Writes an array or list of strings; a collection of a derived list type takes the general path.
    /// </summary>
    public static void WriteStrings(
        Utf8JsonWriter writer,
        JsonEncodedText name,
        object? value,
        Type declared,
        JsonValueWriter self)
    {
        if (value is null)
        {
            writer.WriteNull(name);
            return;
        }

        if (value.GetType() != declared || !self.IsPlain(value))
        {
            self.WriteGeneralProperty(writer, name, value);
            return;
        }

        writer.WriteStartArray(name);
        var items = (IList)value;
        for (var i = 0; i < items.Count; i++)
        {
            writer.WriteStringValue((string?)items[i]);
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// Writes an array or list of objects that have a plan; a collection of a derived list type takes the general
    /// path, and so does an element the host describes itself.
    /// </summary>
    public static void WriteObjects(
        Utf8JsonWriter writer,
        JsonEncodedText name,
        object? value,
        Type declared,
        JsonObjectPlan plan,
        JsonValueWriter self)
    {
        if (value is null)
        {
            writer.WriteNull(name);
            return;
        }

        if (value.GetType() != declared || !self.IsPlain(value))
        {
            self.WriteGeneralProperty(writer, name, value);
            return;
        }

        writer.WriteStartArray(name);
        var items = (IList)value;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null)
            {
                writer.WriteNullValue();
            }
            else if (self.IsPlainObject(item))
            {
                plan.Write(writer, item, self);
            }
            else
            {
                self.WriteGeneralValue(writer, item);
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// Writes a nested object that has a plan, or through the general path when the host describes it itself.
    /// </summary>
    public static void WriteObject(
        Utf8JsonWriter writer,
        JsonEncodedText name,
        object? value,
        JsonObjectPlan plan,
        JsonValueWriter self)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else if (self.IsPlainObject(value))
        {
            writer.WritePropertyName(name);
            plan.Write(writer, value, self);
        }
        else
        {
            self.WriteGeneralProperty(writer, name, value);
        }
    }

    private static byte Digit(int value) => (byte)('0' + value);
}

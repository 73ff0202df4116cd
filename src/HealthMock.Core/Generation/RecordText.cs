using System;

namespace HealthMock.Generation;

/// <summary>
/// Builds the short strings of a record, such as an id or an address, in a character buffer reused by the thread,
/// so each string costs one allocation. Numbers are written as ASCII digits, without reading any culture.
/// </summary>
/// <remarks>
/// <see cref="Start"/> hands out the thread's one buffer, so build one string at a time: finish it with
/// <see cref="ToString"/> before starting the next.
/// </remarks>
internal sealed class RecordText
{
    [ThreadStatic]
    private static RecordText? current;

    private char[] chars = new char[128];

    private int length;

    private RecordText()
    {
    }

    /// <summary>Returns the thread's buffer, emptied.</summary>
    public static RecordText Start()
    {
        var text = current ??= new RecordText();
        text.length = 0;
        return text;
    }

    /// <summary>Appends a string.</summary>
    public RecordText Append(string value)
    {
        Reserve(value.Length);
        value.CopyTo(0, chars, length, value.Length);
        length += value.Length;
        return this;
    }

    /// <summary>Appends a character.</summary>
    public RecordText Append(char value)
    {
        Reserve(1);
        chars[length++] = value;
        return this;
    }

    /// <summary>Appends a number in decimal digits, padded with leading zeros to at least the given width.</summary>
    public RecordText AppendNumber(ulong value, int minDigits = 1)
    {
        var digits = 1;
        for (var rest = value / 10; rest > 0; rest /= 10)
        {
            digits++;
        }

        digits = Math.Max(digits, minDigits);
        Reserve(digits);
        for (var i = length + digits - 1; i >= length; i--)
        {
            chars[i] = (char)('0' + (int)(value % 10));
            value /= 10;
        }

        length += digits;
        return this;
    }

    /// <summary>Returns the string built.</summary>
    public override string ToString() => new(chars, 0, length);

    private void Reserve(int count)
    {
        if (chars.Length - length < count)
        {
            Array.Resize(ref chars, Math.Max(chars.Length * 2, length + count));
        }
    }
}

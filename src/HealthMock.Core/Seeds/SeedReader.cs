using System;
using System.Collections.Generic;
using System.Text.Json;

namespace HealthMock.Seeds;

/// <summary>
/// Reads the typed fields of one seeds file and turns every shape error into a <see cref="SeedFormatException"/>
/// that names the file and the JSON path of the field.
/// </summary>
internal sealed class SeedReader
{
    private readonly string _file;

    public SeedReader(string file)
    {
        _file = file;
    }

    public static JsonDocument Parse(string file, string json)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new SeedFormatException(file, null,
                $"not valid JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}.", e);
        }
    }

    public IReadOnlyList<JsonElement> Array(JsonElement parent, string name, string path)
    {
        var element = Property(parent, name, path);
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
        {
            throw Error($"{path}.{name}", $"expected a non-empty array, got {Describe(element)}.");
        }

        var items = new List<JsonElement>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            items.Add(item);
        }

        return items;
    }

    public string String(JsonElement parent, string name, string path)
    {
        var element = Property(parent, name, path);
        if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()))
        {
            throw Error($"{path}.{name}", $"expected a non-empty string, got {Describe(element)}.");
        }

        return element.GetString()!;
    }

    public string? OptionalString(JsonElement parent, string name, string path)
    {
        return parent.TryGetProperty(name, out _) ? String(parent, name, path) : null;
    }

    public string[] Strings(JsonElement parent, string name, string path, bool optional = false)
    {
        if (optional && !parent.TryGetProperty(name, out _))
        {
            return System.Array.Empty<string>();
        }

        var items = Property(parent, name, path);
        if (items.ValueKind != JsonValueKind.Array)
        {
            throw Error($"{path}.{name}", $"expected an array of strings, got {Describe(items)}.");
        }

        var values = new List<string>();
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                throw Error($"{path}.{name}[{index}]", $"expected a non-empty string, got {Describe(item)}.");
            }

            values.Add(item.GetString()!);
            index++;
        }

        return values.ToArray();
    }

    public int Int(JsonElement parent, string name, string path, int min, int max)
    {
        var element = Property(parent, name, path);
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var value) || value < min
            || value > max)
        {
            throw Error($"{path}.{name}", $"expected a whole number from {min} to {max}, got {Describe(element)}.");
        }

        return value;
    }

    public double Double(JsonElement parent, string name, string path, double min, double max)
    {
        var element = Property(parent, name, path);
        if (element.ValueKind != JsonValueKind.Number || element.GetDouble() < min || element.GetDouble() > max)
        {
            throw Error($"{path}.{name}", $"expected a number from {min} to {max}, got {Describe(element)}.");
        }

        return element.GetDouble();
    }

    public string Digits(JsonElement parent, string name, string path, int length)
    {
        var value = String(parent, name, path);
        if (value.Length != length || !IsDigits(value))
        {
            throw Error($"{path}.{name}", $"expected {length} digits, got '{value}'.");
        }

        return value;
    }

    public SeedFormatException Error(string field, string message) => new SeedFormatException(_file, field, message);

    /// <summary>Describes a JSON value for an error message: its text when short, else its kind.</summary>
    public static string Describe(JsonElement element)
    {
        const int Longest = 40;
        return element.ValueKind switch
        {
            JsonValueKind.String when element.GetString()!.Trim().Length == 0 => "an empty string",
            JsonValueKind.String when element.GetString()!.Length <= Longest => $"'{element.GetString()}'",
            JsonValueKind.String => "a string of " + element.GetString()!.Length + " characters",
            JsonValueKind.Number when element.GetRawText().Length <= Longest => element.GetRawText(),
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
            JsonValueKind.Null => "null",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => element.GetArrayLength() == 0 ? "an empty array" : "an array",
            _ => "nothing",
        };
    }

    private JsonElement Property(JsonElement parent, string name, string path)
    {
        if (parent.ValueKind != JsonValueKind.Object)
        {
            throw Error(path, "expected an object.");
        }

        if (!parent.TryGetProperty(name, out var element))
        {
            throw Error($"{path}.{name}", "is missing.");
        }

        return element;
    }

    private static bool IsDigits(string value)
    {
        foreach (var c in value)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }
}

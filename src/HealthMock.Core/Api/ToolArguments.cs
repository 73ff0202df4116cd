using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text;
using System.Text.Json;

namespace HealthMock.Api;

/// <summary>
/// The arguments of one tool call, from a JSON object, a query string or a route's path: read by snake_case name
/// and typed on demand, with an invalid_argument error that names the argument and what was expected.
/// </summary>
internal sealed class ToolArguments
{
    private readonly Dictionary<string, object> _values = new Dictionary<string, object>(StringComparer.Ordinal);

    /// <summary>The names given, in no particular order.</summary>
    public IEnumerable<string> Names => _values.Keys;

    /// <summary>Reads the members of a JSON object; throws invalid_argument for anything else.</summary>
    public static ToolArguments FromJson(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new FrontDeskException(FrontDeskErrorCode.InvalidArgument,
                $"The request body is a JSON {body.ValueKind.ToString().ToLowerInvariant()}; expected a JSON object "
                + "of arguments such as {\"patient_id\": \"sara_doe_4821\"}.");
        }

        var arguments = new ToolArguments();
        foreach (var member in body.EnumerateObject())
        {
            if (arguments._values.ContainsKey(member.Name))
            {
                throw new FrontDeskException(FrontDeskErrorCode.InvalidArgument,
                    $"The argument '{member.Name}' is given more than once; expected it once.", member.Name);
            }

            arguments._values[member.Name] = member.Value.Clone();
        }

        return arguments;
    }

    /// <summary>Reads a query string; a name given twice is refused.</summary>
    public static ToolArguments FromQuery(NameValueCollection query)
    {
        var arguments = new ToolArguments();
        foreach (var key in query.AllKeys)
        {
            var values = query.GetValues(key) ?? Array.Empty<string>();
            if (key is null)
            {
                throw new FrontDeskException(FrontDeskErrorCode.InvalidArgument,
                    $"The query holds '{string.Join("&", values)}' without a name; expected name=value pairs.");
            }

            if (values.Length != 1)
            {
                throw new FrontDeskException(FrontDeskErrorCode.InvalidArgument,
                    $"The query argument '{key}' is given {values.Length} times; expected it once (list statuses "
                    + "with commas).", key);
            }

            arguments._values[key] = values[0];
        }

        return arguments;
    }

    /// <summary>
    /// Sets an argument taken from the route's path; a body or query that gives it a different value is refused.
    /// </summary>
    public void SetFromPath(string name, string value)
    {
        if (_values.TryGetValue(name, out var given)
            && !string.Equals(Text(name, given), value, StringComparison.Ordinal))
        {
            throw new FrontDeskException(FrontDeskErrorCode.InvalidArgument,
                $"The argument '{name}' is '{Text(name, given)}' but the path says '{value}'; expected one value.",
                name);
        }

        _values[name] = value;
    }

    /// <summary>Whether the argument is given and not null.</summary>
    public bool Has(string name) =>
        _values.TryGetValue(name, out var value) && !(value is JsonElement { ValueKind: JsonValueKind.Null });

    /// <summary>Refuses any argument not in <paramref name="allowed"/>.</summary>
    public void CheckNames(string operation, IReadOnlyCollection<string> allowed)
    {
        foreach (var name in _values.Keys)
        {
            if (!allowed.Contains(name))
            {
                throw new FrontDeskException(FrontDeskErrorCode.InvalidArgument,
                    $"{operation} takes no argument '{name}'; expected "
                    + (allowed.Count == 0 ? "none." : "only " + string.Join(", ", allowed) + "."), name);
            }
        }
    }

    /// <summary>A string argument, or null when it is missing or null.</summary>
    public string? String(string name) => _values.TryGetValue(name, out var value) ? Text(name, value) : null;

    /// <summary>A string argument that must be given.</summary>
    public string RequiredString(string name) =>
        String(name) is string text && text.Trim().Length > 0
            ? text
            : throw new FrontDeskException(FrontDeskErrorCode.InvalidArgument,
                $"The argument '{name}' is missing or empty; expected a value.", name);

    /// <summary>A true or false argument (or the text true or false), or null when it is missing.</summary>
    public bool? Bool(string name)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            return null;
        }

        if (value is JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.Null:
                    return null;
            }
        }

        var text = Text(name, value);
        return text is null ? null
            : string.Equals(text.Trim(), "true", StringComparison.OrdinalIgnoreCase) ? true
            : string.Equals(text.Trim(), "false", StringComparison.OrdinalIgnoreCase) ? false
            : throw Invalid(name, text, "true or false");
    }

    /// <summary>A date argument YYYY-MM-DD, or null when it is missing.</summary>
    public DateTime? Date(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        return DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var date)
            ? DateTime.SpecifyKind(date, DateTimeKind.Unspecified)
            : throw Invalid(name, text, "a date YYYY-MM-DD");
    }

    /// <summary>A date and time argument, with or without its UTC offset; throws when it is missing.</summary>
    public ClinicTime Time(string name)
    {
        var text = RequiredString(name);
        return ClinicTime.TryParse(text, out var time)
            ? time
            : throw Invalid(name, text, "a date and time such as 2026-03-02T09:00 (the clinic's local time) or "
                + "2026-03-02T09:00:00-05:00");
    }

    /// <summary>
    /// An enum argument by its JSON spelling or its name, ignoring case, spaces, hyphens and underscores.
    /// </summary>
    public T? Enum<T>(string name)
        where T : struct
    {
        var text = String(name);
        return text is null ? null : ParseEnum<T>(name, text);
    }

    /// <summary>
    /// A list of enum values: a JSON array of strings, or one string whose values are separated by commas.
    /// </summary>
    public IReadOnlyList<T> EnumList<T>(string name)
        where T : struct
    {
        if (!_values.TryGetValue(name, out var value))
        {
            return Array.Empty<T>();
        }

        IEnumerable<string> parts;
        if (value is JsonElement { ValueKind: JsonValueKind.Array } array)
        {
            parts = array.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw Invalid(name, item.GetRawText(), "an array of strings"));
        }
        else
        {
            parts = (Text(name, value) ?? "").Split(',');
        }

        return parts.Select(p => p.Trim()).Where(p => p.Length > 0).Select(p => ParseEnum<T>(name, p)).ToList();
    }

    /// <summary>The JSON spellings of an enum's values, as tool schemas list them.</summary>
    public static IReadOnlyList<string> Spellings<T>()
        where T : struct =>
        typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? f.Name)
            .ToList();

    private static T ParseEnum<T>(string name, string text)
        where T : struct
    {
        var wanted = Squash(text);
        foreach (var field in typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var spelling = field.GetCustomAttribute<EnumMemberAttribute>()?.Value;
            if (Squash(field.Name) == wanted || (spelling is not null && Squash(spelling) == wanted))
            {
                return (T)field.GetValue(null)!;
            }
        }

        throw Invalid(name, text, "one of " + string.Join(", ", Spellings<T>()));
    }

    private static string Squash(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c != '_' && c != '-' && c != ' ')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static string? Text(string name, object value)
    {
        if (value is string text)
        {
            return text;
        }

        var element = (JsonElement)value;
        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Null => null,
            _ => throw Invalid(name, element.GetRawText(), "a string"),
        };
    }

    private static FrontDeskException Invalid(string name, string given, string expected)
    {
        var shown = given.Length > 60 ? given.Substring(0, 60) + "..." : given;
        return new FrontDeskException(FrontDeskErrorCode.InvalidArgument,
            $"The argument '{name}' is {shown}; expected {expected}.", name);
    }
}

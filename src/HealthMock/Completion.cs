using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace HealthMock.Commands;

/// <summary>
/// Builds argument completions: the values that start with what was typed (or whose other name does, such as a
/// state's full name), in the order given, quoted when PowerShell needs quotes around them.
/// </summary>
internal static class Completion
{
    private static readonly char[] NeedQuotes =
        { ' ', '\'', '"', '(', ')', ',', ';', '&', '$', '@', '{', '}', '#', '|', '<', '>', '`' };

    /// <summary>
    /// Returns a completion for each candidate whose value or one of its other names starts with
    /// <paramref name="wordToComplete"/>, ignoring case and the quotes the user typed.
    /// </summary>
    public static IEnumerable<CompletionResult> Complete(string? wordToComplete,
        IEnumerable<(string Value, string ToolTip, string[] OtherNames)> candidates)
    {
        var typed = (wordToComplete ?? "").Trim('\'', '"');
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var results = new List<CompletionResult>();
        foreach (var (value, toolTip, otherNames) in candidates)
        {
            var matches = value.StartsWith(typed, StringComparison.OrdinalIgnoreCase)
                || otherNames.Any(name => name.StartsWith(typed, StringComparison.OrdinalIgnoreCase));
            if (matches && seen.Add(value))
            {
                results.Add(new CompletionResult(Quote(value), value, CompletionResultType.ParameterValue, toolTip));
            }
        }

        return results;
    }

    /// <summary>Quotes a value with single quotes when it holds a character PowerShell would read otherwise.</summary>
    public static string Quote(string value) =>
        value.IndexOfAny(NeedQuotes) >= 0 ? "'" + value.Replace("'", "''") + "'" : value;

    /// <summary>Reads a bound string or string array parameter from the fake bound parameters of a completer.</summary>
    public static string[] Strings(object? value) => value switch
    {
        string text => new[] { text },
        object[] items => items.OfType<string>().ToArray(),
        _ => Array.Empty<string>(),
    };
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using HealthMock.Seeds;

namespace HealthMock.Commands;

/// <summary>
/// Completes specialty names from the seeds for -Specialty, matching the start of the name or slug and quoting
/// names that contain spaces.
/// </summary>
public sealed class SpecialtyCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
        string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = (wordToComplete ?? "").Trim('\'', '"');
        return SeedCatalog.Default.Specialties
            .Where(s => s.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase)
                || s.Slug.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Select(s => new CompletionResult(Quote(s.Name), s.Name, CompletionResultType.ParameterValue,
                s.IsPrimaryCare ? s.Name + " (primary care)" : s.Name))
            .ToArray();
    }

    private static string Quote(string name) =>
        name.IndexOfAny(new[] { ' ', '\'', '(', ')', ',', ';', '&', '$', '@', '{', '}' }) >= 0
            ? "'" + name.Replace("'", "''") + "'"
            : name;
}

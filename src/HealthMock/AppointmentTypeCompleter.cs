using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace HealthMock.Commands;

/// <summary>
/// Completes appointment (visit) type names, such as Follow-up, from the specialties of the active seeds; when a
/// -Specialty is already typed, only the types those specialties offer. The tooltip lists the specialties that
/// offer the type.
/// </summary>
public sealed class AppointmentTypeCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
        string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var seeds = ActiveSeeds.ForCompletion(fakeBoundParameters);
        if (seeds is null)
        {
            return Array.Empty<CompletionResult>();
        }

        var wanted = Completion.Strings(fakeBoundParameters?["Specialty"]);
        var specialties = wanted.Length == 0
            ? seeds.Specialties
            : seeds.Specialties.Where(s => wanted.Contains(s.Name, StringComparer.OrdinalIgnoreCase)
                || wanted.Contains(s.Slug, StringComparer.OrdinalIgnoreCase)).ToList();
        var types = specialties
            .SelectMany(s => s.AppointmentTypes.Select(t => (Type: t.Name, Specialty: s.Name)))
            .GroupBy(t => t.Type, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase);
        return Completion.Complete(wordToComplete, types.Select(g =>
            (g.Key, g.Key + ": " + string.Join(", ", g.Select(t => t.Specialty).Distinct()), Array.Empty<string>())));
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace HealthMock.Commands;

/// <summary>
/// Completes specialty names from the active seeds (the -SeedPath typed, else the session's seeds folder, else the
/// embedded seeds), matching the start of the name or slug and quoting names that contain spaces.
/// </summary>
public sealed class SpecialtyCompleter : IArgumentCompleter
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

        return Completion.Complete(wordToComplete, seeds.Specialties.Select(s => (s.Name,
            s.IsPrimaryCare ? s.Name + " (primary care)" : s.Name, new[] { s.Slug })));
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace HealthMock.Commands;

/// <summary>
/// Completes two-letter state codes of the cities in the active seeds, matching the start of the code or of the
/// state's name (Ore completes to OR), with the name as the tooltip.
/// </summary>
public sealed class StateCompleter : IArgumentCompleter
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

        var names = seeds.Cities.GroupBy(c => c.State, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().StateName, StringComparer.Ordinal);
        return Completion.Complete(wordToComplete,
            seeds.States.Select(code => (code, code + " (" + names[code] + ")", new[] { names[code] })));
    }
}

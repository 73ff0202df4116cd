using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace HealthMock.Commands;

/// <summary>
/// Completes payer (insurance company) names from the active seeds, quoting names with spaces; the tooltip lists
/// the plan types the payer sells.
/// </summary>
public sealed class PayerCompleter : IArgumentCompleter
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

        return Completion.Complete(wordToComplete, seeds.Payers.Select(p => (p.Name,
            p.Name + ": " + string.Join(", ", p.Plans.Select(plan => plan.PlanType).Distinct().OrderBy(t => t)),
            Array.Empty<string>())));
    }
}

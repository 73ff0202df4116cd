using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using HealthMock.Api;

namespace HealthMock.Commands;

/// <summary>Completes cancellation reasons from the front desk's fixed list, such as patient_request.</summary>
public sealed class CancellationReasonCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName,
        string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Completion.Complete(wordToComplete, CancellationReasons.All.Select(r => (r, r.Replace('_', ' '),
            new[] { r.Replace('_', ' ') })));
}

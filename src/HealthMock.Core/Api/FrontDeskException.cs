using System;

namespace HealthMock.Api;

/// <summary>
/// A request the front desk refused: a stable <see cref="Code"/>, a message that names the rule and the values at
/// fault, and the value that was refused.
/// </summary>
public sealed class FrontDeskException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="code">Why the request was refused.</param>
    /// <param name="message">What was refused and by which rule, naming the value and what was expected.</param>
    /// <param name="target">The value at fault, such as an id or a start time; null when there is none.</param>
    /// <param name="inner">The error that caused this one, if any.</param>
    public FrontDeskException(FrontDeskErrorCode code, string message, object? target = null,
        Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        Target = target;
    }

    /// <summary>Why the request was refused; the member name is the PowerShell error id.</summary>
    public FrontDeskErrorCode Code { get; }

    /// <summary>The code's stable snake_case spelling, as the HTTP service writes it.</summary>
    public string CodeText => FrontDeskErrors.Text(Code);

    /// <summary>The HTTP status that goes with the code.</summary>
    public int HttpStatus => FrontDeskErrors.HttpStatus(Code);

    /// <summary>The value at fault, such as an id or a start time; null when there is none.</summary>
    public object? Target { get; }
}

using System;

namespace HealthMock.Generation;

/// <summary>
/// Raised when a generator option cannot be met. The message names the option's value and what was expected;
/// <see cref="Option"/> says which option, so a caller can choose a stable error id.
/// </summary>
public sealed class InvalidOptionException : ArgumentException
{
    private readonly string _message;

    /// <summary>Creates the error for an option and its bad value.</summary>
    public InvalidOptionException(string option, object? value, string message)
        : base(message, option)
    {
        Option = option;
        Value = value;
        _message = message;
    }

    /// <summary>The name of the option at fault, as on the options type.</summary>
    public string Option { get; }

    /// <summary>The value that was refused.</summary>
    public object? Value { get; }

    /// <summary>The message alone, without the parameter name that <see cref="ArgumentException"/> appends.</summary>
    public override string Message => _message;
}

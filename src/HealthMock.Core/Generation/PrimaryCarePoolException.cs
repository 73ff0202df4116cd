using System;

namespace HealthMock.Generation;

/// <summary>
/// Raised when the providers offered as primary care providers cannot serve the patients asked for. The message
/// names the value at fault and what was expected; <see cref="ErrorId"/> is a stable PascalCase id.
/// </summary>
public sealed class PrimaryCarePoolException : ArgumentException
{
    /// <summary>The error id when no provider offered is a primary care provider.</summary>
    public const string NoPrimaryCareProvider = nameof(NoPrimaryCareProvider);

    /// <summary>The error id when an offered provider's specialty is not in the seeds.</summary>
    public const string UnknownSpecialty = nameof(UnknownSpecialty);

    /// <summary>The error id when no primary care provider offered sees some age that patients may have.</summary>
    public const string NoSuitableProvider = nameof(NoSuitableProvider);

    private readonly string _message;

    /// <summary>Creates the error with its id, the value at fault and the message.</summary>
    public PrimaryCarePoolException(string errorId, object? value, string message)
        : base(message, "Providers")
    {
        ErrorId = errorId;
        Value = value;
        _message = message;
    }

    /// <summary>
    /// One of <see cref="NoPrimaryCareProvider"/>, <see cref="UnknownSpecialty"/> and
    /// <see cref="NoSuitableProvider"/>.
    /// </summary>
    public string ErrorId { get; }

    /// <summary>The value at fault: the providers, a specialty name, or the age no provider sees.</summary>
    public object? Value { get; }

    /// <summary>The message alone, without the parameter name that <see cref="ArgumentException"/> appends.</summary>
    public override string Message => _message;
}

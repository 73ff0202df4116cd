using System;

namespace HealthMock.Generation;

/// <summary>
/// Raised when one input record (a patient, a family) cannot get what was asked for, while the run can go on with
/// the next record. <see cref="ErrorId"/> is a stable PascalCase id and <see cref="Target"/> the record at fault.
/// </summary>
public sealed class RecordException : Exception
{
    /// <summary>Creates the error for one record.</summary>
    public RecordException(string errorId, object? target, string message)
        : base(message)
    {
        ErrorId = errorId;
        Target = target;
    }

    /// <summary>A stable PascalCase id for the kind of failure, such as NoSuitableProvider.</summary>
    public string ErrorId { get; }

    /// <summary>The record the error is about.</summary>
    public object? Target { get; }
}

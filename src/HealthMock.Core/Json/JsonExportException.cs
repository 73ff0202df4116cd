using System;

namespace HealthMock.Json;

/// <summary>
/// Reports a value that cannot be written as JSON, naming the value, where it was found and what was expected.
/// </summary>
public sealed class JsonExportException : Exception
{
    /// <summary>
    /// Initializes a new instance of the <see cref="JsonExportException"/> class.
    /// </summary>
    /// <param name="kind">What went wrong.</param>
    /// <param name="message">A message that names the value and what was expected.</param>
    /// <param name="value">The offending value, or <see langword="null"/> when there is none to show.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public JsonExportException(JsonExportErrorKind kind, string message, object? value, Exception? innerException)
        : base(message, innerException)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>
    /// Gets what went wrong; its name is a stable error id.
    /// </summary>
    public JsonExportErrorKind Kind { get; }

    /// <summary>
    /// Gets the offending value: the object of an unsupported type, the object that contains itself,
    /// the duplicate key or the record without a key.
    /// </summary>
    public object? Value { get; }
}

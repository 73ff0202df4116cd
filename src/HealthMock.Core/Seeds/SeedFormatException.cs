using System;

namespace HealthMock.Seeds;

/// <summary>
/// Raised when a seeds file cannot be used: it is missing, is not valid JSON, or a field has the wrong shape.
/// The message names the file and the field so the user can fix their own seeds folder.
/// </summary>
public sealed class SeedFormatException : Exception
{
    /// <summary>Creates the error for a file and, where known, the field at fault.</summary>
    public SeedFormatException(string file, string? field, string message, Exception? inner = null)
        : base(field is null ? $"Seeds file '{file}': {message}" : $"Seeds file '{file}', field '{field}': {message}",
            inner)
    {
        File = file;
        Field = field;
    }

    /// <summary>The seeds file at fault.</summary>
    public string File { get; }

    /// <summary>The JSON path of the field at fault, when the file parsed.</summary>
    public string? Field { get; }
}

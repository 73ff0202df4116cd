using System;

namespace HealthMock;

/// <summary>
/// Reports a dataset folder that cannot be written or read, naming the folder or file and, where known, the line,
/// the record and the field at fault.
/// </summary>
public sealed class DatasetFileException : Exception
{
    /// <summary>Creates the error.</summary>
    public DatasetFileException(DatasetFileErrorKind kind, string path, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        Path = path;
    }

    /// <summary>What went wrong; its name is a stable error id.</summary>
    public DatasetFileErrorKind Kind { get; }

    /// <summary>The full path of the folder or file at fault.</summary>
    public string Path { get; }

    /// <summary>The line of a malformed file (counting from 1), when known.</summary>
    public long? LineNumber { get; set; }

    /// <summary>The id of the record at fault, when known.</summary>
    public string? RecordId { get; set; }

    /// <summary>The JSON name of the field at fault, when known.</summary>
    public string? Field { get; set; }
}

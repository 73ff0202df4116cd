namespace HealthMock;

/// <summary>What went wrong with a dataset folder; the names double as PowerShell error ids.</summary>
public enum DatasetFileErrorKind
{
    /// <summary>The folder already holds dataset files and overwriting was not allowed.</summary>
    DatasetExists,

    /// <summary>The folder, or the parent of a folder to create, does not exist.</summary>
    DirectoryNotFound,

    /// <summary>A dataset file is missing from the folder.</summary>
    DatasetFileMissing,

    /// <summary>A dataset file is not valid JSON, or its top level is not an object keyed by id.</summary>
    DatasetFileMalformed,

    /// <summary>A field of one record is missing or has the wrong type or format.</summary>
    DatasetFieldInvalid,
}

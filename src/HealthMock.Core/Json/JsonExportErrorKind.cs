namespace HealthMock.Json;

/// <summary>
/// Names what went wrong when a value could not be exported; the names double as PowerShell error ids.
/// </summary>
public enum JsonExportErrorKind
{
    /// <summary>
    /// A value is not data (a delegate, a stream, a pointer and the like), is a number JSON cannot hold,
    /// or could not be read.
    /// </summary>
    UnsupportedValue,

    /// <summary>
    /// An object contains itself, directly or at some depth.
    /// </summary>
    ReferenceCycle,

    /// <summary>
    /// A record has no value for the key property of a keyed layout.
    /// </summary>
    MissingKey,

    /// <summary>
    /// Two records have the same value for the key property of a keyed layout.
    /// </summary>
    DuplicateKey,

    /// <summary>
    /// A record's key property holds a value that cannot be a JSON property name, such as an object or an array.
    /// </summary>
    InvalidKey,
}

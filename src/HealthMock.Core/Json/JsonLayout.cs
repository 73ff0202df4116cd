namespace HealthMock.Json;

/// <summary>
/// Chooses how a stream of records is laid out in one JSON document.
/// </summary>
public enum JsonLayout
{
    /// <summary>
    /// A JSON array with one element per record.
    /// </summary>
    Array,

    /// <summary>
    /// JSON Lines: one compact JSON value per line, each line ending with a line feed.
    /// </summary>
    Lines,

    /// <summary>
    /// A JSON object whose property names are the values of each record's key property
    /// (<see cref="JsonExportOptions.KeyProperty"/>) and whose values are the records.
    /// </summary>
    Keyed,
}

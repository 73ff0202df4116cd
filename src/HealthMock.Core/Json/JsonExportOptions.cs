using System.Threading;

namespace HealthMock.Json;

/// <summary>
/// Settings shared by <see cref="JsonValueWriter"/>, <see cref="JsonRecordWriter"/> and
/// <see cref="JsonFileWriter"/>.
/// </summary>
public sealed class JsonExportOptions
{
    /// <summary>
    /// Gets or sets how property names and dictionary keys are converted. The default is
    /// <see cref="Json.NamingPolicy.SnakeCase"/>.
    /// </summary>
    public NamingPolicy NamingPolicy { get; set; } = NamingPolicy.SnakeCase;

    /// <summary>
    /// Gets or sets a value indicating whether output is indented with two spaces and line feeds.
    /// The default is <see langword="true"/>; <see cref="JsonLayout.Lines"/> is always compact.
    /// </summary>
    public bool Indented { get; set; } = true;

    /// <summary>
    /// Gets or sets how records are laid out. The default is <see cref="JsonLayout.Array"/>.
    /// </summary>
    public JsonLayout Layout { get; set; } = JsonLayout.Array;

    /// <summary>
    /// Gets or sets the property whose value keys each record in the <see cref="JsonLayout.Keyed"/> layout.
    /// It matches a .NET property name or dictionary key ignoring case, or its converted JSON name.
    /// </summary>
    public string? KeyProperty { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the <see cref="JsonLayout.Keyed"/> layout refuses a key it has
    /// written before (the default). Checking remembers every key; a writer whose keys are unique by construction,
    /// such as a generated dataset's, turns it off to keep memory flat over millions of records.
    /// </summary>
    public bool CheckDuplicateKeys { get; set; } = true;

    /// <summary>
    /// Gets or sets the host's description of its wrapper objects, or <see langword="null"/> for plain .NET objects.
    /// </summary>
    public IJsonObjectInspector? Inspector { get; set; }

    /// <summary>
    /// Gets or sets a token that stops writing between objects when cancelled.
    /// </summary>
    public CancellationToken CancellationToken { get; set; }
}

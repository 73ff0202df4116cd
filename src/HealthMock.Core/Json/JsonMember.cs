namespace HealthMock.Json;

/// <summary>
/// One property of an object being written: its source name and its value.
/// </summary>
internal readonly struct JsonMember
{
    /// <summary>
    /// Initializes a new instance of the <see cref="JsonMember"/> struct.
    /// </summary>
    /// <param name="name">The .NET property name, dictionary key or attribute-given JSON name.</param>
    /// <param name="isVerbatim">Whether the name is written without applying the naming policy.</param>
    /// <param name="value">The property value.</param>
    public JsonMember(string name, bool isVerbatim, object? value)
    {
        Name = name;
        IsVerbatim = isVerbatim;
        Value = value;
    }

    /// <summary>
    /// Gets the source name.
    /// </summary>
    public string Name { get; }

    /// <summary>
    /// Gets a value indicating whether the name is written without applying the naming policy.
    /// </summary>
    public bool IsVerbatim { get; }

    /// <summary>
    /// Gets the property value.
    /// </summary>
    public object? Value { get; }
}

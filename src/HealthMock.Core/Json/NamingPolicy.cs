namespace HealthMock.Json;

/// <summary>
/// Chooses how .NET property names and dictionary keys become JSON names.
/// </summary>
public enum NamingPolicy
{
    /// <summary>
    /// Lower-case words joined by underscores: <c>DateOfBirth</c> becomes <c>date_of_birth</c>.
    /// </summary>
    SnakeCase,

    /// <summary>
    /// The first word in lower case and the others capitalized: <c>DateOfBirth</c> becomes <c>dateOfBirth</c>.
    /// </summary>
    CamelCase,

    /// <summary>
    /// The names exactly as they are.
    /// </summary>
    AsIs,
}

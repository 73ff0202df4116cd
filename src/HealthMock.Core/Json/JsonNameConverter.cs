using System;
using System.Collections.Concurrent;
using System.Text;

namespace HealthMock.Json;

/// <summary>
/// Converts PascalCase .NET names to JSON names under one <see cref="Json.NamingPolicy"/> and remembers the results.
/// </summary>
public sealed class JsonNameConverter
{
    // Dictionary keys are data and can be unbounded, so the cache stops growing at this size.
    private const int MaxCachedNames = 4096;

    private static readonly JsonNameConverter SnakeCaseConverter = new(NamingPolicy.SnakeCase);

    private static readonly JsonNameConverter CamelCaseConverter = new(NamingPolicy.CamelCase);

    private static readonly JsonNameConverter AsIsConverter = new(NamingPolicy.AsIs);

    private readonly ConcurrentDictionary<string, string> cache = new(StringComparer.Ordinal);

    private JsonNameConverter(NamingPolicy policy)
    {
        Policy = policy;
    }

    /// <summary>
    /// Gets the naming policy this converter applies.
    /// </summary>
    public NamingPolicy Policy { get; }

    /// <summary>
    /// Returns the shared converter for a naming policy.
    /// </summary>
    /// <param name="policy">The naming policy.</param>
    /// <returns>A converter that is safe to use from several threads.</returns>
    public static JsonNameConverter For(NamingPolicy policy) => policy switch
    {
        NamingPolicy.SnakeCase => SnakeCaseConverter,
        NamingPolicy.CamelCase => CamelCaseConverter,
        NamingPolicy.AsIs => AsIsConverter,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Expected SnakeCase, CamelCase or AsIs."),
    };

    /// <summary>
    /// Converts lower-case words joined by underscores: <c>AddressLine1</c> becomes <c>address_line1</c>,
    /// <c>HTTPServer</c> becomes <c>http_server</c>; names already in snake_case are unchanged.
    /// </summary>
    /// <param name="name">A PascalCase or camelCase name; other characters, such as hyphens, are kept.</param>
    /// <returns>The snake_case name.</returns>
    public static string ToSnakeCase(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsUpper(c))
            {
                builder.Append(c);
                continue;
            }

            if (i > 0 && StartsWord(name, i))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>
    /// Converts to camelCase by lower-casing the leading capitals: <c>DateOfBirth</c> becomes <c>dateOfBirth</c>,
    /// <c>NPI</c> becomes <c>npi</c> and <c>HTTPServer</c> becomes <c>httpServer</c>.
    /// </summary>
    /// <param name="name">A PascalCase name.</param>
    /// <returns>The camelCase name.</returns>
    public static string ToCamelCase(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        var capitals = 0;
        while (capitals < name.Length && char.IsUpper(name[capitals]))
        {
            capitals++;
        }

        if (capitals == 0)
        {
            return name;
        }

        // In "HTTPServer" the last capital of the run starts the next word, so it stays upper case.
        var lowered = capitals > 1 && capitals < name.Length && char.IsLower(name[capitals]) ? capitals - 1 : capitals;
        var chars = name.ToCharArray();
        for (var i = 0; i < lowered; i++)
        {
            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    /// <summary>
    /// Converts a name under this converter's policy.
    /// </summary>
    /// <param name="name">A .NET property name or dictionary key.</param>
    /// <returns>The JSON name.</returns>
    public string Convert(string name)
    {
        if (Policy == NamingPolicy.AsIs)
        {
            return name;
        }

        if (cache.TryGetValue(name, out var converted))
        {
            return converted;
        }

        converted = Policy == NamingPolicy.SnakeCase ? ToSnakeCase(name) : ToCamelCase(name);
        if (cache.Count < MaxCachedNames)
        {
            cache.TryAdd(name, converted);
        }

        return converted;
    }

    private static bool StartsWord(string name, int index)
    {
        var previous = name[index - 1];
        if (char.IsLower(previous) || char.IsDigit(previous))
        {
            return true;
        }

        return char.IsUpper(previous) && index + 1 < name.Length && char.IsLower(name[index + 1]);
    }
}

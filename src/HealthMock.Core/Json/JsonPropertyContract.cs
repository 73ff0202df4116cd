using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json.Serialization;

namespace HealthMock.Json;

/// <summary>
/// Describes one public instance property of a type: its JSON name and a fast compiled getter.
/// </summary>
internal sealed class JsonPropertyContract
{
    private const string HiddenAttributeName = "System.Management.Automation.HiddenAttribute";

    private const string ByRefLikeAttributeName = "System.Runtime.CompilerServices.IsByRefLikeAttribute";

    private readonly JsonIgnoreCondition ignore;

    private readonly object? defaultValue;

    private JsonPropertyContract(PropertyInfo property, string? jsonName, JsonIgnoreCondition ignore)
    {
        Property = property;
        Name = jsonName ?? property.Name;
        IsVerbatim = jsonName is not null;
        this.ignore = ignore;
        PropertyType = property.PropertyType;
        NotDataReason = property.PropertyType.IsPointer ? "a pointer"
            : IsByRefLike(property.PropertyType) ? "a by-reference structure" : null;
        Getter = NotDataReason is null ? CreateGetter(property) : _ => null;
        if (ignore == JsonIgnoreCondition.WhenWritingDefault && PropertyType.IsValueType)
        {
            defaultValue = Activator.CreateInstance(PropertyType);
        }
    }

    /// <summary>
    /// Gets the reflected property.
    /// </summary>
    public PropertyInfo Property { get; }

    /// <summary>
    /// Gets a value indicating whether a <see cref="JsonIgnoreAttribute"/> leaves the property out for some values.
    /// </summary>
    public bool IsConditional => ignore != JsonIgnoreCondition.Never;

    /// <summary>
    /// Gets the property name, or the name given by <see cref="JsonPropertyNameAttribute"/>.
    /// </summary>
    public string Name { get; }

    /// <summary>
    /// Gets a value indicating whether <see cref="Name"/> came from <see cref="JsonPropertyNameAttribute"/>
    /// and is therefore written without applying the naming policy.
    /// </summary>
    public bool IsVerbatim { get; }

    /// <summary>
    /// Gets the declared type of the property.
    /// </summary>
    public Type PropertyType { get; }

    /// <summary>
    /// Gets what the property's type is instead of data when its values cannot even be read as objects.
    /// </summary>
    public string? NotDataReason { get; }

    /// <summary>
    /// Gets a delegate that reads the property from an instance of its type.
    /// </summary>
    public Func<object, object?> Getter { get; }

    /// <summary>
    /// Lists the readable public instance properties of a type that are not indexers, base type first,
    /// each in declaration order; a property hidden or overridden in a derived type keeps the base position.
    /// </summary>
    /// <param name="type">The type.</param>
    /// <returns>The properties to write.</returns>
    public static IReadOnlyList<JsonPropertyContract> ListFor(Type type)
    {
        var chain = new List<Type>();
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            chain.Add(current);
        }

        chain.Reverse();
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        var slots = new List<JsonPropertyContract?>();
        foreach (var declaring in chain)
        {
            var declared = declaring
                .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.GetIndexParameters().Length == 0 && p.GetGetMethod(nonPublic: false) is not null)
                .OrderBy(p => p.MetadataToken);
            foreach (var property in declared)
            {
                var contract = Describe(property);
                if (byName.TryGetValue(property.Name, out var slot))
                {
                    slots[slot] = contract;
                }
                else
                {
                    byName.Add(property.Name, slots.Count);
                    slots.Add(contract);
                }
            }
        }

        return slots.Where(s => s is not null).Select(s => s!).ToArray();
    }

    /// <summary>
    /// Compiles a getter for a property, falling back to reflection where compilation is not possible.
    /// </summary>
    /// <param name="property">A readable instance property.</param>
    /// <returns>A delegate taking the instance as an object and returning the boxed value.</returns>
    public static Func<object, object?> CreateGetter(PropertyInfo property)
    {
        try
        {
            var instance = Expression.Parameter(typeof(object), "instance");
            var owner = Expression.Convert(instance, property.DeclaringType!);
            var body = Expression.Convert(Expression.Property(owner, property), typeof(object));
            return Expression.Lambda<Func<object, object?>>(body, instance).Compile();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return property.GetValue;
        }
    }

    /// <summary>
    /// Says whether a value read from the property is left out by its <see cref="JsonIgnoreAttribute"/>.
    /// </summary>
    /// <param name="value">The value read.</param>
    /// <returns><see langword="true"/> when the property is not written for this value.</returns>
    public bool Skips(object? value) => ignore switch
    {
        JsonIgnoreCondition.WhenWritingNull => value is null,
        JsonIgnoreCondition.WhenWritingDefault => value is null || value.Equals(defaultValue),
        _ => false,
    };

    private static JsonPropertyContract? Describe(PropertyInfo property)
    {
        if (property.GetCustomAttributes(inherit: true).Any(a => a.GetType().FullName == HiddenAttributeName))
        {
            return null;
        }

        var ignore = property.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition ?? JsonIgnoreCondition.Never;
        if (ignore == JsonIgnoreCondition.Always)
        {
            return null;
        }

        var jsonName = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
        return new JsonPropertyContract(property, jsonName, ignore);
    }

    private static bool IsByRefLike(Type type) =>
        type.IsValueType
        && type.GetCustomAttributes(inherit: false).Any(a => a.GetType().FullName == ByRefLikeAttributeName);
}

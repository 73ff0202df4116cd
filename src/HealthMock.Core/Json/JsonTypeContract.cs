using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace HealthMock.Json;

/// <summary>
/// Describes, once per .NET type, how its values are written as JSON.
/// </summary>
internal sealed class JsonTypeContract
{
    private static readonly ConcurrentDictionary<Type, JsonTypeContract> Contracts = new();

    private readonly Type type;

    private IReadOnlyList<JsonPropertyContract>? properties;

    private JsonTypeContract(Type type, ValueShape shape, string? format = null, string? notDataReason = null)
    {
        this.type = type;
        Shape = shape;
        Format = format;
        NotDataReason = notDataReason;
    }

    /// <summary>
    /// Gets how values of the type are written.
    /// </summary>
    public ValueShape Shape { get; }

    /// <summary>
    /// Gets the invariant format string of a <see cref="ValueShape.Text"/> type written through
    /// <see cref="IFormattable"/>, such as <c>yyyy-MM-dd</c> for DateOnly.
    /// </summary>
    public string? Format { get; }

    /// <summary>
    /// Gets what a <see cref="ValueShape.NotData"/> type is instead of data, such as <c>a delegate</c>.
    /// </summary>
    public string? NotDataReason { get; }

    /// <summary>
    /// Gets the reader of an entry's key for a <see cref="ValueShape.GenericDictionary"/> type.
    /// </summary>
    public Func<object, object?>? EntryKey { get; private set; }

    /// <summary>
    /// Gets the reader of an entry's value for a <see cref="ValueShape.GenericDictionary"/> type.
    /// </summary>
    public Func<object, object?>? EntryValue { get; private set; }

    /// <summary>
    /// Gets the public instance properties of an <see cref="ValueShape.Object"/> type, in declaration order.
    /// </summary>
    public IReadOnlyList<JsonPropertyContract> Properties => properties ??= JsonPropertyContract.ListFor(type);

    /// <summary>
    /// Returns the cached contract of a type.
    /// </summary>
    /// <param name="type">The runtime type of a value.</param>
    /// <returns>The contract.</returns>
    public static JsonTypeContract For(Type type) => Contracts.GetOrAdd(type, Create);

    /// <summary>
    /// Says what a type that holds no data is, or returns <see langword="null"/> for a type that may hold data.
    /// </summary>
    /// <param name="type">The type.</param>
    /// <returns>A phrase such as <c>a delegate</c>, or <see langword="null"/>.</returns>
    public static string? NotDataReasonFor(Type type)
    {
        if (typeof(Delegate).IsAssignableFrom(type))
        {
            return "a delegate";
        }

        if (typeof(MemberInfo).IsAssignableFrom(type) || typeof(Assembly).IsAssignableFrom(type)
            || typeof(Module).IsAssignableFrom(type))
        {
            return "reflection metadata";
        }

        if (typeof(Stream).IsAssignableFrom(type) || typeof(TextReader).IsAssignableFrom(type)
            || typeof(TextWriter).IsAssignableFrom(type))
        {
            return "a stream";
        }

        if (type.IsPointer || type == typeof(IntPtr) || type == typeof(UIntPtr) || type == typeof(Pointer))
        {
            return "a pointer";
        }

        if (typeof(Task).IsAssignableFrom(type) || typeof(WaitHandle).IsAssignableFrom(type)
            || typeof(Thread).IsAssignableFrom(type))
        {
            return "a threading object";
        }

        if (typeof(SafeHandle).IsAssignableFrom(type))
        {
            return "an operating system handle";
        }

        // Named rather than referenced, because this library does not reference PowerShell.
        return type.FullName == "System.Management.Automation.ScriptBlock" ? "a script block" : null;
    }

    private static JsonTypeContract Create(Type type)
    {
        if (type.IsEnum)
        {
            return new JsonTypeContract(type, ValueShape.Text);
        }

        var primitive = PrimitiveShape(Type.GetTypeCode(type));
        if (primitive is { } shape)
        {
            return new JsonTypeContract(type, shape);
        }

        if (type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid)
            || type == typeof(Version) || typeof(Uri).IsAssignableFrom(type))
        {
            return new JsonTypeContract(type, ValueShape.Text);
        }

        // Types of newer frameworks, met at run time inside PowerShell 7.
        switch (type.FullName)
        {
            case "System.DateOnly":
                return new JsonTypeContract(type, ValueShape.Text, "yyyy-MM-dd");
            case "System.TimeOnly":
                return new JsonTypeContract(type, ValueShape.Text, "HH:mm:ss.FFFFFFF");
            case "System.Half" or "System.Int128" or "System.UInt128":
                return new JsonTypeContract(type, ValueShape.WideNumber);
        }

        if (type == typeof(BigInteger))
        {
            return new JsonTypeContract(type, ValueShape.WideNumber);
        }

        if (type == typeof(JsonElement))
        {
            return new JsonTypeContract(type, ValueShape.JsonElement);
        }

        if (typeof(JsonNode).IsAssignableFrom(type))
        {
            return new JsonTypeContract(type, ValueShape.JsonNode);
        }

        var reason = NotDataReasonFor(type);
        if (reason is not null)
        {
            return new JsonTypeContract(type, ValueShape.NotData, notDataReason: reason);
        }

        if (typeof(IDictionary).IsAssignableFrom(type))
        {
            return new JsonTypeContract(type, ValueShape.Dictionary);
        }

        if (FindEntryType(type) is { } entryType)
        {
            return new JsonTypeContract(type, ValueShape.GenericDictionary)
            {
                EntryKey = JsonPropertyContract.CreateGetter(entryType.GetProperty("Key")!),
                EntryValue = JsonPropertyContract.CreateGetter(entryType.GetProperty("Value")!),
            };
        }

        var shapeOfRest = typeof(IEnumerable).IsAssignableFrom(type) ? ValueShape.Collection : ValueShape.Object;
        return new JsonTypeContract(type, shapeOfRest);
    }

    private static ValueShape? PrimitiveShape(TypeCode code) => code switch
    {
        TypeCode.DBNull => ValueShape.Null,
        TypeCode.Boolean => ValueShape.Boolean,
        TypeCode.Char or TypeCode.String or TypeCode.DateTime => ValueShape.Text,
        TypeCode.SByte or TypeCode.Byte or TypeCode.Int16 or TypeCode.UInt16 => ValueShape.Integer,
        TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 => ValueShape.Integer,
        TypeCode.UInt64 => ValueShape.UnsignedInteger,
        TypeCode.Single => ValueShape.Single,
        TypeCode.Double => ValueShape.Double,
        TypeCode.Decimal => ValueShape.Decimal,
        _ => null,
    };

    private static Type? FindEntryType(Type type)
    {
        if (!typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        foreach (var candidate in type.GetInterfaces())
        {
            if (!candidate.IsGenericType)
            {
                continue;
            }

            var definition = candidate.GetGenericTypeDefinition();
            if (definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
            {
                return typeof(KeyValuePair<,>).MakeGenericType(candidate.GetGenericArguments());
            }
        }

        return null;
    }
}

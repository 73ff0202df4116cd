using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HealthMock.Json;

/// <summary>
/// A compiled writer for objects of one type under one naming policy: property names are encoded once and values
/// are read with their declared types, so an object is written without boxing, name conversion or a type lookup
/// per value. The bytes are those of the general <see cref="JsonValueWriter"/> path.
/// </summary>
/// <remarks>
/// A type has a plan when it is a class written as an object of its public properties and none of them has a
/// <c>JsonIgnore</c> condition or holds no data. Scalars, strings, nested sealed classes that have a plan, and
/// arrays or lists of strings or of such classes are written by the plan; a property of any other type (object,
/// an interface, a dictionary, a type that refers back to itself) is handed to the general path. A plan does not
/// report errors itself: when it throws, the caller discards the record and writes it again through the general
/// path, which names the value at fault.
/// </remarks>
internal sealed class JsonObjectPlan
{
    private static readonly ConcurrentDictionary<(Type Type, NamingPolicy Policy), JsonObjectPlan?> Plans = new();

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private JsonObjectPlan(Type type, IReadOnlyList<JsonPropertyContract> properties, string[] names)
    {
        Type = type;
        Properties = properties;
        Names = names;
        Write = (_, _, _) => throw new InvalidOperationException("The plan is still being built.");
    }

    /// <summary>
    /// Gets the type the plan writes.
    /// </summary>
    public Type Type { get; }

    /// <summary>
    /// Gets the properties written, in order.
    /// </summary>
    public IReadOnlyList<JsonPropertyContract> Properties { get; }

    /// <summary>
    /// Gets the JSON name of each property, in the order of <see cref="Properties"/>.
    /// </summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>
    /// Gets the delegate that writes a whole object of <see cref="Type"/>, from its start to its end.
    /// </summary>
    public Action<Utf8JsonWriter, object, JsonValueWriter> Write { get; private set; }

    /// <summary>
    /// Returns the plan for a type, or <see langword="null"/> when its objects must take the general path.
    /// </summary>
    /// <param name="type">The runtime type of a record.</param>
    /// <param name="policy">The naming policy.</param>
    /// <returns>The cached plan, or <see langword="null"/>.</returns>
    public static JsonObjectPlan? For(Type type, NamingPolicy policy) =>
        Plans.TryGetValue((type, policy), out var plan) ? plan : Build(type, policy, new HashSet<Type>());

    /// <summary>
    /// Returns the index of the property that keys a record: the first whose .NET name matches ignoring case or
    /// whose JSON name matches exactly, as the general path finds it; -1 when there is none.
    /// </summary>
    /// <param name="keyProperty">The key property as the user gave it.</param>
    /// <returns>The index into <see cref="Properties"/>, or -1.</returns>
    public int IndexOfKey(string keyProperty)
    {
        for (var i = 0; i < Properties.Count; i++)
        {
            if (string.Equals(Properties[i].Name, keyProperty, StringComparison.OrdinalIgnoreCase)
                || string.Equals(Names[i], keyProperty, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static JsonObjectPlan? Build(Type type, NamingPolicy policy, HashSet<Type> building)
    {
        var contract = JsonTypeContract.For(type);
        if (type.IsValueType || type.IsAbstract || contract.Shape != ValueShape.Object)
        {
            return Plans.GetOrAdd((type, policy), (JsonObjectPlan?)null);
        }

        var properties = contract.Properties;
        foreach (var property in properties)
        {
            if (property.IsConditional || property.NotDataReason is not null)
            {
                return Plans.GetOrAdd((type, policy), (JsonObjectPlan?)null);
            }
        }

        var converter = JsonNameConverter.For(policy);
        var names = new string[properties.Count];
        var encoded = new JsonEncodedText[properties.Count];
        for (var i = 0; i < properties.Count; i++)
        {
            names[i] = properties[i].IsVerbatim ? properties[i].Name : converter.Convert(properties[i].Name);
            encoded[i] = JsonEncodedText.Encode(names[i], Encoder);
        }

        var plan = new JsonObjectPlan(type, properties, names);
        building.Add(type);
        var writer = Expression.Parameter(typeof(Utf8JsonWriter), "writer");
        var value = Expression.Parameter(typeof(object), "value");
        var self = Expression.Parameter(typeof(JsonValueWriter), "self");
        var typed = Expression.Variable(type, "typed");
        var body = new List<Expression>
        {
            Expression.Assign(typed, Expression.Convert(value, type)),
            Expression.Call(writer, Method(nameof(Utf8JsonWriter.WriteStartObject))),
        };
        for (var i = 0; i < properties.Count; i++)
        {
            var name = Expression.ArrayIndex(Expression.Constant(encoded), Expression.Constant(i));
            var read = Expression.Property(typed, properties[i].Property);
            body.Add(WriteProperty(writer, self, name, read, policy, building));
        }

        body.Add(Expression.Call(writer, Method(nameof(Utf8JsonWriter.WriteEndObject))));
        building.Remove(type);
        plan.Write = Expression.Lambda<Action<Utf8JsonWriter, object, JsonValueWriter>>(
            Expression.Block(new[] { typed }, body), writer, value, self).Compile();
        return Plans.GetOrAdd((type, policy), plan);
    }

    private static Expression WriteProperty(
        ParameterExpression writer,
        ParameterExpression self,
        Expression name,
        Expression value,
        NamingPolicy policy,
        HashSet<Type> building)
    {
        var type = value.Type;
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            var temporary = Expression.Variable(type, "nullable");
            var writeNull = Expression.Call(writer, Method(nameof(Utf8JsonWriter.WriteNull), typeof(JsonEncodedText)),
                name);
            var scalar = WriteScalar(writer, name, Expression.Property(temporary, "Value"), underlying);
            if (scalar is not null)
            {
                return Expression.Block(
                    new[] { temporary },
                    Expression.Assign(temporary, value),
                    Expression.IfThenElse(
                        Expression.Property(temporary, "HasValue"),
                        scalar,
                        writeNull));
            }
        }

        var direct = WriteScalar(writer, name, value, type);
        if (direct is not null)
        {
            return direct;
        }

        var boxed = Expression.Convert(value, typeof(object));
        if (ElementType(type) is { } element)
        {
            if (element == typeof(string))
            {
                return Expression.Call(Helper(nameof(JsonPlanWriters.WriteStrings)), writer, name, boxed,
                    Expression.Constant(type), self);
            }

            if (NestedPlan(element, policy, building) is { } elementPlan)
            {
                return Expression.Call(Helper(nameof(JsonPlanWriters.WriteObjects)), writer, name, boxed,
                    Expression.Constant(type), Expression.Constant(elementPlan), self);
            }
        }
        else if (NestedPlan(type, policy, building) is { } nested)
        {
            return Expression.Call(Helper(nameof(JsonPlanWriters.WriteObject)), writer, name, boxed,
                Expression.Constant(nested), self);
        }

        return Expression.Call(self, typeof(JsonValueWriter).GetMethod(
            nameof(JsonValueWriter.WriteGeneralProperty), BindingFlags.Instance | BindingFlags.NonPublic)!,
            writer, name, boxed);
    }

    private static Expression? WriteScalar(ParameterExpression writer, Expression name, Expression value, Type type)
    {
        if (type == typeof(string) || type == typeof(bool) || type == typeof(int) || type == typeof(long)
            || type == typeof(uint) || type == typeof(ulong) || type == typeof(decimal))
        {
            var method = type == typeof(string) ? nameof(Utf8JsonWriter.WriteString)
                : type == typeof(bool) ? nameof(Utf8JsonWriter.WriteBoolean)
                : nameof(Utf8JsonWriter.WriteNumber);
            return Expression.Call(writer, Method(method, typeof(JsonEncodedText), type), name, value);
        }

        if (type == typeof(short) || type == typeof(ushort) || type == typeof(byte) || type == typeof(sbyte))
        {
            return Expression.Call(writer, Method(nameof(Utf8JsonWriter.WriteNumber), typeof(JsonEncodedText),
                typeof(long)), name, Expression.Convert(value, typeof(long)));
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(DateTime))
        {
            var helper = type == typeof(double) ? nameof(JsonPlanWriters.WriteDouble)
                : type == typeof(float) ? nameof(JsonPlanWriters.WriteSingle)
                : nameof(JsonPlanWriters.WriteDateTime);
            return Expression.Call(Helper(helper), writer, name, value);
        }

        if (type.IsEnum && Enum.GetUnderlyingType(type) != typeof(ulong))
        {
            return Expression.Call(Helper(nameof(JsonPlanWriters.WriteEnum)), writer, name,
                Expression.Convert(value, typeof(long)), Expression.Constant(JsonEnumNames.For(type, Encoder)));
        }

        if (type.IsEnum || type == typeof(char) || type == typeof(TimeSpan) || type == typeof(DateTimeOffset)
            || type == typeof(Guid))
        {
            return Expression.Call(Helper(nameof(JsonPlanWriters.WriteText)), writer, name,
                Expression.Convert(value, typeof(object)), Expression.Constant(JsonTypeContract.For(type)));
        }

        return null;
    }

    /// <summary>
    /// The element type of a one-dimensional array or a <see cref="List{T}"/>, the collections a plan walks itself.
    /// </summary>
    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetArrayRank() == 1 ? type.GetElementType() : null;
        }

        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    /// <summary>
    /// The plan of a nested value's declared type, when every value of that type is known to be of exactly that
    /// type (it is sealed) and the type does not contain itself.
    /// </summary>
    private static JsonObjectPlan? NestedPlan(Type type, NamingPolicy policy, HashSet<Type> building)
    {
        if (!type.IsClass || !type.IsSealed || building.Contains(type))
        {
            return null;
        }

        return Plans.TryGetValue((type, policy), out var plan) ? plan : Build(type, policy, building);
    }

    private static MethodInfo Method(string name, params Type[] parameters) =>
        typeof(Utf8JsonWriter).GetMethod(name, parameters)
        ?? throw new MissingMethodException(nameof(Utf8JsonWriter), name);

    private static MethodInfo Helper(string name) =>
        typeof(JsonPlanWriters).GetMethod(name, BindingFlags.Static | BindingFlags.Public)
        ?? throw new MissingMethodException(nameof(JsonPlanWriters), name);
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;

namespace HealthMock.Json;

/// <summary>
/// Writes any .NET value to a <see cref="Utf8JsonWriter"/>: scalars as JSON values, dictionaries and objects as
/// JSON objects, other collections as arrays; with the invariant culture and the configured naming policy.
/// </summary>
/// <remarks>
/// An instance keeps scratch state while it writes, so use one instance from one thread at a time.
/// Type descriptions and compiled property getters are cached for all instances.
/// </remarks>
public sealed class JsonValueWriter
{
    private const int PathSegmentsShown = 16;

    // Set to true to indent records after writing them compactly, the way taken where the writer cannot indent with
    // line feeds itself; both ways give the same bytes.
    private const string IndentAfterWritingSwitch = "HealthMock.Json.IndentAfterWriting";

    // JsonWriterOptions.NewLine, which System.Text.Json 9 added; this library compiles against version 8, which
    // PowerShell 7.4 carries, and uses the property when the System.Text.Json loaded at run time has it.
    private static readonly PropertyInfo? NewLineOption = typeof(JsonWriterOptions).GetProperty("NewLine") is
        { CanWrite: true } property && property.PropertyType == typeof(string) ? property : null;

    private readonly JsonNameConverter names;

    private readonly IJsonObjectInspector? inspector;

    private readonly bool indented;

    private readonly CancellationToken cancellation;

    private readonly HashSet<object> ancestors = new(ReferenceComparer.Instance);

    private readonly List<object> containers = new();

    private readonly List<PathSegment> path = new();

    private long recordNumber;

    private Type? lastPlanType;

    private JsonObjectPlan? lastPlan;

    /// <summary>
    /// Initializes a new instance of the <see cref="JsonValueWriter"/> class.
    /// </summary>
    /// <param name="options">
    /// The naming policy, indentation (for <see cref="Serialize"/>), inspector and cancellation token, read once
    /// here; <see langword="null"/> for the defaults.
    /// </param>
    public JsonValueWriter(JsonExportOptions? options = null)
    {
        options ??= new JsonExportOptions();
        names = JsonNameConverter.For(options.NamingPolicy);
        inspector = options.Inspector;
        indented = options.Indented;
        cancellation = options.CancellationToken;
    }

    /// <summary>
    /// Gets new writer options for compact UTF-8 output that leaves apostrophes and accented letters unescaped and
    /// allows any nesting depth.
    /// </summary>
    public static JsonWriterOptions WriterOptions => new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        MaxDepth = int.MaxValue,
    };

    /// <summary>
    /// Gets a value indicating whether <see cref="IndentedWriterOptions"/> indent with line feeds. System.Text.Json 9
    /// and later can be told to; older versions use the operating system's new line, a line feed except on Windows.
    /// </summary>
    internal static bool CanIndentWithLineFeeds =>
        (NewLineOption is not null || Environment.NewLine == "\n")
        && !(AppContext.TryGetSwitch(IndentAfterWritingSwitch, out var indentAfterWriting) && indentAfterWriting);

    /// <summary>
    /// Gets writer options like <see cref="WriterOptions"/> but indented with two spaces and, where
    /// <see cref="CanIndentWithLineFeeds"/> holds, line feeds.
    /// </summary>
    internal static JsonWriterOptions IndentedWriterOptions
    {
        get
        {
            var options = WriterOptions;
            options.Indented = true;
            if (NewLineOption is null)
            {
                return options;
            }

            object boxed = options;
            NewLineOption.SetValue(boxed, "\n");
            return (JsonWriterOptions)boxed;
        }
    }

    /// <summary>
    /// Writes one value as a complete JSON value.
    /// </summary>
    /// <param name="writer">The destination, preferably created with <see cref="WriterOptions"/>.</param>
    /// <param name="value">The value; <see langword="null"/> is written as JSON null.</param>
    /// <exception cref="JsonExportException">The value, or a value inside it, cannot be written as JSON.</exception>
    /// <exception cref="OperationCanceledException">The cancellation token of the options was cancelled.</exception>
    public void Write(Utf8JsonWriter writer, object? value) => WriteRecord(writer, value, 0);

    /// <summary>
    /// Returns one value as JSON text, indented when the options ask for it.
    /// </summary>
    /// <param name="value">The value; <see langword="null"/> gives <c>null</c>.</param>
    /// <returns>The JSON text, without a trailing line feed.</returns>
    /// <exception cref="JsonExportException">The value, or a value inside it, cannot be written as JSON.</exception>
    public string Serialize(object? value)
    {
        using var compact = new MemoryStream();
        using (var writer = new Utf8JsonWriter(compact, WriterOptions))
        {
            Write(writer, value);
        }

        if (!indented)
        {
            return Encoding.UTF8.GetString(compact.GetBuffer(), 0, (int)compact.Length);
        }

        using var output = new MemoryStream();
        var buffer = new JsonOutputBuffer(output);
        buffer.WriteIndented(compact.GetBuffer(), 0, (int)compact.Length, 0);
        buffer.Flush();
        return Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length);
    }

    /// <summary>
    /// Writes one record, naming its position in error messages.
    /// </summary>
    /// <param name="writer">The destination.</param>
    /// <param name="record">The record.</param>
    /// <param name="number">The record's position counting from 1, or 0 when it is not part of a stream.</param>
    internal void WriteRecord(Utf8JsonWriter writer, object? record, long number)
    {
        Begin(number);
        try
        {
            WriteValue(writer, record);
        }
        catch (Exception ex) when (IsUnexpected(ex))
        {
            throw ReadFailed(record, ex);
        }
    }

    /// <summary>
    /// Finds the compiled plan for a record, when the record is a plain object that has one: not null, not a
    /// scalar or collection, not described by the inspector and carrying no properties added by a wrapper.
    /// </summary>
    /// <param name="record">The record, possibly wrapped.</param>
    /// <param name="unwrapped">The record after unwrapping, which the plan writes.</param>
    /// <returns>The plan, or <see langword="null"/> when the record takes the general path.</returns>
    internal JsonObjectPlan? FindPlan(object? record, out object? unwrapped)
    {
        unwrapped = record is null || inspector is null ? record : inspector.Unwrap(record);
        if (unwrapped is null)
        {
            return null;
        }

        var type = unwrapped.GetType();
        if (type != lastPlanType)
        {
            lastPlan = JsonObjectPlan.For(type, names.Policy);
            lastPlanType = type;
        }

        if (lastPlan is null || inspector is null)
        {
            return lastPlan;
        }

        if (inspector.TryGetProperties(unwrapped, out _))
        {
            return null;
        }

        if (!ReferenceEquals(record, unwrapped))
        {
            using var extra = inspector.GetExtraProperties(record!).GetEnumerator();
            if (extra.MoveNext())
            {
                return null;
            }
        }

        return lastPlan;
    }

    /// <summary>
    /// Says whether a value met inside a planned object is written as it is: the inspector does not unwrap it.
    /// </summary>
    /// <param name="value">A value that is not null.</param>
    /// <returns><see langword="true"/> when a plan may write the value.</returns>
    internal bool IsPlain(object value) => inspector is null || ReferenceEquals(inspector.Unwrap(value), value);

    /// <summary>
    /// Says whether an object met inside a planned object is written from its declared properties: the inspector
    /// neither unwraps it nor describes it.
    /// </summary>
    /// <param name="value">An object that is not null.</param>
    /// <returns><see langword="true"/> when a plan may write the object.</returns>
    internal bool IsPlainObject(object value) =>
        inspector is null
        || (ReferenceEquals(inspector.Unwrap(value), value) && !inspector.TryGetProperties(value, out _));

    /// <summary>
    /// Writes a property of a planned object through the general path.
    /// </summary>
    /// <param name="writer">The destination.</param>
    /// <param name="name">The encoded property name.</param>
    /// <param name="value">The value.</param>
    internal void WriteGeneralProperty(Utf8JsonWriter writer, JsonEncodedText name, object? value)
    {
        writer.WritePropertyName(name);
        WriteValue(writer, value);
    }

    /// <summary>
    /// Writes a value inside a planned object through the general path.
    /// </summary>
    /// <param name="writer">The destination.</param>
    /// <param name="value">The value.</param>
    internal void WriteGeneralValue(Utf8JsonWriter writer, object? value) => WriteValue(writer, value);

    /// <summary>
    /// Reads the properties of a record that is an object or a dictionary, so that a key can be picked from them.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="number">The record's position counting from 1.</param>
    /// <param name="unwrapped">The record after unwrapping; it identifies the record for cycle detection.</param>
    /// <param name="members">The properties, in the order they are written.</param>
    /// <returns><see langword="false"/> when the record is null, a scalar or a collection.</returns>
    internal bool TryReadMembers(object? record, long number, out object? unwrapped, out List<JsonMember> members)
    {
        Begin(number);
        members = new List<JsonMember>();
        unwrapped = record is null || inspector is null ? record : inspector.Unwrap(record);
        if (unwrapped is null)
        {
            return false;
        }

        var contract = JsonTypeContract.For(unwrapped.GetType());
        if (contract.Shape is not (ValueShape.Object or ValueShape.Dictionary or ValueShape.GenericDictionary))
        {
            return false;
        }

        try
        {
            members.AddRange(Members(record!, unwrapped, contract));
        }
        catch (Exception ex) when (IsUnexpected(ex))
        {
            throw ReadFailed(record, ex);
        }

        return true;
    }

    /// <summary>
    /// Writes a record from properties read by <see cref="TryReadMembers"/>.
    /// </summary>
    /// <param name="writer">The destination.</param>
    /// <param name="unwrapped">The unwrapped record.</param>
    /// <param name="members">The properties.</param>
    internal void WriteMembers(Utf8JsonWriter writer, object unwrapped, List<JsonMember> members)
    {
        try
        {
            WriteObject(writer, unwrapped, members);
        }
        catch (Exception ex) when (IsUnexpected(ex))
        {
            throw ReadFailed(unwrapped, ex);
        }
    }

    /// <summary>
    /// Returns the JSON name of a property under the naming policy.
    /// </summary>
    /// <param name="member">The property.</param>
    /// <returns>The JSON name.</returns>
    internal string NameOf(JsonMember member) => member.IsVerbatim ? member.Name : names.Convert(member.Name);

    /// <summary>
    /// Formats a scalar as text that can be a JSON property name, such as a record's key.
    /// </summary>
    /// <param name="value">The value, possibly wrapped.</param>
    /// <param name="text">The text.</param>
    /// <returns><see langword="false"/> when the value is null, an object or a collection.</returns>
    internal bool TryFormatName(object? value, out string text)
    {
        var unwrapped = value is null || inspector is null ? value : inspector.Unwrap(value);
        if (unwrapped is null)
        {
            text = string.Empty;
            return false;
        }

        return JsonScalarText.TryFormatName(unwrapped, JsonTypeContract.For(unwrapped.GetType()), out text);
    }

    private static bool IsUnexpected(Exception exception) =>
        exception is not (JsonExportException or OperationCanceledException or OutOfMemoryException);

    /// <summary>
    /// Starts a record: clears the state kept for cycle detection and error messages.
    /// </summary>
    /// <param name="number">The record's position counting from 1, or 0 when it is not part of a stream.</param>
    internal void Begin(long number)
    {
        recordNumber = number;
        ancestors.Clear();
        containers.Clear();
        path.Clear();
    }

    private void WriteValue(Utf8JsonWriter writer, object? value)
    {
        var unwrapped = value is null || inspector is null ? value : inspector.Unwrap(value);
        switch (unwrapped)
        {
            case null:
                writer.WriteNullValue();
                return;
            case string text:
                writer.WriteStringValue(text);
                return;
            case bool flag:
                writer.WriteBooleanValue(flag);
                return;
            case int number:
                writer.WriteNumberValue(number);
                return;
            case long number:
                writer.WriteNumberValue(number);
                return;
            case decimal number:
                writer.WriteNumberValue(number);
                return;
        }

        var contract = JsonTypeContract.For(unwrapped.GetType());
        switch (contract.Shape)
        {
            case ValueShape.Null:
                writer.WriteNullValue();
                break;
            case ValueShape.Text:
                writer.WriteStringValue(JsonScalarText.Format(unwrapped, contract));
                break;
            case ValueShape.Integer:
                writer.WriteNumberValue(Convert.ToInt64(unwrapped, CultureInfo.InvariantCulture));
                break;
            case ValueShape.UnsignedInteger:
                writer.WriteNumberValue(Convert.ToUInt64(unwrapped, CultureInfo.InvariantCulture));
                break;
            case ValueShape.Single:
                WriteSingle(writer, (float)unwrapped);
                break;
            case ValueShape.Double:
                WriteDouble(writer, (double)unwrapped);
                break;
            case ValueShape.WideNumber:
                WriteWideNumber(writer, unwrapped);
                break;
            case ValueShape.JsonElement:
                ((JsonElement)unwrapped).WriteTo(writer);
                break;
            case ValueShape.JsonNode:
                ((JsonNode)unwrapped).WriteTo(writer);
                break;
            case ValueShape.Collection:
                WriteArray(writer, (IEnumerable)unwrapped);
                break;
            case ValueShape.NotData:
                throw NotData(unwrapped, contract.NotDataReason!);
            default:
                WriteObject(writer, unwrapped, Members(value!, unwrapped, contract));
                break;
        }
    }

    private void WriteSingle(Utf8JsonWriter writer, float number)
    {
        if (float.IsNaN(number) || float.IsInfinity(number))
        {
            throw NonFinite(number);
        }

        writer.WriteNumberValue(number);
    }

    private void WriteDouble(Utf8JsonWriter writer, double number)
    {
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            throw NonFinite(number);
        }

        writer.WriteNumberValue(number);
    }

    private void WriteWideNumber(Utf8JsonWriter writer, object number)
    {
        var text = ((IFormattable)number).ToString(null, CultureInfo.InvariantCulture);
        try
        {
            writer.WriteRawValue(text);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            throw NonFinite(number);
        }
    }

    private void WriteArray(Utf8JsonWriter writer, IEnumerable items)
    {
        Enter(items);
        writer.WriteStartArray();
        var index = 0;
        foreach (var item in items)
        {
            path.Add(new PathSegment(index++));
            WriteValue(writer, item);
            path.RemoveAt(path.Count - 1);
        }

        writer.WriteEndArray();
        Exit(items);
    }

    private void WriteObject(Utf8JsonWriter writer, object unwrapped, IEnumerable<JsonMember> members)
    {
        Enter(unwrapped);
        writer.WriteStartObject();
        foreach (var member in members)
        {
            var name = NameOf(member);
            writer.WritePropertyName(name);
            path.Add(new PathSegment(name));
            WriteValue(writer, member.Value);
            path.RemoveAt(path.Count - 1);
        }

        writer.WriteEndObject();
        Exit(unwrapped);
    }

    private IEnumerable<JsonMember> Members(object original, object unwrapped, JsonTypeContract contract)
    {
        switch (contract.Shape)
        {
            case ValueShape.Dictionary when unwrapped is Hashtable table:
                // A Hashtable enumerates in hash order, which differs between processes; sorting keeps files stable.
                return Entries(table).OrderBy(member => member.Name, StringComparer.Ordinal);
            case ValueShape.Dictionary:
                return Entries((IDictionary)unwrapped);
            case ValueShape.GenericDictionary:
                return GenericEntries((IEnumerable)unwrapped, contract);
        }

        if (inspector is null)
        {
            return DeclaredMembers(unwrapped, contract);
        }

        if (inspector.TryGetProperties(unwrapped, out var properties))
        {
            return FromPairs(properties);
        }

        var declared = DeclaredMembers(unwrapped, contract);
        return ReferenceEquals(original, unwrapped)
            ? declared
            : declared.Concat(FromPairs(inspector.GetExtraProperties(original)));
    }

    private IEnumerable<JsonMember> DeclaredMembers(object owner, JsonTypeContract contract)
    {
        foreach (var property in contract.Properties)
        {
            if (property.NotDataReason is not null)
            {
                throw NotDataProperty(owner, property);
            }

            object? value;
            try
            {
                value = property.Getter(owner);
            }
            catch (Exception ex) when (IsUnexpected(ex))
            {
                throw GetterFailed(owner, property.Name, ex);
            }

            if (!property.Skips(value))
            {
                yield return new JsonMember(property.Name, property.IsVerbatim, value);
            }
        }
    }

    private IEnumerable<JsonMember> Entries(IDictionary dictionary)
    {
        foreach (DictionaryEntry entry in dictionary)
        {
            yield return new JsonMember(KeyName(entry.Key), false, entry.Value);
        }
    }

    private IEnumerable<JsonMember> GenericEntries(IEnumerable dictionary, JsonTypeContract contract)
    {
        foreach (var entry in dictionary)
        {
            yield return new JsonMember(KeyName(contract.EntryKey!(entry!)), false, contract.EntryValue!(entry!));
        }
    }

    private static IEnumerable<JsonMember> FromPairs(IEnumerable<KeyValuePair<string, object?>> pairs) =>
        pairs.Select(pair => new JsonMember(pair.Key, false, pair.Value));

    private string KeyName(object? key)
    {
        if (key is string text)
        {
            return text;
        }

        if (TryFormatName(key, out text))
        {
            return text;
        }

        var type = key is null ? "null" : JsonMessages.Describe(key.GetType());
        throw new JsonExportException(
            JsonExportErrorKind.UnsupportedValue,
            JsonMessages.Format(JsonMessages.NonScalarKey, Location(), type),
            key,
            null);
    }

    private void Enter(object container)
    {
        cancellation.ThrowIfCancellationRequested();
        try
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
        }
        catch (InsufficientExecutionStackException ex)
        {
            throw new JsonExportException(
                JsonExportErrorKind.UnsupportedValue,
                JsonMessages.Format(JsonMessages.TooDeep, Location()),
                container,
                ex);
        }

        if (!container.GetType().IsValueType && !ancestors.Add(container))
        {
            var type = JsonMessages.Describe(container.GetType());
            var message = JsonMessages.Format(JsonMessages.ReferenceCycle, Location(), type);
            throw new JsonExportException(JsonExportErrorKind.ReferenceCycle, message, container, null);
        }

        containers.Add(container);
    }

    private void Exit(object container)
    {
        containers.RemoveAt(containers.Count - 1);
        ancestors.Remove(container);
    }

    private JsonExportException NotData(object value, string reason) => new(
        JsonExportErrorKind.UnsupportedValue,
        JsonMessages.Format(JsonMessages.NotData, Location(), JsonMessages.Describe(value.GetType()), reason),
        value,
        null);

    private JsonExportException NotDataProperty(object owner, JsonPropertyContract property)
    {
        var message = JsonMessages.Format(
            JsonMessages.NotDataProperty,
            Location(),
            property.Name,
            JsonMessages.Describe(owner.GetType()),
            JsonMessages.Describe(property.PropertyType),
            property.NotDataReason);
        return new JsonExportException(JsonExportErrorKind.UnsupportedValue, message, owner, null);
    }

    private JsonExportException NonFinite(object number)
    {
        var message = JsonMessages.Format(
            JsonMessages.NonFiniteNumber,
            Location(),
            JsonMessages.Describe(number.GetType()),
            ((IFormattable)number).ToString(null, CultureInfo.InvariantCulture));
        return new JsonExportException(JsonExportErrorKind.UnsupportedValue, message, number, null);
    }

    private JsonExportException GetterFailed(object owner, string property, Exception exception)
    {
        var cause = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
        var message = JsonMessages.Format(
            JsonMessages.GetterFailed,
            Location(),
            property,
            JsonMessages.Describe(owner.GetType()),
            cause.GetType().Name,
            JsonMessages.Quote(cause));
        return new JsonExportException(JsonExportErrorKind.UnsupportedValue, message, owner, cause);
    }

    private JsonExportException ReadFailed(object? record, Exception exception)
    {
        var target = containers.Count > 0 ? containers[containers.Count - 1] : record;
        var subject = target is null ? "value" : JsonMessages.Describe(target.GetType());
        var message = JsonMessages.Format(
            JsonMessages.ReadFailed,
            Location(),
            subject,
            exception.GetType().Name,
            JsonMessages.Quote(exception));
        return new JsonExportException(JsonExportErrorKind.UnsupportedValue, message, target, exception);
    }

    private string Location()
    {
        var record = recordNumber > 0
            ? "record " + recordNumber.ToString(CultureInfo.InvariantCulture)
            : "the value";
        if (path.Count == 0)
        {
            return record;
        }

        var builder = new StringBuilder("$");
        var first = Math.Max(0, path.Count - PathSegmentsShown);
        if (first > 0)
        {
            builder.Append("...");
        }

        for (var i = first; i < path.Count; i++)
        {
            path[i].AppendTo(builder);
        }

        return recordNumber > 0 ? builder.Append(" in ").Append(record).ToString() : builder.ToString();
    }

    private readonly struct PathSegment
    {
        private readonly string? name;

        private readonly int index;

        public PathSegment(string name)
        {
            this.name = name;
            index = 0;
        }

        public PathSegment(int index)
        {
            name = null;
            this.index = index;
        }

        public void AppendTo(StringBuilder builder)
        {
            if (name is null)
            {
                builder.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                builder.Append('.').Append(name);
            }
        }
    }

    private sealed class ReferenceComparer : IEqualityComparer<object>
    {
        public static readonly ReferenceComparer Instance = new();

        public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

        public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
    }
}

using System;
using System.Globalization;
using System.Linq;

namespace HealthMock.Json;

/// <summary>
/// Holds the messages of <see cref="JsonExportException"/> so their wording stays consistent.
/// </summary>
internal static class JsonMessages
{
    public const string NotData =
        "Cannot write {0} as JSON: {1} is {2}, not data. Expected a string, number, Boolean, date, collection, "
        + "dictionary or object with public properties.";

    public const string NotDataProperty =
        "Cannot write {0} as JSON: property '{1}' of {2} is of type {3}, which is {4}, not data. "
        + "Expected a property that holds a string, number, Boolean, date, collection, dictionary or object.";

    public const string NonFiniteNumber =
        "Cannot write {0} as JSON: the {1} value {2} is not a finite number. "
        + "Expected a finite number, because JSON has no NaN or Infinity.";

    public const string ReferenceCycle =
        "Cannot write {0} as JSON: this {1} object contains itself (a reference cycle). "
        + "Expected a tree of values in which no object contains itself.";

    public const string GetterFailed =
        "Cannot write {0} as JSON: reading property '{1}' of {2} threw {3}: {4}. "
        + "Expected every property to be readable.";

    public const string ReadFailed =
        "Cannot write {0} as JSON: reading the {1} threw {2}: {3}. Expected every property to be readable.";

    public const string TooDeep =
        "Cannot write {0} as JSON: the value is nested more deeply than the call stack allows. "
        + "Expected a value nested less deeply.";

    public const string NonScalarKey =
        "Cannot write {0} as JSON: a dictionary key of type {1} cannot be a JSON property name. "
        + "Expected string, number, Boolean, date, GUID or enum keys.";

    public const string RecordNotKeyable =
        "Record {0} is {1}, which has no property '{2}'. Expected objects or dictionaries with a '{2}' property.";

    public const string MissingKey =
        "Record {0} has no value for the key property '{1}'. Expected every record to have a non-empty '{1}'.";

    public const string InvalidKey =
        "Record {0} has {1} in the key property '{2}'. Expected a string, number, Boolean, date, GUID or enum.";

    public const string DuplicateKey =
        "Record {0} has the key '{1}', which record {2} already used. Expected a unique '{3}' for every record.";

    public const string KeyPropertyRequired =
        "The Keyed layout needs a key property. Expected KeyProperty to name the property that keys each record.";

    public const string KeyPropertyWithoutKeyedLayout =
        "KeyProperty '{0}' applies only to the Keyed layout, but the layout is {1}. "
        + "Expected the Keyed layout or no KeyProperty.";

    public const string WriterFinished =
        "The JSON writer has already completed or failed. Expected no more records after Complete or a failure.";

    public const string DirectoryNotFound =
        "The folder '{0}' does not exist. Expected an existing folder for '{1}'.";

    public const string FileExists =
        "The file '{0}' already exists. Expected a new file, or permission to replace it.";

    public const string PathIsDirectory = "'{0}' is a folder. Expected the path of a file.";

    /// <summary>
    /// Formats a message with the invariant culture.
    /// </summary>
    /// <param name="format">One of the message constants.</param>
    /// <param name="arguments">The values for its placeholders.</param>
    /// <returns>The message text.</returns>
    public static string Format(string format, params object?[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, format, arguments);

    /// <summary>
    /// Returns an exception's message without its closing full stop, to be quoted inside a sentence.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The message text.</returns>
    public static string Quote(Exception exception) => exception.Message.TrimEnd(' ', '.');

    /// <summary>
    /// Names a type the way C# code would, such as <c>System.Collections.Generic.List&lt;System.Int32&gt;</c>.
    /// </summary>
    /// <param name="type">The type to name.</param>
    /// <returns>The readable name.</returns>
    public static string Describe(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.FullName ?? type.Name;
        }

        var name = type.GetGenericTypeDefinition().FullName ?? type.Name;
        var tick = name.IndexOf('`');
        var arguments = string.Join(", ", type.GetGenericArguments().Select(Describe));
        return (tick < 0 ? name : name.Substring(0, tick)) + "<" + arguments + ">";
    }

    /// <summary>
    /// Names a value's type with an article, such as <c>a System.String</c>, for use inside a sentence.
    /// </summary>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    /// <returns>The phrase.</returns>
    public static string DescribeValue(object? value) => value is null ? "null" : "a " + Describe(value.GetType());
}

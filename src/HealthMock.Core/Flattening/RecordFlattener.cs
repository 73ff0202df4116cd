using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace HealthMock.Flattening;

/// <summary>
/// Turns a record into flat columns whose values are scalars or readable text, so each value fits one cell of a
/// CSV file or a spreadsheet: dates as ISO 8601, enums by name, lists joined with a separator, a nested object
/// such as a clinic spread over columns of its own (ClinicName, ClinicCity, ...), and a dataset as its counts.
/// </summary>
/// <remarks>
/// Numbers and booleans stay typed so that they sort and compare as numbers; every other value becomes a string
/// formatted with the invariant culture, so the text does not depend on the machine.
/// </remarks>
public static class RecordFlattener
{
    /// <summary>The text that joins the items of a list in one cell unless another is given.</summary>
    public const string DefaultSeparator = "; ";

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertiesByType =
        new ConcurrentDictionary<Type, PropertyInfo[]>();

    private static readonly Assembly EntityAssembly = typeof(Patient).GetTypeInfo().Assembly;

    // Nested objects are spread over columns named after the property; these read better in the singular.
    private static readonly Dictionary<string, string> ColumnPrefixes =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["Copays"] = "Copay" };

    /// <summary>
    /// Returns the flat columns of <paramref name="record"/>, a .NET object such as a patient, in the order of its
    /// properties; a <see cref="MockDataset"/> gives its seed, reference date, module version and counts.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, object?>> Flatten(object record,
        string separator = DefaultSeparator)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        var columns = new List<KeyValuePair<string, object?>>();
        if (record is MockDataset dataset)
        {
            columns.Add(Column("Seed", dataset.Seed));
            columns.Add(Column("ReferenceDate", Cell(dataset.ReferenceDate, separator)));
            columns.Add(Column("ModuleVersion", dataset.ModuleVersion));
            columns.Add(Column("PatientCount", dataset.Patients.Count));
            columns.Add(Column("ProviderCount", dataset.Providers.Count));
            columns.Add(Column("PolicyCount", dataset.Policies.Count));
            columns.Add(Column("AppointmentCount", dataset.Appointments.Count));
            return columns;
        }

        if (record is IDictionary map)
        {
            foreach (DictionaryEntry entry in map)
            {
                AddColumns(Text(entry.Key, separator), entry.Value, columns, separator);
            }

            return columns;
        }

        foreach (var property in PropertiesOf(record.GetType()))
        {
            AddColumns(property.Name, property.GetValue(record), columns, separator);
        }

        return columns;
    }

    /// <summary>
    /// Adds the flat columns of one property to <paramref name="columns"/>: one column holding
    /// <see cref="Cell"/> of the value, or, for a nested HealthMock object such as a clinic or a schedule, one
    /// column per property of that object, named after both (ClinicCity).
    /// </summary>
    public static void AddColumns(string name, object? value, IList<KeyValuePair<string, object?>> columns,
        string separator = DefaultSeparator)
    {
        if (value is not null && IsNestedRecord(value.GetType()))
        {
            var prefix = ColumnPrefixes.TryGetValue(name, out var singular) ? singular : name;
            foreach (var property in PropertiesOf(value.GetType()))
            {
                columns.Add(Column(prefix + property.Name, Cell(property.GetValue(value), separator)));
            }

            return;
        }

        columns.Add(Column(name, Cell(value, separator)));
    }

    /// <summary>
    /// Returns the value of one cell: null, a number or a boolean as it is, and anything else as readable text
    /// (see <see cref="Text"/>); the items of a list are joined with <paramref name="separator"/>.
    /// </summary>
    public static object? Cell(object? value, string separator = DefaultSeparator)
    {
        switch (value)
        {
            case null:
                return null;
            case bool _:
            case byte _:
            case sbyte _:
            case short _:
            case ushort _:
            case int _:
            case uint _:
            case long _:
            case ulong _:
            case float _:
            case double _:
            case decimal _:
                return value;
            default:
                return Text(value, separator);
        }
    }

    /// <summary>
    /// Returns readable text for a value: dates as yyyy-MM-dd (with the time, and the offset where there is one, in
    /// ISO 8601 form when it is not midnight), times of day as HH:mm, enums by name, a condition as its name and
    /// code, a medication as its name and dosage, a list as its items joined with <paramref name="separator"/>, a
    /// dictionary as key: value pairs, and other objects by their own text or else their properties.
    /// </summary>
    public static string Text(object? value, string separator = DefaultSeparator)
    {
        switch (value)
        {
            case null:
                return "";
            case string text:
                return text;
            case DateTime date:
                return date.TimeOfDay == TimeSpan.Zero
                    ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : date.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
            case DateTimeOffset moment:
                return moment.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            case TimeSpan time:
                return time >= TimeSpan.Zero && time < TimeSpan.FromDays(1)
                    ? time.ToString(time.Seconds == 0 ? @"hh\:mm" : @"hh\:mm\:ss", CultureInfo.InvariantCulture)
                    : time.ToString("c", CultureInfo.InvariantCulture);
            case Enum _:
                return value.ToString()!;
            case Condition condition:
                return condition.Name + " (" + condition.Code + ")";
            case Medication medication:
                return medication.Name + " " + medication.Dosage;
            case IFormattable formattable:
                return formattable.ToString(null, CultureInfo.InvariantCulture);
            case IDictionary map:
                var pairs = new List<string>();
                var entries = map.GetEnumerator();
                while (entries.MoveNext())
                {
                    pairs.Add(Text(entries.Key, separator) + ": " + Text(entries.Value, separator));
                }

                return string.Join(separator, pairs);
            case IEnumerable items:
                return string.Join(separator, items.Cast<object?>().Select(item => Text(item, ", ")));
        }

        var type = value.GetType();
        var own = value.ToString();
        if (own is not null && own != type.ToString())
        {
            return own;
        }

        return string.Join(", ", PropertiesOf(type).Select(p => p.Name + ": " + Text(p.GetValue(value), ", ")));
    }

    /// <summary>Whether values of this type, HealthMock's nested objects, get columns of their own.</summary>
    private static bool IsNestedRecord(Type type)
    {
        var info = type.GetTypeInfo();
        return info.Assembly == EntityAssembly && info.IsClass && type != typeof(Condition)
            && type != typeof(Medication) && !typeof(IEnumerable).GetTypeInfo().IsAssignableFrom(info);
    }

    private static PropertyInfo[] PropertiesOf(Type type) =>
        PropertiesByType.GetOrAdd(type, t => t.GetRuntimeProperties()
            .Where(p => p.CanRead && p.GetMethod is { IsPublic: true, IsStatic: false }
                && p.GetIndexParameters().Length == 0)
            .ToArray());

    private static KeyValuePair<string, object?> Column(string name, object? value) =>
        new KeyValuePair<string, object?>(name, value);
}

using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;

namespace HealthMock.Tests.Generation;

/// <summary>
/// Culture-independent text forms of patients, so two runs can be compared field by field and a snapshot can be
/// kept in a file.
/// </summary>
internal static class PatientText
{
    /// <summary>
    /// Every public property, nested objects and arrays included, in declaration order. Found by reflection so a
    /// field added to the entities is compared without touching the tests.
    /// </summary>
    public static string Canonical(object? value)
    {
        var builder = new StringBuilder();
        Append(builder, value);
        return builder.ToString();
    }

    /// <summary>The key fields of a patient on one line, as the golden file holds them.</summary>
    public static string GoldenLine(Patient p)
    {
        var fields = new[]
        {
            p.Id, p.FirstName, p.LastName, p.Sex.ToString(), Date(p.DateOfBirth),
            p.Age.ToString(CultureInfo.InvariantCulture), p.Email, p.Phone, p.Address,
            p.PreferredContactMethod.ToString(),
            string.Join(",", p.ChronicConditions.Select(c => c.Code)),
            string.Join(",", p.Allergies),
            string.Join(",", p.Medications.Select(m => m.Name + ">" + m.TreatsCode)),
            p.EmergencyContact is null ? "" : p.EmergencyContact + " " + p.EmergencyContact.Phone,
            Date(p.AccountCreationDate),
        };
        return string.Join(" | ", fields);
    }

    private static string Date(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Append(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case string text:
                builder.Append('"').Append(text).Append('"');
                break;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                break;
            case char letter:
                builder.Append('\'').Append(letter).Append('\'');
                break;
            case DateTime date:
                builder.Append(date.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture))
                    .Append(' ').Append(date.Kind);
                break;
            case Enum member:
                builder.Append(member.GetType().Name).Append('.').Append(member);
                break;
            case IFormattable number when value.GetType().IsPrimitive || value is decimal:
                builder.Append(number.ToString(null, CultureInfo.InvariantCulture));
                break;
            case IEnumerable items:
                builder.Append('[');
                var first = true;
                foreach (var item in items)
                {
                    builder.Append(first ? "" : ", ");
                    Append(builder, item);
                    first = false;
                }

                builder.Append(']');
                break;
            default:
                var properties = value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(property => property.GetIndexParameters().Length == 0)
                    .OrderBy(property => property.MetadataToken);
                builder.Append(value.GetType().Name).Append(" {");
                foreach (var property in properties)
                {
                    builder.Append(' ').Append(property.Name).Append('=');
                    Append(builder, property.GetValue(value));
                    builder.Append(';');
                }

                builder.Append(" }");
                break;
        }
    }
}

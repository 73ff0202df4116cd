using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Management.Automation;
using HealthMock.Flattening;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Flattens HealthMock objects, or any objects, into one readable value per property, ready
/// for Export-Csv and spreadsheets.</para>
/// <para type="description">
/// ConvertTo-MockFlatObject turns each input object into a flat object whose property values are numbers,
/// booleans or readable text, so Export-Csv writes one readable value per cell instead of type names or
/// System.Object[]. Lists are joined with '; ' (-Separator chooses another): allergies and languages as they are,
/// chronic conditions as 'Essential hypertension (I10)', medications as their name and dosage. Nested objects are
/// spread over columns of their own: a provider's clinic as ClinicName, ClinicAddressLine1, ClinicCity,
/// ClinicState, ClinicZip and ClinicUtcOffset, its schedule as ScheduleDays, ScheduleStart, ScheduleEnd and
/// ScheduleSlotMinutes, a policy's copays as CopayPrimaryCare, CopaySpecialist and so on, a patient's emergency
/// contact as EmergencyContactName, EmergencyContactRelationship and EmergencyContactPhone.
/// </para>
/// <para type="description">
/// Dates are written as ISO 8601 text in the invariant culture: yyyy-MM-dd for dates, with the time and UTC
/// offset (2026-03-04T09:30:00-05:00) for appointment times; enums by name. A dataset from New-MockDataset
/// becomes one row of its seed, reference date, module version and record counts; pipe its Patients, Providers,
/// Policies or Appointments to flatten the records. Objects of other types, such as the output of Select-Object
/// or Import-Csv, are flattened the same way, so the command fits at the end of any pipeline that ends in a CSV
/// file.
/// </para>
/// <example title="Write patients to a CSV file for a spreadsheet">
///   <code>New-MockPatient -Count 100 -Seed 1 | ConvertTo-MockFlatObject | Export-Csv -Path patients.csv</code>
///   <para>Writes a hundred patients to patients.csv, one patient per row, with conditions, medications and
///   allergies readable in their cells.</para>
/// </example>
/// <example title="Write every table of a linked dataset to CSV files">
///   <code>$clinic = New-MockDataset -PatientCount 50 -ProviderCount 8 -Seed 2
/// $clinic.Patients | ConvertTo-MockFlatObject | Export-Csv -Path patients.csv
/// $clinic.Providers | ConvertTo-MockFlatObject | Export-Csv -Path providers.csv
/// $clinic.Policies | ConvertTo-MockFlatObject | Export-Csv -Path policies.csv
/// $clinic.Appointments | ConvertTo-MockFlatObject | Export-Csv -Path appointments.csv</code>
///   <para>Writes the four collections of a dataset as four CSV files that refer to each other by id.</para>
/// </example>
/// <example title="Choose the columns and the separator">
///   <code>New-MockProvider -Count 10 -Seed 3 | ConvertTo-MockFlatObject -Separator ' | ' |
///     Select-Object Id, DisplayName, Specialty, ClinicCity, ClinicState, ScheduleDays, Languages</code>
///   <para>Shows providers with their clinic's city and state and their working days and languages joined with
///   ' | '.</para>
/// </example>
/// </summary>
/// <seealso cref="NewMockPatientCommand"/>
/// <seealso cref="NewMockDatasetCommand"/>
/// <seealso cref="ExportJsonCommand"/>
/// <para type="link">Export-Csv</para>
/// <para type="link">about_HealthMock</para>
/// <returns>For each object piped in, a flat object whose property values are numbers, booleans or readable
/// text.</returns>
[Cmdlet(VerbsData.ConvertTo, "MockFlatObject")]
[OutputType(typeof(PSObject))]
public sealed class ConvertToMockFlatObjectCommand : PSCmdlet
{
    private long _count;

    /// <summary>
    /// <para type="description">The object to flatten, usually from the pipeline: a patient, provider, insurance
    /// policy, appointment, dataset, rule violation or manifest, or any other object.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <summary>
    /// <para type="description">The text that joins the items of a list in one value.</para>
    /// </summary>
    /// <value>'; ' (a semicolon and a space)</value>
    [Parameter]
    [AllowEmptyString]
    public string Separator { get; set; } = RecordFlattener.DefaultSeparator;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (InputObject is null)
        {
            return;
        }

        var flat = new PSObject();
        foreach (var column in Flatten(InputObject))
        {
            flat.Properties.Add(new PSNoteProperty(column.Key, column.Value));
        }

        _count++;
        WriteObject(flat);
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        WriteVerbose($"Flattened {_count} object(s).");
    }

    private IList<KeyValuePair<string, object?>> Flatten(PSObject input)
    {
        var columns = new List<KeyValuePair<string, object?>>();
        var baseObject = input.BaseObject;
        if (baseObject is MockDataset or IDictionary)
        {
            columns.AddRange(RecordFlattener.Flatten(baseObject, Separator));
            return columns;
        }

        if (IsScalar(baseObject))
        {
            RecordFlattener.AddColumns("Value", baseObject, columns, Separator);
            return columns;
        }

        foreach (var property in input.Properties)
        {
            object? value;
            try
            {
                value = property.Value;
            }
            catch (GetValueException e)
            {
                WriteDebug($"Left the property {property.Name} empty: reading it failed ({e.Message}).");
                value = null;
            }

            RecordFlattener.AddColumns(property.Name, Unwrap(value), columns, Separator);
        }

        return columns;
    }

    /// <summary>
    /// Turns PowerShell wrappers into plain values: a custom object into an ordered dictionary of its properties,
    /// another wrapped object into the object, and arrays holding wrappers into arrays of plain values.
    /// </summary>
    private static object? Unwrap(object? value)
    {
        switch (value)
        {
            case PSObject wrapped when wrapped.BaseObject is PSCustomObject:
                var properties = new OrderedDictionary(StringComparer.Ordinal);
                foreach (var property in wrapped.Properties)
                {
                    properties[property.Name] = Unwrap(property.Value);
                }

                return properties;
            case PSObject wrapped:
                return Unwrap(wrapped.BaseObject);
            case object[] items:
                return Array.ConvertAll(items, Unwrap);
            default:
                return value;
        }
    }

    private static bool IsScalar(object value) =>
        value is string || value is ValueType || value is Uri || value is Version;
}

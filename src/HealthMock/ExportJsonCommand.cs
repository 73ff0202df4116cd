using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Text;
using System.Threading;
using HealthMock.Json;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Writes objects as JSON: an array, JSON Lines, or an object keyed by a property.</para>
/// <para type="description">
/// Export-Json streams any objects (mock records, custom objects, hashtables, plain values) to a JSON file or to
/// the output. Property names are snake_case by default. A file appears only when every record was written; a
/// failure or Ctrl+C leaves an earlier file untouched.
/// </para>
/// <para type="description">
/// There are three layouts. By default the records form one JSON array. With -AsLines each record is one compact
/// line (JSON Lines), which suits large runs and line-by-line tools. With -KeyProperty the records form one JSON
/// object whose property names are a key of each record, such as the patient id, like the benchmark's data files.
/// The field names are the records' own property names in snake_case (date_of_birth); for the benchmark's exact
/// field names and formats (dob, schedule times as 09:00) write the dataset with Export-MockDataset.
/// </para>
/// <para type="description">
/// Records are written as they arrive, so memory stays flat however many are piped in. Values are written with
/// the invariant culture: dates without a time of day as yyyy-MM-dd, other times in ISO 8601 with their UTC
/// offset, enumerations by their JSON names (female, in_person). Nested objects and collections become nested JSON.
/// Without -Path the JSON text is written to the output instead: one string for an array or keyed object, one
/// string per record for JSON Lines.
/// </para>
/// <para type="description">
/// Export-Json does not replace a file unless -Force is given, and supports -WhatIf and -Confirm. Errors have
/// stable ids: FileExists, DirectoryNotFound, PathIsDirectory, NotFileSystemPath, AccessDenied and WriteFailed
/// for the file; MissingKey, DuplicateKey and InvalidKey for -KeyProperty; UnsupportedValue and ReferenceCycle
/// for values that are not data.
/// </para>
/// <example title="Write patients keyed by id">
///   <code>New-MockPatient -Count 10 -Seed 1 | Export-Json users.json -KeyProperty id</code>
///   <para>Writes ten patients to users.json in the current folder as one JSON object keyed by patient id, like
///   the benchmark's users.json but with the patients' own snake_case names (date_of_birth, not dob); use
///   Export-MockDataset for the benchmark's field names. -KeyProperty takes the property name (Id) or its JSON
///   name (id).</para>
/// </example>
/// <example title="Write JSON Lines">
///   <code>New-MockProvider -Count 5 -Seed 1 | Export-Json providers.jsonl -AsLines</code>
///   <para>Writes five providers to providers.jsonl, one compact JSON object per line.</para>
/// </example>
/// <example title="Get JSON text with other names">
///   <code>New-MockPatient -Count 2 -Seed 1 | Select-Object Id, FirstName, Email |
///     Export-Json -NamingPolicy CamelCase</code>
///   <para>Returns the JSON text of a few properties of two patients, with camelCase names (firstName) instead of
///   snake_case ones. Without -Path nothing is written to disk.</para>
/// </example>
/// <example title="Replace a file, compactly">
///   <code>New-MockPatient -Count 3 -Seed 2 | Export-Json patients.json
/// New-MockPatient -Count 3 -Seed 3 | Export-Json patients.json -Force -Compress -Verbose</code>
///   <para>Writes patients.json, then replaces it with other patients as compact JSON. Without -Force the second
///   command stops with a FileExists error and the first file is kept. -Verbose shows the full path and the
///   number of records written.</para>
/// </example>
/// </summary>
/// <returns>
/// Without -Path, the JSON text: one string for an array or a keyed object, one string per record for JSON Lines.
/// With -Path, nothing.
/// </returns>
/// <seealso cref="NewMockPatientCommand"/>
/// <seealso cref="NewMockProviderCommand"/>
/// <seealso cref="ExportMockDatasetCommand"/>
/// <seealso cref="ImportMockDatasetCommand"/>
/// <para type="link">about_HealthMock</para>
[Cmdlet(VerbsData.Export, "Json", SupportsShouldProcess = true, DefaultParameterSetName = ArraySet)]
[OutputType(typeof(string))]
public sealed class ExportJsonCommand : PSCmdlet, IDisposable
{
    private const string ArraySet = "Array";

    private const string LinesSet = "Lines";

    private const string KeyedSet = "Keyed";

    private const string ShouldProcessAction = "Export JSON";

    private const string WritingMessage = "Exporting JSON to '{0}'.";

    private const string WroteMessage = "Exported {0} record(s) to '{1}'.";

    private const string BackgroundMessage = "Wrote {0} {1} record(s) on a second thread.";

    // Records wait in a few small batches, so few of them are still alive, and promoted, when a garbage collection
    // runs.
    private const int BackgroundBatch = 64;

    private const int BackgroundBatches = 4;

    private readonly CancellationTokenSource cancellation = new();

    private JsonExportOptions? options;

    private JsonFileWriter? file;

    // Writes the records of backgroundType on a second thread, when the command before this one made them (see
    // WriteInBackground); other records are written here, after it has written everything before them.
    private volatile JsonBackgroundWriter? background;

    private Type? backgroundType;

    private long backgroundCount;

    private JsonRecordWriter? text;

    private MemoryStream? textBuffer;

    private string? fullPath;

    private bool skipped;

    /// <summary>
    /// <para type="description">The objects to export. Pipe them in; a collection given by name is exported one
    /// record per element. Null is written as JSON null.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public object? InputObject { get; set; }

    /// <summary>
    /// <para type="description">The JSON file to write, relative to the current location. Its folder must exist
    /// and the path must be in the file system. Without it, the JSON text goes to the output.</para>
    /// </summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>
    /// <para type="description">How property names and dictionary keys are written: SnakeCase (the default),
    /// CamelCase or AsIs.</para>
    /// </summary>
    [Parameter]
    public NamingPolicy NamingPolicy { get; set; } = NamingPolicy.SnakeCase;

    /// <summary>
    /// <para type="description">Writes JSON Lines: one compact JSON object per line, and one output string per
    /// record when there is no -Path. It cannot be combined with -KeyProperty.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = LinesSet)]
    public SwitchParameter AsLines { get; set; }

    /// <summary>
    /// <para type="description">Writes compact JSON without indentation or line breaks, which makes files smaller.
    /// JSON Lines are always compact.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Compress { get; set; }

    /// <summary>
    /// <para type="description">Writes one JSON object whose property names are the values of this property of
    /// each record, such as id. The property is found by its name (Id) or its JSON name (id). Every record needs a
    /// unique, non-empty value that is not an object or an array.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = KeyedSet)]
    [ValidateNotNullOrEmpty]
    public string? KeyProperty { get; set; }

    /// <summary>
    /// <para type="description">Replaces the file if it exists. The old file is kept until the new one is
    /// complete.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>
    /// Deletes the temporary file of an export that did not complete.
    /// </summary>
    public void Dispose()
    {
        // The worker may be writing to the file: it ends first.
        background?.Dispose();
        file?.Dispose();
        text?.Dispose();
        textBuffer?.Dispose();
    }

    /// <inheritdoc/>
    protected override void BeginProcessing()
    {
        options = new JsonExportOptions
        {
            NamingPolicy = NamingPolicy,
            Indented = !Compress,
            Layout = AsLines ? JsonLayout.Lines : KeyProperty is null ? JsonLayout.Array : JsonLayout.Keyed,
            KeyProperty = KeyProperty,
            Inspector = PSObjectJsonInspector.Instance,
            CancellationToken = cancellation.Token,
        };

        if (Path is null)
        {
            // Output without -Path is text, so the document is built in memory.
            textBuffer = new MemoryStream();
            text = new JsonRecordWriter(textBuffer, options, leaveOpen: true);
            return;
        }

        fullPath = JsonFileTarget.Resolve(this, Path, Force);
        if (!ShouldProcess(fullPath, ShouldProcessAction))
        {
            skipped = true;
            return;
        }

        try
        {
            file = JsonFileWriter.Create(fullPath, options, overwrite: Force);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            ThrowTerminatingError(FileError(ex));
        }

        WriteVerbose(Format(WritingMessage, fullPath));
    }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        if (skipped)
        {
            return;
        }

        if (!MyInvocation.ExpectingInput && LanguagePrimitives.GetEnumerable(InputObject) is { } records)
        {
            foreach (var record in records)
            {
                Export(record);
            }
        }
        else
        {
            Export(InputObject);
        }
    }

    /// <inheritdoc/>
    protected override void EndProcessing()
    {
        if (skipped)
        {
            return;
        }

        try
        {
            if (file is not null)
            {
                if (background is not null)
                {
                    background.Drain();
                    WriteDebug(Format(BackgroundMessage, backgroundCount, backgroundType!.Name));
                }

                file.Complete();
                WriteVerbose(Format(WroteMessage, file.RecordCount, file.Path));
            }
            else if (options!.Layout != JsonLayout.Lines)
            {
                text!.Complete();
                WriteObject(TakeText());
            }
        }
        catch (Exception ex) when (IsExportFailure(ex))
        {
            Stop(ex);
        }
    }

    /// <inheritdoc/>
    protected override void StopProcessing()
    {
        cancellation.Cancel();
        background?.Cancel();
    }

    /// <summary>
    /// Lets Export-Json write the records of <paramref name="recordType"/> to its file on a second thread while the
    /// pipeline makes the next ones. Called by the command right before Export-Json in the pipeline, when that
    /// command makes those records itself and hands each one to Export-Json only, so that nothing can change a
    /// record before it is written: records of a plain .NET type that came from elsewhere may be changed after they
    /// passed, and are written as they arrive. Does nothing without -Path, with one processor, or where PowerShell
    /// cannot tell cheaply that no members were added to a record.
    /// </summary>
    /// <param name="recordType">The type of the records, which has no members that need the runspace.</param>
    internal void WriteInBackground(Type recordType)
    {
        if (file is null || background is not null || Environment.ProcessorCount < 2
            || !PSObjectJsonInspector.CanCheckAddedMembers)
        {
            return;
        }

        backgroundType = recordType;
        background = new JsonBackgroundWriter(file.Write, BackgroundBatch, BackgroundBatches);
    }

    private void Export(object? record)
    {
        try
        {
            if (file is not null)
            {
                if (background is { } writer)
                {
                    // A record with added members may have script properties, which need this thread.
                    if (record is PSObject wrapper && wrapper.BaseObject.GetType() == backgroundType
                        && !PSObjectJsonInspector.HasAddedMembers(wrapper))
                    {
                        writer.Add(record);
                        backgroundCount++;
                        return;
                    }

                    writer.Drain();
                }

                file.Write(record);
                return;
            }

            text!.Write(record);
            if (options!.Layout == JsonLayout.Lines)
            {
                text.Flush();
                WriteObject(TakeText());
            }
        }
        catch (Exception ex) when (IsExportFailure(ex))
        {
            Stop(ex);
        }
    }

    private static bool IsExportFailure(Exception exception) => exception is JsonExportException
        or OperationCanceledException or IOException or UnauthorizedAccessException;

    /// <summary>
    /// Stops the command for a failed record or file: a terminating error with the failure's id, or a stopped
    /// pipeline after Ctrl+C. Failures of records written on the second thread arrive here too, with the next
    /// record or at the end.
    /// </summary>
    private void Stop(Exception exception)
    {
        if (exception is JsonExportException export)
        {
            ThrowTerminatingError(new ErrorRecord(export, export.Kind.ToString(), ErrorCategory.InvalidData,
                export.Value));
        }

        if (exception is OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }

        ThrowTerminatingError(FileError(exception));
    }

    private string TakeText()
    {
        var json = Encoding.UTF8.GetString(textBuffer!.GetBuffer(), 0, (int)textBuffer.Length).TrimEnd('\n');
        textBuffer.SetLength(0);
        return json;
    }

    private static string Format(string format, params object?[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, format, arguments);

    private ErrorRecord FileError(Exception exception) =>
        JsonFileTarget.ToErrorRecord(exception, file?.Path ?? fullPath);
}

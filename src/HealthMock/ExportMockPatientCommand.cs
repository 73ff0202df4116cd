using System;
using System.IO;
using System.Management.Automation;
using System.Threading;
using HealthMock.Generation;
using HealthMock.Json;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Generates mock patients straight into a JSON file, the fastest way to make millions.</para>
/// <para type="description">
/// Export-MockPatient makes the patients New-MockPatient makes, with the same parameters, and writes them to a
/// JSON file without sending them down the pipeline. The file holds the same bytes as
/// New-MockPatient | Export-Json with the same options: an indented JSON array by default, JSON Lines with
/// -AsLines, no indentation with -Compress.
/// </para>
/// <para type="description">
/// Every object that crosses the pipeline costs PowerShell about half the time it takes to make a patient, on the
/// thread that also writes the file, so for the largest runs this command is a quarter to a half faster than the
/// pipeline on two cores; memory stays flat at any count. Use New-MockPatient when the records should be
/// filtered or reshaped on their way to the file.
/// </para>
/// <para type="description">
/// The file appears only when every record was written: a failure or Ctrl+C leaves an earlier file untouched.
/// Nothing is written to the pipeline unless -PassThru asks for the file.
/// </para>
/// <example title="Write ten million patients">
///   <code>Export-MockPatient -Count 10000000 -Seed 1 -Path patients.json</code>
///   <para>Writes ten million patients made from seed 1 to patients.json in the current folder, as one JSON
///   array, showing progress on the way.</para>
/// </example>
/// <example title="Write JSON Lines and get the file">
///   <code>Export-MockPatient -Count 1000 -Seed 7 -MinAge 65 -Path seniors.jsonl -AsLines -Force -PassThru</code>
///   <para>Writes a thousand patients aged 65 or more as JSON Lines, replacing seniors.jsonl if it exists, and
///   returns the file.</para>
/// </example>
/// </summary>
/// <seealso cref="NewMockPatientCommand"/>
/// <seealso cref="ExportJsonCommand"/>
/// <para type="link">about_HealthMock</para>
[Cmdlet(VerbsData.Export, "MockPatient", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class ExportMockPatientCommand : PatientOptionsCommand, IDisposable
{
    private const int ProgressId = 10;

    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>
    /// <para type="description">The JSON file to write, relative to the current location. Its folder must
    /// exist.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>
    /// <para type="description">How many patients to generate.</para>
    /// </summary>
    [Parameter(Position = 1)]
    [ValidateRange(0, long.MaxValue)]
    public long Count { get; set; } = 1;

    /// <summary>
    /// <para type="description">How property names are written: SnakeCase (the default), CamelCase or
    /// AsIs.</para>
    /// </summary>
    [Parameter]
    public NamingPolicy NamingPolicy { get; set; } = NamingPolicy.SnakeCase;

    /// <summary>
    /// <para type="description">Writes JSON Lines: one compact JSON object per line.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter AsLines { get; set; }

    /// <summary>
    /// <para type="description">Writes compact JSON without indentation.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Compress { get; set; }

    /// <summary>
    /// <para type="description">Replaces the file if it exists.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>
    /// <para type="description">Returns the file written.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>
    /// Releases the cancellation source.
    /// </summary>
    public void Dispose() => _cancellation.Dispose();

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var fullPath = JsonFileTarget.Resolve(this, Path, Force);
        if (!ShouldProcess(fullPath, $"Write {Count} mock patient(s) as JSON"))
        {
            return;
        }

        var generator = CreateGenerator(out var options);
        var seed = options.Seed;
        WriteVerbose((Seed.HasValue ? $"Seed {seed}" : $"Seed {seed} (drawn: pass -Seed {seed} to repeat this run)")
            + $", reference date {options.ReferenceDate:yyyy-MM-dd}, {Count} patient(s) from record {StartIndex}.");
        WarnOfRepeatedIdentities(generator, Count);

        var json = new JsonExportOptions
        {
            NamingPolicy = NamingPolicy,
            Indented = !Compress,
            Layout = AsLines ? JsonLayout.Lines : JsonLayout.Array,
            CancellationToken = _cancellation.Token,
        };
        try
        {
            using var file = JsonFileWriter.Create(fullPath, json, overwrite: Force);
            Write(generator, file);
            WriteVerbose($"Wrote {file.RecordCount} patient(s) to '{file.Path}'.");
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            ThrowTerminatingError(JsonFileTarget.ToErrorRecord(e, fullPath));
        }

        if (PassThru)
        {
            // Through the provider, so the file carries the members Get-Item gives it (mode, owner, size).
            WriteObject(InvokeProvider.Item.Get(new[] { fullPath }, true, true), true);
        }
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _cancellation.Cancel();

    private void Write(PatientGenerator generator, JsonFileWriter file)
    {
        var progress = new ProgressThrottle(this, ProgressId, "Export-MockPatient", "patients", Count);
        using var background = StartBackground(generator, Count);
        using var stop = _cancellation.Token.Register(() => background?.Cancel());
        for (var done = 0L; done < Count; done++)
        {
            Patient? patient;
            if (background is null)
            {
                patient = generator.Generate(StartIndex + done);
            }
            else if (!background.TryTake(out patient))
            {
                _cancellation.Token.ThrowIfCancellationRequested();
                break;
            }

            file.Write(patient);
            progress.Report(done + 1);
        }

        file.Complete();
        progress.Complete();
    }
}

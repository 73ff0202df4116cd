using System;
using System.IO;
using System.Management.Automation;
using System.Threading;
using HealthMock.Generation;
using HealthMock.Json;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Writes a dataset to a folder in the benchmark layout, with a manifest.</para>
/// <para type="description">
/// Export-MockDataset takes a dataset object, such as the output of New-MockDataset, and writes users.json,
/// providers.json, appointments.json and insurance.json (each one JSON object keyed by id, or by policy number for
/// insurance) and manifest.json (seed, reference date, module version, record counts and a SHA-256 hash per file).
/// users.json keeps the field names of the benchmark's users beside the richer ones. The folder is created when
/// its parent exists. All five files appear together: after an error or Ctrl+C none of the new files is left and
/// the folder's earlier contents are kept. Dataset files already in the folder are replaced only with -Force.
/// </para>
/// <para type="description">
/// The verbose stream lists each file written; datasets of 10,000 records or more show progress once they have run a
/// second with two more to go. -WhatIf shows the folder that would be written without writing it.
/// </para>
/// <example title="Write a dataset in the benchmark layout">
///   <code>New-MockDataset -PatientCount 100 -ProviderCount 10 -Seed 1 | Export-MockDataset -Path ./clinic
/// Get-ChildItem ./clinic</code>
///   <para>Writes users.json, providers.json, appointments.json, insurance.json and manifest.json into
///   ./clinic, creating the folder.</para>
/// </example>
/// <example title="Replace a dataset and see its manifest">
///   <code>New-MockDataset -PatientCount 20 -ProviderCount 4 -Seed 2 | Export-MockDataset ./clinic
/// New-MockDataset -PatientCount 50 -ProviderCount 6 -Seed 3 | Export-MockDataset ./clinic -Force -PassThru</code>
///   <para>Writes a dataset, then replaces it with a larger one and shows the manifest written: seed, reference
///   date, module version and record counts. Without -Force the second command stops with a DatasetExists
///   error.</para>
/// </example>
/// <example title="Change a dataset before writing it">
///   <code>$clinic = New-MockDataset -PatientCount 30 -ProviderCount 5 -Seed 4
/// $clinic.Appointments.RemoveAll({ param($a) $a.Status -eq 'NoShow' }) | Out-Null
/// $clinic | Export-MockDataset ./clinic-without-no-shows</code>
///   <para>Removes the no-show appointments from a generated dataset and writes the rest.</para>
/// </example>
/// </summary>
/// <seealso cref="NewMockDatasetCommand"/>
/// <seealso cref="ImportMockDatasetCommand"/>
/// <seealso cref="TestMockDatasetCommand"/>
/// <seealso cref="ExportJsonCommand"/>
/// <para type="link">about_HealthMock</para>
[Cmdlet(VerbsData.Export, "MockDataset", SupportsShouldProcess = true)]
[OutputType(typeof(DatasetManifest))]
public sealed class ExportMockDatasetCommand : PSCmdlet, IDisposable
{
    private const int ProgressId = 6;

    private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

    /// <summary>
    /// <para type="description">The dataset to write. Pipe it in from New-MockDataset or
    /// Import-MockDataset.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    public MockDataset? Dataset { get; set; }

    /// <summary>
    /// <para type="description">The folder to write, relative to the current location. Its parent folder must
    /// exist.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>
    /// <para type="description">Replaces dataset files already in the folder. Other files are kept.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>
    /// <para type="description">Returns the manifest written: seed, reference date, module version, counts and
    /// hashes.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose() => _cancellation.Dispose();

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var folder = ImportMockDatasetCommand.ResolveFolder(this, Path);
        if (folder is null)
        {
            return;
        }

        try
        {
            folder = DatasetWriter.CheckTarget(folder, Force);
        }
        catch (DatasetFileException e)
        {
            ThrowTerminatingError(ImportMockDatasetCommand.ToErrorRecord(e));
        }

        var action = "Write " + string.Join(", ", DatasetFiles.All) + $" ({Dataset!})";
        if (!ShouldProcess(folder, action))
        {
            return;
        }

        var dataset = Dataset!;
        ProgressThrottle? progress = null;
        var what = "";
        var writer = new DatasetWriter
        {
            Progress = (name, done, total) =>
            {
                what = name;
                progress ??= new ProgressThrottle(this, ProgressId, "Export-MockDataset", "records", total,
                    count => what == DatasetWriter.PatientsProgress
                        ? $"Writing each patient with its policies and appointments: {count:N0} of {total:N0} "
                            + "providers and patients"
                        : $"Writing {what}: {count:N0} of {total:N0} records");
                progress.Report(done);
            },
        };
        WriteDebug($"Writing {dataset} into a staging folder inside '{folder}', then moving the files in.");
        DatasetManifest manifest;
        try
        {
            manifest = writer.Write(dataset, folder, Force, _cancellation.Token);
        }
        catch (DatasetFileException e)
        {
            ThrowTerminatingError(ImportMockDatasetCommand.ToErrorRecord(e));
            throw;
        }
        catch (RecordException e)
        {
            // Only a dataset written as it is made meets its records' errors here, such as NoFreeSlot.
            ThrowTerminatingError(new ErrorRecord(e, e.ErrorId, ErrorCategory.LimitsExceeded, e.Target));
            throw;
        }
        catch (JsonExportException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, e.Kind.ToString(), ErrorCategory.InvalidData, e.Value));
            throw;
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var id = e is UnauthorizedAccessException ? "AccessDenied" : "WriteFailed";
            var error = new IOException($"Cannot write the dataset to '{folder}': {e.Message}", e);
            ThrowTerminatingError(new ErrorRecord(error, id, ErrorCategory.WriteError, folder));
            throw;
        }

        progress?.Complete();
        foreach (var name in DatasetFiles.All)
        {
            var count = manifest.Counts.TryGetValue(name, out var records) ? $" ({records} records)" : "";
            WriteVerbose($"Saved '{System.IO.Path.Combine(folder, name)}'{count}.");
        }

        WriteVerbose($"Wrote {DatasetSummary(manifest)} (seed {manifest.Seed}) to '{folder}'.");
        if (PassThru)
        {
            WriteObject(manifest);
        }
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _cancellation.Cancel();

    private static string DatasetSummary(DatasetManifest manifest)
    {
        long Count(string file) => manifest.Counts.TryGetValue(file, out var count) ? count : 0;
        return $"{Count(DatasetFiles.Users)} patients, {Count(DatasetFiles.Providers)} providers, "
            + $"{Count(DatasetFiles.Insurance)} policies, {Count(DatasetFiles.Appointments)} appointments";
    }
}

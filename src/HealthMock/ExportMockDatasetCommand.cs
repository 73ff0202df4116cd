using System;
using System.IO;
using System.Management.Automation;
using System.Threading;
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
/// </summary>
[Cmdlet(VerbsData.Export, "MockDataset", SupportsShouldProcess = true)]
[OutputType(typeof(DatasetManifest))]
public sealed class ExportMockDatasetCommand : PSCmdlet, IDisposable
{
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

        DatasetManifest manifest;
        try
        {
            manifest = new DatasetWriter().Write(Dataset!, folder, Force, _cancellation.Token);
        }
        catch (DatasetFileException e)
        {
            ThrowTerminatingError(ImportMockDatasetCommand.ToErrorRecord(e));
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

        WriteVerbose($"Wrote {Dataset} to '{folder}'.");
        if (PassThru)
        {
            WriteObject(manifest);
        }
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _cancellation.Cancel();
}

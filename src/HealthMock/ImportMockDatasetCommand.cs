using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Threading;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Reads a dataset folder written by Export-MockDataset back into a dataset object.</para>
/// <para type="description">
/// Import-MockDataset reads users.json, providers.json, appointments.json, insurance.json and manifest.json from a
/// folder and returns one HealthMock.MockDataset with the patients, providers, policies and appointments, and the
/// seed, reference date and module version from the manifest. Exporting the result again gives the same bytes.
/// The data files are read one record at a time. A missing file, malformed JSON (with its line) or a field of the
/// wrong type (with its record and field) is reported as an error; a file changed after export is a warning.
/// </para>
/// </summary>
[Cmdlet(VerbsData.Import, "MockDataset")]
[OutputType(typeof(MockDataset))]
public sealed class ImportMockDatasetCommand : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

    /// <summary>
    /// <para type="description">The dataset folder, relative to the current location.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose() => _cancellation.Dispose();

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var dataset = Read(this, Path, _cancellation.Token);
        if (dataset is not null)
        {
            WriteObject(dataset);
        }
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _cancellation.Cancel();

    /// <summary>
    /// Reads the dataset folder at <paramref name="path"/> for <paramref name="cmdlet"/>, writing verbose counts and
    /// a warning per manifest mismatch; on failure writes a non-terminating error and returns null.
    /// </summary>
    internal static MockDataset? Read(PSCmdlet cmdlet, string path, CancellationToken cancellation)
    {
        var folder = ResolveFolder(cmdlet, path);
        if (folder is null)
        {
            return null;
        }

        var reader = new DatasetReader();
        MockDataset dataset;
        try
        {
            cmdlet.WriteVerbose($"Reading the dataset in '{folder}'.");
            dataset = reader.Read(folder, cancellation);
        }
        catch (DatasetFileException e)
        {
            cmdlet.WriteError(ToErrorRecord(e));
            return null;
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            cmdlet.WriteError(new ErrorRecord(e, e is UnauthorizedAccessException ? "AccessDenied" : "ReadFailed",
                ErrorCategory.ReadError, folder));
            return null;
        }

        foreach (var mismatch in reader.ManifestMismatches)
        {
            cmdlet.WriteWarning(mismatch);
        }

        cmdlet.WriteVerbose($"Read {dataset.Patients.Count} patients, {dataset.Providers.Count} providers, "
            + $"{dataset.Policies.Count} policies and {dataset.Appointments.Count} appointments (seed {dataset.Seed}, "
            + $"reference date {Day(dataset.ReferenceDate)}) from '{folder}'.");
        return dataset;
    }

    /// <summary>
    /// Turns a dataset folder error into an error record whose id is the error kind, such as DatasetFileMissing,
    /// with the path at fault as its target.
    /// </summary>
    internal static ErrorRecord ToErrorRecord(DatasetFileException error)
    {
        var category = error.Kind switch
        {
            DatasetFileErrorKind.DatasetExists => ErrorCategory.ResourceExists,
            DatasetFileErrorKind.DirectoryNotFound => ErrorCategory.ObjectNotFound,
            DatasetFileErrorKind.DatasetFileMissing => ErrorCategory.ObjectNotFound,
            _ => ErrorCategory.InvalidData,
        };
        return new ErrorRecord(error, error.Kind.ToString(), category, error.Path);
    }

    /// <summary>
    /// Resolves a PowerShell path to a file-system path, writing a NotFileSystemPath error and returning null for
    /// a path in another provider.
    /// </summary>
    internal static string? ResolveFolder(PSCmdlet cmdlet, string path)
    {
        var resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
        if (provider.Name == "FileSystem")
        {
            return resolved;
        }

        var message =
            $"The path '{path}' belongs to the {provider.Name} provider; expected a folder in the file system.";
        cmdlet.WriteError(new ErrorRecord(new ArgumentException(message), "NotFileSystemPath",
            ErrorCategory.InvalidArgument, path));
        return null;
    }

    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

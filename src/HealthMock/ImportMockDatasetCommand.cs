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
/// <para type="description">
/// Folders can be piped in as paths or as folder objects from Get-Item or Get-ChildItem (their FullName binds to
/// -Path), one dataset per folder. The verbose stream gives the counts, seed and reference date read; datasets of
/// 10,000 records or more show progress once they have run a second with two more to go.
/// </para>
/// <example title="Read a dataset folder">
///   <code>New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 1 | Export-MockDataset ./clinic
/// $clinic = Import-MockDataset ./clinic
/// $clinic.Patients | Where-Object Age -ge 65 | Format-Table</code>
///   <para>Writes a dataset folder, reads it back and shows its patients aged 65 or more.</para>
/// </example>
/// <example title="Read every dataset folder under a folder">
///   <code>New-Item -ItemType Directory ./runs | Out-Null
/// foreach ($seed in 1..3) {
///     New-MockDataset -PatientCount 10 -ProviderCount 3 -Seed $seed | Export-MockDataset "./runs/seed$seed"
/// }
/// Get-ChildItem ./runs -Directory | Import-MockDataset | Format-Table</code>
///   <para>Writes three datasets, then reads every folder in the runs folder, one dataset object per folder, and
///   lists their seeds and counts.</para>
/// </example>
/// </summary>
/// <seealso cref="ExportMockDatasetCommand"/>
/// <seealso cref="TestMockDatasetCommand"/>
/// <seealso cref="NewMockDatasetCommand"/>
/// <para type="link">about_HealthMock</para>
[Cmdlet(VerbsData.Import, "MockDataset")]
[OutputType(typeof(MockDataset))]
public sealed class ImportMockDatasetCommand : PSCmdlet, IDisposable
{
    private const int ProgressId = 7;

    private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

    /// <summary>
    /// <para type="description">The dataset folder, relative to the current location. Folder objects from
    /// Get-Item or Get-ChildItem bind by their FullName.</para>
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
        var dataset = Read(this, Path, ProgressId, _cancellation.Token);
        if (dataset is not null)
        {
            WriteObject(dataset);
        }
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _cancellation.Cancel();

    /// <summary>
    /// Reads the dataset folder at <paramref name="path"/> for <paramref name="cmdlet"/>, writing verbose counts,
    /// progress under <paramref name="progressId"/> for large folders and a warning per manifest mismatch; on
    /// failure writes a non-terminating error and returns null.
    /// </summary>
    internal static MockDataset? Read(PSCmdlet cmdlet, string path, int progressId, CancellationToken cancellation)
    {
        var folder = ResolveFolder(cmdlet, path);
        if (folder is null)
        {
            return null;
        }

        ProgressThrottle? progress = null;
        var file = DatasetFiles.Users;
        var reader = new DatasetReader
        {
            Progress = (name, done, total) =>
            {
                file = name;
                progress ??= new ProgressThrottle(cmdlet, progressId, "Reading " + folder, "records", total,
                    read => $"Reading {file}: {read:N0} of {total:N0} records");
                progress.Report(done);
            },
        };
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

        finally
        {
            progress?.Complete();
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

using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using HealthMock.Api;

namespace HealthMock.Commands;

/// <summary>
/// What the front-desk cmdlets share: opening the front desk over a dataset folder (-Path) or a dataset object
/// (-Dataset) with the session's seeds, and turning a refusal into an error record whose id is the refusal's code.
/// </summary>
/// <remarks>
/// A cmdlet that derives from this class gets the front desk opened in <see cref="BeginProcessing"/> and the ways to
/// write what a call returns or refuses. It declares -Path and -Dataset itself, by overriding the abstract
/// properties: each cmdlet has its own parameter sets and descriptions for them (help reads a description from the
/// class that declares the property), and PowerShell lists inherited parameters after a cmdlet's own, which would
/// reorder its syntax, its tab completion and its missing-parameter messages. The static members serve front-desk
/// cmdlets that derive from <see cref="PSCmdlet"/> directly.
/// </remarks>
public abstract class FrontDeskCommand : PSCmdlet
{
    private FrontDeskService? _service;

    /// <summary>The dataset folder (-Path), or null when the dataset is given as an object.</summary>
    public abstract string? Path { get; set; }

    /// <summary>The dataset object (-Dataset), or null when the dataset is given as a folder.</summary>
    public abstract MockDataset? Dataset { get; set; }

    /// <summary>The front desk over the dataset, opened in <see cref="BeginProcessing"/>.</summary>
    private protected FrontDeskService Service =>
        _service ?? throw new InvalidOperationException("The front desk is opened in BeginProcessing.");

    /// <summary>
    /// Opens the front desk for <paramref name="cmdlet"/>: over <paramref name="dataset"/> when given, else over
    /// the dataset folder at the PowerShell path <paramref name="path"/>. A folder that cannot be read stops the
    /// command with the dataset file error (DirectoryNotFound, DatasetFileMissing, ...).
    /// </summary>
    internal static FrontDeskService Open(PSCmdlet cmdlet, string? path, MockDataset? dataset)
    {
        var options = new FrontDeskOptions { Seeds = ActiveSeeds.Resolve(cmdlet, null) };
        if (dataset is not null)
        {
            return new FrontDeskService(dataset, options);
        }

        var folder = ResolveFolder(cmdlet, path ?? "");
        try
        {
            var service = FrontDeskService.Open(folder, options);
            var summary = service.Summarize();
            cmdlet.WriteVerbose($"Opened the dataset in '{folder}': {summary.Patients} patients, {summary.Providers} "
                + $"providers, {summary.Appointments} appointments, reference date "
                + $"{summary.ReferenceDate:yyyy-MM-dd}.");
            return service;
        }
        catch (DatasetFileException e)
        {
            cmdlet.ThrowTerminatingError(ImportMockDatasetCommand.ToErrorRecord(e));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(e, e is UnauthorizedAccessException ? "AccessDenied"
                : "ReadFailed", ErrorCategory.ReadError, folder));
        }

        throw new InvalidOperationException("ThrowTerminatingError returned.");
    }

    /// <summary>
    /// Runs a front-desk call for one input and returns true with its result, or writes the refusal as a
    /// non-terminating error and returns false.
    /// </summary>
    internal static bool TryRun<T>(PSCmdlet cmdlet, Func<T> call, out T result)
    {
        try
        {
            result = call();
            return true;
        }
        catch (FrontDeskException e)
        {
            cmdlet.WriteError(ToErrorRecord(e));
            result = default!;
            return false;
        }
    }

    /// <summary>
    /// Turns a refusal into an error record: the id is the code's name (such as SlotUnavailable), the target the
    /// value refused, and the category follows the code.
    /// </summary>
    internal static ErrorRecord ToErrorRecord(FrontDeskException error)
    {
        var category = error.Code switch
        {
            FrontDeskErrorCode.NotFound => ErrorCategory.ObjectNotFound,
            FrontDeskErrorCode.InvalidArgument or FrontDeskErrorCode.InvalidReason => ErrorCategory.InvalidArgument,
            FrontDeskErrorCode.AmbiguousMatch => ErrorCategory.InvalidResult,
            FrontDeskErrorCode.SlotUnavailable or FrontDeskErrorCode.ProviderDoubleBooked
                or FrontDeskErrorCode.PatientDoubleBooked => ErrorCategory.ResourceUnavailable,
            FrontDeskErrorCode.RuleViolation => ErrorCategory.InvalidData,
            FrontDeskErrorCode.DatasetBusy => ErrorCategory.ResourceBusy,
            FrontDeskErrorCode.StorageFailed => ErrorCategory.WriteError,
            _ => ErrorCategory.InvalidOperation,
        };
        return new ErrorRecord(error, error.Code.ToString(), category, error.Target);
    }

    /// <summary>
    /// Resolves a PowerShell path to a file-system folder, stopping the command with NotFileSystemPath for a path
    /// in another provider.
    /// </summary>
    internal static string ResolveFolder(PSCmdlet cmdlet, string path)
    {
        var resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
        if (provider.Name != "FileSystem")
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(new ArgumentException(
                $"The path '{path}' belongs to the {provider.Name} provider; expected a dataset folder in the file "
                + "system."), "NotFileSystemPath", ErrorCategory.InvalidArgument, path));
        }

        return resolved;
    }

    /// <inheritdoc />
    protected override void BeginProcessing() => _service = Open(this, Path, Dataset);

    /// <summary>
    /// Runs a front-desk call and returns true with its result, or writes the refusal as a non-terminating error
    /// and returns false, so the cmdlet goes on with its next input.
    /// </summary>
    private protected bool TryCall<T>(Func<FrontDeskService, T> call, out T result) =>
        TryRun(this, () => call(Service), out result);

    /// <summary>Writes what a front-desk call returns, or its refusal as a non-terminating error.</summary>
    private protected void WriteResult<T>(Func<FrontDeskService, T> call)
    {
        if (TryCall(call, out var result))
        {
            WriteObject(result);
        }
    }

    /// <summary>
    /// Writes the items of the list a front-desk call returns one by one, or its refusal as a non-terminating
    /// error.
    /// </summary>
    private protected void WriteList<T>(Func<FrontDeskService, IReadOnlyList<T>> call)
    {
        if (TryCall(call, out var list))
        {
            WriteObject(list, enumerateCollection: true);
        }
    }

    /// <summary>
    /// Looks up each key, such as a patient id, and writes what is found. A key the front desk refuses is a
    /// non-terminating error and the keys after it are still looked up; null keys (a parameter of another set)
    /// write nothing.
    /// </summary>
    private protected void WriteEach<T>(IEnumerable<string>? keys, Func<FrontDeskService, string, T> lookup)
    {
        foreach (var key in keys ?? Array.Empty<string>())
        {
            WriteResult(service => lookup(service, key));
        }
    }

    /// <summary>
    /// Changes each appointment that ShouldProcess lets through: runs <paramref name="change"/>, says what it did
    /// in a verbose line made by <paramref name="describe"/> from the id and the appointment the change returns,
    /// and writes that appointment with -PassThru. A refused change is a non-terminating error and the next
    /// appointment is still changed.
    /// </summary>
    private protected void ChangeEach(IEnumerable<string> appointmentIds, string action,
        Func<FrontDeskService, string, Appointment> change, Func<string, Appointment, string> describe,
        bool passThru)
    {
        foreach (var id in appointmentIds)
        {
            if (!ShouldProcess($"Appointment {id}", action))
            {
                continue;
            }

            if (TryCall(service => change(service, id), out var appointment))
            {
                WriteVerbose(describe(id, appointment));
                if (passThru)
                {
                    WriteObject(appointment);
                }
            }
        }
    }
}

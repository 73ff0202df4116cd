using System;
using System.IO;
using System.Management.Automation;
using HealthMock.Api;

namespace HealthMock.Commands;

/// <summary>
/// What the front-desk cmdlets share: opening the front desk over a dataset folder (-Path) or a dataset object
/// (-Dataset) with the session's seeds, and turning a refusal into an error record whose id is the refusal's code.
/// </summary>
internal static class FrontDeskCommand
{
    /// <summary>
    /// Opens the front desk for <paramref name="cmdlet"/>: over <paramref name="dataset"/> when given, else over
    /// the dataset folder at the PowerShell path <paramref name="path"/>. A folder that cannot be read stops the
    /// command with the dataset file error (DirectoryNotFound, DatasetFileMissing, ...).
    /// </summary>
    public static FrontDeskService Open(PSCmdlet cmdlet, string? path, MockDataset? dataset)
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
    public static bool TryRun<T>(PSCmdlet cmdlet, Func<T> call, out T result)
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
    public static ErrorRecord ToErrorRecord(FrontDeskException error)
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
    public static string ResolveFolder(PSCmdlet cmdlet, string path)
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
}

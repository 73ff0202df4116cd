using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using HealthMock.Seeds;

namespace HealthMock.Commands;

/// <summary>
/// The seeds folder in effect in each PowerShell session (runspace), set by Set-MockSeedPath, and the seed catalog
/// a command or an argument completer uses: the command's -SeedPath, else the session's folder, else the seeds
/// embedded in the module. Catalogs are cached per folder by <see cref="SeedCatalogCache"/>.
/// </summary>
internal static class ActiveSeeds
{
    private static readonly ConditionalWeakTable<Runspace, FolderSetting> Settings =
        new ConditionalWeakTable<Runspace, FolderSetting>();

    // Used where no runspace is current, such as a host that calls the cmdlets' classes directly.
    private static readonly FolderSetting NoRunspace = new FolderSetting();

    /// <summary>
    /// The full path of the current session's seeds folder, or null when the session uses the embedded seeds.
    /// </summary>
    public static string? SessionFolder
    {
        get => Current.Folder;
        set => Current.Folder = value;
    }

    private static FolderSetting Current
    {
        get
        {
            var runspace = Runspace.DefaultRunspace;
            return runspace is null ? NoRunspace : Settings.GetValue(runspace, _ => new FolderSetting());
        }
    }

    /// <summary>
    /// Returns the catalog <paramref name="cmdlet"/> should use: that of <paramref name="seedPath"/> (a PowerShell
    /// path) when given, else of the session's folder, else the embedded one. A seeds folder in use is written to
    /// the verbose stream, and whether its catalog came from the cache to the debug stream. A missing folder or a
    /// malformed seeds file stops the command with a SeedPathNotFound or InvalidSeeds error naming the folder,
    /// file and field.
    /// </summary>
    public static SeedCatalog Resolve(PSCmdlet cmdlet, string? seedPath)
    {
        var folder = seedPath is null ? SessionFolder : ResolveFolder(cmdlet, seedPath);
        var catalog = Load(cmdlet, folder);
        if (catalog.Folder is not null)
        {
            var files = catalog.FolderFiles.Count == 0
                ? "none of the seeds files"
                : string.Join(", ", catalog.FolderFiles);
            cmdlet.WriteVerbose($"Seeds: the folder '{catalog.Folder}' ({files}; the embedded seeds for the rest).");
            WarnOfUnknownFiles(cmdlet, catalog);
        }
        else
        {
            cmdlet.WriteDebug("Seeds: the seeds embedded in the module.");
        }

        return catalog;
    }

    /// <summary>
    /// Warns of JSON files in the seeds folder of <paramref name="catalog"/> that it did not read, such as a
    /// misspelt payer.json, for which the embedded seeds stand in unnoticed otherwise.
    /// </summary>
    public static void WarnOfUnknownFiles(PSCmdlet cmdlet, SeedCatalog catalog)
    {
        if (catalog.Folder is not { } folder)
        {
            return;
        }

        string[] unknown;
        try
        {
            // Compared without case: on a file system that ignores case, Payers.json is what was read as payers.json.
            unknown = Directory.GetFiles(folder, "*.json")
                .Select(Path.GetFileName)
                .Where(name => !catalog.FolderFiles.Contains(name, StringComparer.OrdinalIgnoreCase))
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToArray()!;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var name in unknown)
        {
            cmdlet.WriteWarning($"The seeds folder '{folder}' holds '{name}', which is not a seeds file and is not "
                + $"read; the seeds files are {string.Join(", ", SeedCatalog.FileNames)}.");
        }
    }

    /// <summary>
    /// Loads the catalog of <paramref name="folder"/> (a full path, or null for the embedded seeds) for
    /// <paramref name="cmdlet"/>, stopping it with a SeedPathNotFound, InvalidSeeds or SeedsUnreadable error.
    /// </summary>
    public static SeedCatalog Load(PSCmdlet cmdlet, string? folder)
    {
        try
        {
            var catalog = SeedCatalogCache.Get(folder, out var loaded);
            if (folder is not null)
            {
                cmdlet.WriteDebug(loaded
                    ? $"Read and checked the seeds files of '{folder}'."
                    : $"Took the seeds of '{folder}' from the cache: no seeds file changed since they were read.");
            }

            return catalog;
        }
        catch (DirectoryNotFoundException e)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(e, "SeedPathNotFound", ErrorCategory.ObjectNotFound, folder));
            throw;
        }
        catch (SeedFormatException e)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(e, "InvalidSeeds", ErrorCategory.InvalidData, e.File));
            throw;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var error = new IOException($"Cannot read the seeds folder '{folder}': {e.Message}", e);
            cmdlet.ThrowTerminatingError(new ErrorRecord(error, "SeedsUnreadable", ErrorCategory.ReadError, folder));
            throw;
        }
    }

    /// <summary>
    /// Turns a PowerShell path into a full file-system path, stopping <paramref name="cmdlet"/> with a
    /// NotFileSystemPath error for a path in another provider.
    /// </summary>
    public static string ResolveFolder(PSCmdlet cmdlet, string path)
    {
        var resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
        if (provider.Name != "FileSystem")
        {
            var message = $"The seeds path '{path}' belongs to the {provider.Name} provider; expected a folder in the "
                + "file system.";
            cmdlet.ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), "NotFileSystemPath",
                ErrorCategory.InvalidArgument, path));
        }

        return Path.GetFullPath(resolved);
    }

    /// <summary>
    /// Returns the catalog an argument completer should offer values from: that of the -SeedPath already typed on
    /// the command line, else the session's. Returns null, so nothing is offered, when the seeds cannot be read;
    /// completion never fails.
    /// </summary>
    public static SeedCatalog? ForCompletion(IDictionary? fakeBoundParameters)
    {
        try
        {
            var folder = SessionFolder;
            if (fakeBoundParameters?["SeedPath"] is string typed && typed.Length > 0)
            {
                folder = Path.IsPathRooted(typed) ? typed : Path.Combine(CurrentLocation(), typed);
            }

            return SeedCatalogCache.Get(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SeedFormatException
            or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The session's current file-system location, asked of the runspace the completer runs in.</summary>
    private static string CurrentLocation()
    {
        if (Runspace.DefaultRunspace is null)
        {
            return Directory.GetCurrentDirectory();
        }

        using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
        var location = shell.AddCommand(@"Microsoft.PowerShell.Management\Get-Location")
            .AddParameter("PSProvider", "FileSystem")
            .Invoke<PathInfo>();
        return location.Count > 0 ? location[0].ProviderPath : Directory.GetCurrentDirectory();
    }

    private sealed class FolderSetting
    {
        public string? Folder { get; set; }
    }
}

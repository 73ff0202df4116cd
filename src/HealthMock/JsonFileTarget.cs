using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;

namespace HealthMock.Commands;

/// <summary>
/// Resolves and checks the file a cmdlet writes JSON to, and turns file errors into error records with stable ids,
/// for Export-Json and Export-MockPatient alike.
/// </summary>
internal static class JsonFileTarget
{
    private const string NotFileSystemMessage =
        "The path '{0}' belongs to the {1} provider. Expected a path in the file system.";

    private const string DirectoryNotFoundMessage =
        "Cannot export JSON to '{0}' because the folder '{1}' does not exist. "
        + "Expected an existing folder; create it first, for example with New-Item -ItemType Directory.";

    private const string PathIsDirectoryMessage =
        "Cannot export JSON to '{0}' because it is a folder. Expected the path of a file, such as '{1}'.";

    private const string FileExistsMessage =
        "The file '{0}' already exists. Use -Force to replace it, or choose another path.";

    private const string AccessDeniedMessage =
        "Cannot write '{0}': access is denied. Expected a file in a folder you have permission to write to.";

    private const string InvalidPathMessage = "Cannot write '{0}' because the path is not valid: {1}";

    private const string WriteFailedMessage = "Cannot write '{0}': {1}";

    /// <summary>
    /// Returns the full file system path of <paramref name="path"/>, relative to the current location, or stops
    /// the cmdlet: NotFileSystemPath, PathIsDirectory, DirectoryNotFound, or FileExists unless
    /// <paramref name="force"/> allows replacing the file.
    /// </summary>
    public static string Resolve(PSCmdlet cmdlet, string path, bool force)
    {
        var resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
        if (provider.Name != "FileSystem")
        {
            var message = Format(NotFileSystemMessage, path, provider.Name);
            cmdlet.ThrowTerminatingError(new ErrorRecord(
                new ArgumentException(message), "NotFileSystemPath", ErrorCategory.InvalidArgument, path));
        }

        if (Directory.Exists(resolved))
        {
            var example = Path.Combine(resolved, "data.json");
            var message = Format(PathIsDirectoryMessage, resolved, example);
            cmdlet.ThrowTerminatingError(new ErrorRecord(
                new IOException(message), "PathIsDirectory", ErrorCategory.InvalidArgument, resolved));
        }

        var folder = Path.GetDirectoryName(resolved);
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            var message = Format(DirectoryNotFoundMessage, resolved, folder);
            cmdlet.ThrowTerminatingError(new ErrorRecord(
                new DirectoryNotFoundException(message), "DirectoryNotFound", ErrorCategory.ObjectNotFound, folder));
        }

        if (File.Exists(resolved) && !force)
        {
            var message = Format(FileExistsMessage, resolved);
            cmdlet.ThrowTerminatingError(new ErrorRecord(
                new IOException(message), "FileExists", ErrorCategory.ResourceExists, resolved));
        }

        return resolved;
    }

    /// <summary>
    /// Describes a failure to write <paramref name="target"/>: AccessDenied, InvalidPath or WriteFailed.
    /// </summary>
    public static ErrorRecord ToErrorRecord(Exception exception, string? target)
    {
        var (error, id, category) = exception switch
        {
            UnauthorizedAccessException => (
                (Exception)new UnauthorizedAccessException(Format(AccessDeniedMessage, target), exception),
                "AccessDenied",
                ErrorCategory.PermissionDenied),
            ArgumentException => (
                new ArgumentException(Format(InvalidPathMessage, target, exception.Message), exception),
                "InvalidPath",
                ErrorCategory.InvalidArgument),
            _ => (
                new IOException(Format(WriteFailedMessage, target, exception.Message), exception),
                "WriteFailed",
                ErrorCategory.WriteError),
        };
        return new ErrorRecord(error, id, category, target);
    }

    private static string Format(string format, params object?[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, format, arguments);
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace HealthMock.Seeds;

/// <summary>
/// Which seeds a command uses: a seeds folder and the seeds files it provides, the others coming from the seeds
/// embedded in the module, or the embedded seeds alone.
/// </summary>
public sealed class SeedPathInfo
{
    private SeedPathInfo(string? path, IReadOnlyList<string> folderFiles)
    {
        Path = path;
        FolderFiles = folderFiles;
        EmbeddedFiles = SeedCatalog.FileNames.Except(folderFiles, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The full path of the seeds folder, or null when only the embedded seeds are used.</summary>
    public string? Path { get; }

    /// <summary>Whether only the seeds embedded in the module are used.</summary>
    public bool IsEmbedded => Path is null;

    /// <summary>The seeds files, by name, that the folder provides.</summary>
    public IReadOnlyList<string> FolderFiles { get; }

    /// <summary>The seeds files, by name, taken from the embedded seeds because the folder has none of them.</summary>
    public IReadOnlyList<string> EmbeddedFiles { get; }

    /// <summary>
    /// Describes <paramref name="folder"/>, a full file-system path, by the seeds files present in it now, or the
    /// embedded seeds when it is null. The files are not read.
    /// </summary>
    public static SeedPathInfo For(string? folder)
    {
        if (folder is null)
        {
            return new SeedPathInfo(null, Array.Empty<string>());
        }

        var present = Directory.Exists(folder)
            ? SeedCatalog.FileNames.Where(name => File.Exists(System.IO.Path.Combine(folder, name))).ToArray()
            : Array.Empty<string>();
        return new SeedPathInfo(folder, present);
    }

    /// <summary>Returns the folder's path, or "(embedded seeds)".</summary>
    public override string ToString() => Path ?? "(embedded seeds)";
}

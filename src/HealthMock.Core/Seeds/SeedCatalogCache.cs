using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text;

namespace HealthMock.Seeds;

/// <summary>
/// Keeps one loaded <see cref="SeedCatalog"/> per seeds folder, so repeated commands over the same folder do not
/// read and check its files again. A catalog is loaded again when a seeds file in its folder is added, removed or
/// changed (its size or last write time), so edits to a user's seeds take effect on the next command.
/// </summary>
public static class SeedCatalogCache
{
    private static readonly ConcurrentDictionary<string, Entry> Entries =
        new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);

    private static readonly object LoadLock = new object();

    /// <summary>
    /// Returns the catalog of <paramref name="folder"/>, a full file-system path, or the embedded catalog when it is
    /// null. <paramref name="loaded"/> tells whether the files were read now rather than taken from the cache.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="SeedFormatException">A seeds file in the folder is malformed.</exception>
    public static SeedCatalog Get(string? folder, out bool loaded)
    {
        loaded = false;
        if (folder is null)
        {
            return SeedCatalog.Default;
        }

        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException(
                $"The seeds folder '{full}' does not exist; expected a folder holding seeds files such as "
                + "specialties.json.");
        }

        var stamp = Stamp(full);
        if (Entries.TryGetValue(full, out var cached) && cached.Stamp == stamp)
        {
            return cached.Catalog;
        }

        // One load at a time: a folder asked for by several runspaces at once is read once.
        lock (LoadLock)
        {
            if (Entries.TryGetValue(full, out cached) && cached.Stamp == stamp)
            {
                return cached.Catalog;
            }

            var catalog = SeedCatalog.Load(full);
            Entries[full] = new Entry(catalog, stamp);
            loaded = true;
            return catalog;
        }
    }

    /// <summary>Returns the catalog of <paramref name="folder"/>, or the embedded one when it is null.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="SeedFormatException">A seeds file in the folder is malformed.</exception>
    public static SeedCatalog Get(string? folder) => Get(folder, out _);

    /// <summary>Describes the seeds files present in a folder by name, size and last write time.</summary>
    private static string Stamp(string folder)
    {
        var text = new StringBuilder();
        foreach (var name in SeedCatalog.FileNames)
        {
            var file = new FileInfo(Path.Combine(folder, name));
            if (file.Exists)
            {
                text.Append(name).Append(':').Append(file.Length).Append(':')
                    .Append(file.LastWriteTimeUtc.Ticks).Append(';');
            }
        }

        return text.ToString();
    }

    private sealed class Entry
    {
        public Entry(SeedCatalog catalog, string stamp)
        {
            Catalog = catalog;
            Stamp = stamp;
        }

        public SeedCatalog Catalog { get; }

        public string Stamp { get; }
    }
}

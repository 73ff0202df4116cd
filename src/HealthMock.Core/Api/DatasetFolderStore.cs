using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using HealthMock.Datasets;
using HealthMock.Json;

namespace HealthMock.Api;

/// <summary>
/// The dataset folder behind a <see cref="FrontDeskService"/>: reads it, notices when another writer changed it,
/// locks it against other processes during a change, and saves appointments.json and manifest.json so that each
/// file is replaced whole by a rename, never left half-written.
/// </summary>
internal sealed class DatasetFolderStore
{
    /// <summary>The lock file a change holds open, exclusively, in the dataset folder.</summary>
    public const string LockFileName = "healthmock.lock";

    private static readonly TimeSpan LockRetry = TimeSpan.FromMilliseconds(15);

    public DatasetFolderStore(string root)
    {
        Root = root;
    }

    /// <summary>The full path of the folder.</summary>
    public string Root { get; }

    /// <summary>Reads the dataset and its manifest.</summary>
    /// <exception cref="DatasetFileException">The folder or a file is missing or malformed.</exception>
    public (MockDataset Dataset, DatasetManifest Manifest) Load()
    {
        var reader = new DatasetReader();
        var dataset = reader.Read(Root);
        return (dataset, reader.Manifest!);
    }

    /// <summary>
    /// The sizes and write times of appointments.json and manifest.json, the two files a change replaces; a
    /// different stamp means someone else wrote the folder.
    /// </summary>
    public FolderStamp Stamp() => new FolderStamp(Describe(DatasetFiles.Appointments), Describe(DatasetFiles.Manifest));

    /// <summary>
    /// Opens the folder's lock file exclusively, retrying until <paramref name="timeout"/>, and returns it; dispose
    /// it to release the lock. Other processes that use the service wait for it.
    /// </summary>
    public IDisposable Lock(TimeSpan timeout)
    {
        var path = Path.Combine(Root, LockFileName);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (IOException) when (File.Exists(path) && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(LockRetry);
            }
            catch (IOException e) when (File.Exists(path))
            {
                throw new FrontDeskException(FrontDeskErrorCode.DatasetBusy,
                    $"The dataset folder '{Root}' stayed locked by another process for {timeout.TotalSeconds:0.#} "
                    + $"seconds ({LockFileName}); try again when it has finished.", Root, e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new FrontDeskException(FrontDeskErrorCode.StorageFailed,
                    $"Cannot lock the dataset folder '{Root}' for a change: {e.Message} Expected a folder this "
                    + "process can write to; nothing was changed.", Root, e);
            }
        }
    }

    /// <summary>
    /// Writes the appointments to appointments.json and the new count and hash to manifest.json, each through a
    /// temporary file renamed over the old one, and returns the manifest now on disk.
    /// </summary>
    public DatasetManifest SaveAppointments(IReadOnlyList<Appointment> appointments, DatasetManifest manifest)
    {
        var path = Path.Combine(Root, DatasetFiles.Appointments);
        var options = new JsonExportOptions
        {
            Layout = JsonLayout.Keyed,
            KeyProperty = "id",
            Indented = true,
            NamingPolicy = NamingPolicy.SnakeCase,
        };
        long count;
        using (var writer = JsonFileWriter.Create(path, options, overwrite: true))
        {
            foreach (var appointment in appointments)
            {
                writer.Write(DatasetWriter.ToRecord(appointment));
            }

            writer.Complete();
            count = writer.RecordCount;
        }

        var saved = new DatasetManifest
        {
            Seed = manifest.Seed,
            ReferenceDate = manifest.ReferenceDate,
            ModuleVersion = manifest.ModuleVersion,
        };
        foreach (var name in DatasetFiles.DataFiles)
        {
            if (manifest.Counts.TryGetValue(name, out var listed))
            {
                saved.Counts[name] = listed;
            }

            if (manifest.Sha256.TryGetValue(name, out var hash))
            {
                saved.Sha256[name] = hash;
            }
        }

        saved.Counts[DatasetFiles.Appointments] = count;
        saved.Sha256[DatasetFiles.Appointments] = DatasetWriter.HashFile(path);
        WriteManifest(saved);
        return saved;
    }

    private void WriteManifest(DatasetManifest manifest)
    {
        var record = new ManifestRecord
        {
            Seed = manifest.Seed,
            ReferenceDate = DatasetWriter.FormatDate(manifest.ReferenceDate),
            ModuleVersion = manifest.ModuleVersion,
            Counts = manifest.Counts,
            Sha256 = manifest.Sha256,
        };
        var json = new JsonValueWriter(new JsonExportOptions { NamingPolicy = NamingPolicy.AsIs, Indented = true })
            .Serialize(record);
        var path = Path.Combine(Root, DatasetFiles.Manifest);
        var temporary = Path.Combine(Root, "." + DatasetFiles.Manifest + "."
            + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture).Substring(0, 12) + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = new UTF8Encoding(false).GetBytes(json + "\n");
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }

            File.Replace(temporary, path, destinationBackupFileName: null, ignoreMetadataErrors: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private FileStamp Describe(string name)
    {
        var info = new FileInfo(Path.Combine(Root, name));
        return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks) : default;
    }

    /// <summary>The size and last write time of one file; zero for a missing file.</summary>
    internal readonly struct FileStamp : IEquatable<FileStamp>
    {
        public FileStamp(long length, long ticks)
        {
            Length = length;
            Ticks = ticks;
        }

        public long Length { get; }

        public long Ticks { get; }

        public bool Equals(FileStamp other) => Length == other.Length && Ticks == other.Ticks;

        public override bool Equals(object? obj) => obj is FileStamp other && Equals(other);

        public override int GetHashCode() => Length.GetHashCode() * 31 + Ticks.GetHashCode();
    }

    /// <summary>The stamps of appointments.json and manifest.json.</summary>
    internal readonly struct FolderStamp : IEquatable<FolderStamp>
    {
        public FolderStamp(FileStamp appointments, FileStamp manifest)
        {
            Appointments = appointments;
            Manifest = manifest;
        }

        public FileStamp Appointments { get; }

        public FileStamp Manifest { get; }

        public bool Equals(FolderStamp other) => Appointments.Equals(other.Appointments)
            && Manifest.Equals(other.Manifest);

        public override bool Equals(object? obj) => obj is FolderStamp other && Equals(other);

        public override int GetHashCode() => Appointments.GetHashCode() * 31 + Manifest.GetHashCode();
    }
}

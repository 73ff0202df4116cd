using System;
using System.Globalization;
using System.IO;

namespace HealthMock.Json;

/// <summary>
/// Writes a stream of records to a JSON file that appears, complete, only when <see cref="Complete"/> succeeds.
/// </summary>
/// <remarks>
/// Records go to a temporary file in the target folder, which <see cref="Complete"/> renames into place. A failed
/// write, or disposal before completion, deletes the temporary file and leaves any earlier file untouched.
/// </remarks>
public sealed class JsonFileWriter : IDisposable
{
    private const int FileBufferSize = 64 * 1024;

    private readonly FileStream stream;

    private readonly JsonRecordWriter records;

    private readonly HashingStream? hashing;

    private readonly bool overwrite;

    private bool finished;

    private JsonFileWriter(
        string path,
        string temporaryPath,
        FileStream stream,
        JsonRecordWriter records,
        HashingStream? hashing,
        bool overwrite)
    {
        Path = path;
        TemporaryPath = temporaryPath;
        this.stream = stream;
        this.records = records;
        this.hashing = hashing;
        this.overwrite = overwrite;
    }

    /// <summary>
    /// Gets the full path of the file to write.
    /// </summary>
    public string Path { get; }

    /// <summary>
    /// Gets the full path of the temporary file that holds the records until completion.
    /// </summary>
    public string TemporaryPath { get; }

    /// <summary>
    /// Gets the number of records written so far.
    /// </summary>
    public long RecordCount => records.RecordCount;

    /// <summary>
    /// Gets the SHA-256 hash of the file as lower-case hexadecimal once <see cref="Complete"/> succeeded, when the
    /// writer was created to compute it; otherwise null.
    /// </summary>
    public string? Sha256 { get; private set; }

    /// <summary>
    /// Gets a value indicating whether the file has been written and moved into place.
    /// </summary>
    public bool IsCompleted { get; private set; }

    /// <summary>
    /// Checks the target and creates the temporary file next to it.
    /// </summary>
    /// <param name="path">The file to write; a relative path is resolved against the current directory.</param>
    /// <param name="options">The layout, key property, indentation, naming policy, inspector and cancellation.</param>
    /// <param name="overwrite">Whether an existing file may be replaced on completion.</param>
    /// <param name="computeSha256">
    /// Whether to compute the file's SHA-256 hash (<see cref="Sha256"/>) from the bytes as they are written.
    /// </param>
    /// <returns>A writer that owns the temporary file.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    /// <exception cref="IOException">
    /// The file exists and <paramref name="overwrite"/> is <see langword="false"/>, or the path is a folder.
    /// </exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written to.</exception>
    public static JsonFileWriter Create(string path, JsonExportOptions options, bool overwrite = false,
        bool computeSha256 = false)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var fullPath = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(fullPath);
        if (Directory.Exists(fullPath) || string.IsNullOrEmpty(folder))
        {
            throw new IOException(JsonMessages.Format(JsonMessages.PathIsDirectory, fullPath));
        }

        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(JsonMessages.Format(JsonMessages.DirectoryNotFound, folder, fullPath));
        }

        if (!overwrite && File.Exists(fullPath))
        {
            throw new IOException(JsonMessages.Format(JsonMessages.FileExists, fullPath));
        }

        var unique = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture).Substring(0, 12);
        var temporaryPath = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(fullPath)}.{unique}.tmp");
        var stream = new FileStream(
            temporaryPath,
            FileMode.CreateNew,
            FileAccess.Write,
            FileShare.None,
            FileBufferSize);
        try
        {
            // With a second core, the file is written (and hashed) on a worker thread while the next records are
            // made.
            var hashing = computeSha256 ? new HashingStream(stream) : null;
            Stream output = hashing ?? (Stream)stream;
            output = Environment.ProcessorCount > 1 ? new WriteBehindStream(output) : output;
            var records = new JsonRecordWriter(output, options);
            return new JsonFileWriter(fullPath, temporaryPath, stream, records, hashing, overwrite);
        }
        catch
        {
            stream.Dispose();
            File.Delete(temporaryPath);
            throw;
        }
    }

    /// <summary>
    /// Writes one record to the temporary file; on any failure the temporary file is deleted.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <exception cref="JsonExportException">The record cannot be written as JSON.</exception>
    public void Write(object? record)
    {
        ThrowIfFinished();
        try
        {
            records.Write(record);
        }
        catch
        {
            Discard();
            throw;
        }
    }

    /// <summary>
    /// Closes the document, flushes it to disk and moves it into place, replacing an existing file only when
    /// overwriting was allowed; on any failure the temporary file is deleted.
    /// </summary>
    /// <exception cref="IOException">
    /// The file could not be moved into place, for example because it appeared meanwhile and may not be replaced.
    /// </exception>
    public void Complete()
    {
        ThrowIfFinished();
        string? sha256 = null;
        try
        {
            records.Complete();
            stream.Flush(flushToDisk: true);
            sha256 = hashing?.Finish();
            records.Dispose();
            if (overwrite && File.Exists(Path))
            {
                File.Replace(TemporaryPath, Path, destinationBackupFileName: null, ignoreMetadataErrors: true);
            }
            else
            {
                File.Move(TemporaryPath, Path);
            }
        }
        catch
        {
            Discard();
            throw;
        }

        finished = true;
        IsCompleted = true;
        Sha256 = sha256;
    }

    /// <summary>
    /// Deletes the temporary file unless <see cref="Complete"/> succeeded.
    /// </summary>
    public void Dispose() => Discard();

    private void Discard()
    {
        if (finished)
        {
            return;
        }

        finished = true;
        records.Dispose();
        try
        {
            File.Delete(TemporaryPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The file is gone or locked by another process; there is nothing more to do for it here.
        }
    }

    private void ThrowIfFinished()
    {
        if (finished)
        {
            throw new InvalidOperationException(JsonMessages.WriterFinished);
        }
    }
}

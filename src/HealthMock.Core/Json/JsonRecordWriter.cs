using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;

namespace HealthMock.Json;

/// <summary>
/// Writes a stream of records to a stream as one JSON document: an array, JSON Lines, or an object keyed by a
/// property of each record.
/// </summary>
/// <remarks>
/// Memory stays constant however many records pass: each record is written to a reusable scratch buffer, then
/// copied to the output in chunks. Only the keyed layout remembers something per record, its key, to refuse
/// duplicates. A record that fails leaves nothing of itself in the output.
/// </remarks>
public sealed class JsonRecordWriter : IDisposable
{
    private readonly Stream output;

    private readonly bool leaveOpen;

    private readonly JsonLayout layout;

    private readonly bool indented;

    private readonly string? keyProperty;

    private readonly CancellationToken cancellation;

    private readonly JsonValueWriter values;

    private readonly MemoryStream scratch = new();

    private readonly Utf8JsonWriter scratchWriter;

    private readonly JsonOutputBuffer buffer;

    private readonly Dictionary<string, long>? keys;

    private bool completed;

    private bool disposed;

    /// <summary>
    /// Initializes a new instance of the <see cref="JsonRecordWriter"/> class.
    /// </summary>
    /// <param name="output">The writable stream that receives UTF-8 JSON without a byte order mark.</param>
    /// <param name="options">The layout, key property, indentation, naming policy, inspector and cancellation.</param>
    /// <param name="leaveOpen">Whether <see cref="Dispose"/> leaves <paramref name="output"/> open.</param>
    /// <exception cref="ArgumentException">
    /// The keyed layout has no key property, or another layout has one.
    /// </exception>
    public JsonRecordWriter(Stream output, JsonExportOptions options, bool leaveOpen = false)
    {
        this.output = output ?? throw new ArgumentNullException(nameof(output));
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (options.Layout == JsonLayout.Keyed && string.IsNullOrEmpty(options.KeyProperty))
        {
            throw new ArgumentException(JsonMessages.KeyPropertyRequired, nameof(options));
        }

        if (options.Layout != JsonLayout.Keyed && options.KeyProperty is not null)
        {
            var message = JsonMessages.Format(
                JsonMessages.KeyPropertyWithoutKeyedLayout,
                options.KeyProperty,
                options.Layout);
            throw new ArgumentException(message, nameof(options));
        }

        this.leaveOpen = leaveOpen;
        layout = options.Layout;
        indented = options.Indented && layout != JsonLayout.Lines;
        keyProperty = options.KeyProperty;
        cancellation = options.CancellationToken;
        values = new JsonValueWriter(options);
        scratchWriter = new Utf8JsonWriter(scratch, JsonValueWriter.WriterOptions);
        buffer = new JsonOutputBuffer(output);
        keys = layout == JsonLayout.Keyed ? new Dictionary<string, long>(StringComparer.Ordinal) : null;
    }

    /// <summary>
    /// Gets the number of records written so far.
    /// </summary>
    public long RecordCount { get; private set; }

    /// <summary>
    /// Writes one record.
    /// </summary>
    /// <param name="record">The record; in the keyed layout an object or dictionary with the key property.</param>
    /// <exception cref="JsonExportException">
    /// The record cannot be written as JSON, or in the keyed layout its key is missing, invalid or a duplicate.
    /// </exception>
    /// <exception cref="OperationCanceledException">The cancellation token of the options was cancelled.</exception>
    public void Write(object? record)
    {
        ThrowIfFinished();
        cancellation.ThrowIfCancellationRequested();
        var number = RecordCount + 1;
        scratch.SetLength(0);
        scratchWriter.Reset(scratch);
        var keyLength = 0;
        string? key = null;
        if (layout == JsonLayout.Keyed)
        {
            key = WriteKeyAndRecord(record, number);
            keyLength = (int)scratch.Length;
        }
        else
        {
            values.WriteRecord(scratchWriter, record, number);
        }

        scratchWriter.Flush();
        WriteFramed(number, keyLength);
        if (key is not null)
        {
            keys!.Add(key, number);
        }

        RecordCount = number;
    }

    /// <summary>
    /// Sends the records written so far to the output stream and flushes it.
    /// </summary>
    public void Flush()
    {
        ThrowIfDisposed();
        buffer.Flush();
        output.Flush();
    }

    /// <summary>
    /// Closes the document: <c>[]</c> or <c>{}</c> when there were no records, and a final line feed; then flushes.
    /// </summary>
    public void Complete()
    {
        ThrowIfFinished();
        if (layout != JsonLayout.Lines)
        {
            var (open, close) = layout == JsonLayout.Array ? ((byte)'[', (byte)']') : ((byte)'{', (byte)'}');
            if (RecordCount == 0)
            {
                buffer.Write(open);
            }
            else if (indented)
            {
                buffer.WriteNewLine(0);
            }

            buffer.Write(close);
            buffer.Write((byte)'\n');
        }

        completed = true;
        buffer.Flush();
        output.Flush();
    }

    /// <summary>
    /// Releases the scratch buffer and, unless asked to leave it open, the output stream.
    /// </summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        scratchWriter.Dispose();
        if (!leaveOpen)
        {
            output.Dispose();
        }
    }

    private string WriteKeyAndRecord(object? record, long number)
    {
        if (!values.TryReadMembers(record, number, out var unwrapped, out var members))
        {
            var message = JsonMessages.Format(
                JsonMessages.RecordNotKeyable,
                number,
                JsonMessages.DescribeValue(unwrapped),
                keyProperty);
            throw new JsonExportException(JsonExportErrorKind.MissingKey, message, record, null);
        }

        var key = ReadKey(record, number, members);
        scratchWriter.WriteStringValue(key);
        scratchWriter.Flush();
        scratchWriter.Reset(scratch);
        values.WriteMembers(scratchWriter, unwrapped!, members);
        return key;
    }

    private string ReadKey(object? record, long number, List<JsonMember> members)
    {
        var found = members.FindIndex(member =>
            string.Equals(member.Name, keyProperty, StringComparison.OrdinalIgnoreCase)
            || string.Equals(values.NameOf(member), keyProperty, StringComparison.Ordinal));
        var value = found < 0 ? null : members[found].Value;
        if (value is null || value is string { Length: 0 })
        {
            var message = JsonMessages.Format(JsonMessages.MissingKey, number, keyProperty);
            throw new JsonExportException(JsonExportErrorKind.MissingKey, message, record, null);
        }

        if (!values.TryFormatName(value, out var key))
        {
            var message = JsonMessages.Format(
                JsonMessages.InvalidKey,
                number,
                JsonMessages.DescribeValue(value),
                keyProperty);
            throw new JsonExportException(JsonExportErrorKind.InvalidKey, message, value, null);
        }

        if (keys!.TryGetValue(key, out var first))
        {
            var message = JsonMessages.Format(JsonMessages.DuplicateKey, number, key, first, keyProperty);
            throw new JsonExportException(JsonExportErrorKind.DuplicateKey, message, key, null);
        }

        return key;
    }

    private void WriteFramed(long number, int keyLength)
    {
        var bytes = scratch.GetBuffer();
        var length = (int)scratch.Length;
        if (layout == JsonLayout.Lines)
        {
            buffer.Write(bytes, 0, length);
            buffer.Write((byte)'\n');
            return;
        }

        var open = layout == JsonLayout.Array ? (byte)'[' : (byte)'{';
        buffer.Write(number == 1 ? open : (byte)',');
        if (indented)
        {
            buffer.WriteNewLine(1);
        }

        if (layout == JsonLayout.Keyed)
        {
            buffer.Write(bytes, 0, keyLength);
            buffer.Write((byte)':');
            if (indented)
            {
                buffer.Write((byte)' ');
            }
        }

        if (indented)
        {
            buffer.WriteIndented(bytes, keyLength, length - keyLength, 1);
        }
        else
        {
            buffer.Write(bytes, keyLength, length - keyLength);
        }
    }

    private void ThrowIfFinished()
    {
        ThrowIfDisposed();
        if (completed)
        {
            throw new InvalidOperationException(JsonMessages.WriterFinished);
        }
    }

    private void ThrowIfDisposed()
    {
        if (disposed)
        {
            throw new ObjectDisposedException(nameof(JsonRecordWriter));
        }
    }
}

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
/// duplicates. A record that fails leaves nothing of itself in the output. Records of a plain class are written by
/// a compiled plan of their type (see <see cref="JsonObjectPlan"/>), others by the general path; both give the
/// same bytes.
/// </remarks>
public sealed class JsonRecordWriter : IDisposable
{
    private readonly Stream output;

    private readonly bool leaveOpen;

    private readonly JsonLayout layout;

    private readonly bool indented;

    // Indenting after writing compactly is needed only where the writer cannot indent with line feeds itself.
    private readonly bool indentAfterWriting;

    private readonly string? keyProperty;

    private readonly CancellationToken cancellation;

    private readonly JsonValueWriter values;

    private readonly JsonScratchBuffer scratch = new();

    // It stays inside the document's array or object between records, so it writes each record's separator and
    // indentation itself; the separator it writes is replaced by this writer's own.
    private readonly Utf8JsonWriter scratchWriter;

    private readonly JsonOutputBuffer buffer;

    private readonly Dictionary<string, long>? keys;

    private JsonObjectPlan? keyPlan;

    private int keyIndex;

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
        indentAfterWriting = indented && !JsonValueWriter.CanIndentWithLineFeeds;
        keyProperty = options.KeyProperty;
        cancellation = options.CancellationToken;
        values = new JsonValueWriter(options);
        var writerOptions = indented && !indentAfterWriting
            ? JsonValueWriter.IndentedWriterOptions
            : JsonValueWriter.WriterOptions;
        writerOptions.SkipValidation = true;
        scratchWriter = new Utf8JsonWriter(scratch, writerOptions);
        buffer = new JsonOutputBuffer(output);
        keys = layout == JsonLayout.Keyed && options.CheckDuplicateKeys
            ? new Dictionary<string, long>(StringComparer.Ordinal)
            : null;
        OpenDocument();
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
        string? key;
        try
        {
            if (!TryWritePlanned(record, number, out key))
            {
                key = WriteGeneral(record, number);
            }
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            // A plan reports nothing itself: the general path writes the record again and names what is wrong.
            OpenDocument();
            try
            {
                key = WriteGeneral(record, number);
            }
            catch
            {
                OpenDocument();
                throw;
            }
        }
        catch
        {
            OpenDocument();
            throw;
        }

        scratchWriter.Flush();
        WriteFramed(number);
        scratch.Clear();
        if (key is not null)
        {
            keys?.Add(key, number);
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

    /// <summary>
    /// Puts the scratch writer inside the document's array or object, with nothing written yet.
    /// </summary>
    private void OpenDocument()
    {
        scratch.Clear();
        scratchWriter.Reset(scratch);
        if (layout == JsonLayout.Array)
        {
            scratchWriter.WriteStartArray();
        }
        else if (layout == JsonLayout.Keyed)
        {
            scratchWriter.WriteStartObject();
        }

        scratchWriter.Flush();
        scratch.Clear();
    }

    private bool TryWritePlanned(object? record, long number, out string? key)
    {
        key = null;
        var plan = values.FindPlan(record, out var unwrapped);
        if (plan is null)
        {
            return false;
        }

        values.Begin(number);
        if (layout == JsonLayout.Lines)
        {
            scratchWriter.Reset(scratch);
        }
        else if (layout == JsonLayout.Keyed)
        {
            if (plan != keyPlan)
            {
                keyIndex = plan.IndexOfKey(keyProperty!);
                keyPlan = plan;
            }

            key = CheckKey(record, number, keyIndex < 0 ? null : plan.Properties[keyIndex].Getter(unwrapped!));
            scratchWriter.WritePropertyName(key);
        }

        plan.Write(scratchWriter, unwrapped!, values);
        return true;
    }

    private string? WriteGeneral(object? record, long number)
    {
        if (layout == JsonLayout.Lines)
        {
            scratchWriter.Reset(scratch);
        }

        if (layout != JsonLayout.Keyed)
        {
            values.WriteRecord(scratchWriter, record, number);
            return null;
        }

        if (!values.TryReadMembers(record, number, out var unwrapped, out var members))
        {
            var message = JsonMessages.Format(
                JsonMessages.RecordNotKeyable,
                number,
                JsonMessages.DescribeValue(unwrapped),
                keyProperty);
            throw new JsonExportException(JsonExportErrorKind.MissingKey, message, record, null);
        }

        var found = members.FindIndex(member =>
            string.Equals(member.Name, keyProperty, StringComparison.OrdinalIgnoreCase)
            || string.Equals(values.NameOf(member), keyProperty, StringComparison.Ordinal));
        var key = CheckKey(record, number, found < 0 ? null : members[found].Value);
        scratchWriter.WritePropertyName(key);
        values.WriteMembers(scratchWriter, unwrapped!, members);
        return key;
    }

    private string CheckKey(object? record, long number, object? value)
    {
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

        if (keys is not null && keys.TryGetValue(key, out var first))
        {
            var message = JsonMessages.Format(JsonMessages.DuplicateKey, number, key, first, keyProperty);
            throw new JsonExportException(JsonExportErrorKind.DuplicateKey, message, key, null);
        }

        return key;
    }

    /// <summary>
    /// Copies the record from the scratch buffer to the output after this writer's own separator: the scratch
    /// writer's comma, if it wrote one, is skipped, since a failed record may have reset its count.
    /// </summary>
    private void WriteFramed(long number)
    {
        var bytes = scratch.Buffer;
        var start = scratch.Count > 0 && bytes[0] == (byte)',' ? 1 : 0;
        var length = scratch.Count - start;
        if (layout == JsonLayout.Lines)
        {
            buffer.Write(bytes, start, length);
            buffer.Write((byte)'\n');
            return;
        }

        var open = layout == JsonLayout.Array ? (byte)'[' : (byte)'{';
        buffer.Write(number == 1 ? open : (byte)',');
        if (indentAfterWriting)
        {
            buffer.WriteNewLine(1);
            buffer.WriteIndented(bytes, start, length, 1);
        }
        else
        {
            buffer.Write(bytes, start, length);
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

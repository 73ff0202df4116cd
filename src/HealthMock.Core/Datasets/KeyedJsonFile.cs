using System;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;

namespace HealthMock.Datasets;

/// <summary>
/// Reads a JSON file whose top level is one object keyed by id, one record at a time, so memory holds a buffer and
/// the current record rather than the whole document. The bytes read are hashed on the way.
/// </summary>
internal static class KeyedJsonFile
{
    private const int InitialBuffer = 64 * 1024;

    private enum Phase
    {
        Start,
        Key,
        Value,
        End,
    }

    /// <summary>
    /// Calls <paramref name="onRecord"/> with each key and record in file order and returns the lower-case
    /// hexadecimal SHA-256 of the file. Malformed JSON raises <see cref="DatasetFileException"/> naming the file
    /// and the line.
    /// </summary>
    public static string Read(string path, string name, Action<string, JsonElement> onRecord,
        CancellationToken cancellation)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[InitialBuffer];
        var length = 0;
        var final = false;
        var first = true;
        var state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var phase = Phase.Start;
        var key = "";
        var records = 0L;
        var discarded = 0L;
        try
        {
            while (true)
            {
                Fill(stream, hash, ref buffer, ref length, ref final);
                var start = first && length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
                first = false;
                var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(buffer, start, length - start), final, state);
                var progressed = Step(ref reader, ref phase, ref key, ref records, path, name, onRecord, cancellation,
                    discarded + start);
                if (phase == Phase.End && progressed && final)
                {
                    return DatasetWriter.Hex(hash.GetHashAndReset());
                }

                var consumed = start + (int)reader.BytesConsumed;
                state = reader.CurrentState;
                Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
                length -= consumed;
                discarded += consumed;
                if (final)
                {
                    throw Malformed(path, name, discarded, null,
                        "the file ends before the object keyed by id is closed.");
                }

                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
            }
        }
        catch (JsonException e)
        {
            throw new DatasetFileException(DatasetFileErrorKind.DatasetFileMalformed, path,
                $"The dataset file '{name}' is not valid JSON at line {e.LineNumber + 1}, position "
                + $"{e.BytePositionInLine + 1}: {e.Message}", e)
            {
                LineNumber = e.LineNumber + 1,
            };
        }
    }

    /// <summary>
    /// Reads as many tokens and records as the buffer holds. Returns true when the document is complete, false when
    /// more data is needed.
    /// </summary>
    private static bool Step(ref Utf8JsonReader reader, ref Phase phase, ref string key, ref long records,
        string path, string name, Action<string, JsonElement> onRecord, CancellationToken cancellation,
        long offset)
    {
        while (true)
        {
            switch (phase)
            {
                case Phase.Start:
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw Malformed(path, name, offset + reader.TokenStartIndex, reader.TokenType,
                            "expected one JSON object keyed by id at the top level.");
                    }

                    phase = Phase.Key;
                    break;
                case Phase.Key:
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        phase = Phase.End;
                        break;
                    }

                    key = reader.GetString()!;
                    phase = Phase.Value;
                    break;
                case Phase.Value:
                    if (!JsonDocument.TryParseValue(ref reader, out var document))
                    {
                        return false;
                    }

                    using (document)
                    {
                        cancellation.ThrowIfCancellationRequested();
                        onRecord(key, document!.RootElement);
                    }

                    records++;
                    phase = Phase.Key;
                    break;
                default:
                    if (reader.Read())
                    {
                        throw Malformed(path, name, offset + reader.TokenStartIndex, reader.TokenType,
                            "unexpected content after the object keyed by id.");
                    }

                    return true;
            }
        }
    }

    private static void Fill(Stream stream, IncrementalHash hash, ref byte[] buffer, ref int length, ref bool final)
    {
        if (final)
        {
            return;
        }

        while (length < buffer.Length)
        {
            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                final = true;
                return;
            }

            hash.AppendData(buffer, length, read);
            length += read;
        }
    }

    /// <summary>
    /// Reports a file that is JSON but not an object keyed by id, at the line of byte <paramref name="offset"/>.
    /// </summary>
    private static DatasetFileException Malformed(string path, string name, long offset, JsonTokenType? token,
        string message)
    {
        var line = LineAt(path, offset);
        var found = token is null ? "" : $" (found {token})";
        return new DatasetFileException(DatasetFileErrorKind.DatasetFileMalformed, path,
            $"The dataset file '{name}' is malformed at line {line}: {message}{found}")
        {
            LineNumber = line,
        };
    }

    /// <summary>Counts the lines up to a byte offset, reading the file again; used only to report an error.</summary>
    private static long LineAt(string path, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        var buffer = new byte[InitialBuffer];
        var line = 1L;
        var position = 0L;
        while (position < offset)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, offset - position));
            if (read == 0)
            {
                break;
            }

            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == (byte)'\n')
                {
                    line++;
                }
            }

            position += read;
        }

        return line;
    }
}

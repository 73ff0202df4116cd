using System.IO;

namespace HealthMock.Json;

/// <summary>
/// Buffers UTF-8 output to a stream and indents compact JSON with two spaces and line feeds.
/// </summary>
/// <remarks>
/// System.Text.Json 8 indents with <see cref="System.Environment.NewLine"/>; indenting here instead keeps files
/// byte-identical on every operating system.
/// </remarks>
internal sealed class JsonOutputBuffer
{
    private const int BufferSize = 16 * 1024;

    private const int IndentSize = 2;

    private readonly Stream stream;

    private readonly byte[] buffer = new byte[BufferSize];

    private int count;

    /// <summary>
    /// Initializes a new instance of the <see cref="JsonOutputBuffer"/> class.
    /// </summary>
    /// <param name="stream">The stream that receives the bytes when the buffer fills or is flushed.</param>
    public JsonOutputBuffer(Stream stream)
    {
        this.stream = stream;
    }

    /// <summary>
    /// Appends one byte, normally an ASCII character.
    /// </summary>
    /// <param name="value">The byte.</param>
    public void Write(byte value)
    {
        if (count == buffer.Length)
        {
            Flush();
        }

        buffer[count++] = value;
    }

    /// <summary>
    /// Appends bytes as they are.
    /// </summary>
    /// <param name="bytes">The source array.</param>
    /// <param name="offset">The first byte to append.</param>
    /// <param name="length">The number of bytes to append.</param>
    public void Write(byte[] bytes, int offset, int length)
    {
        if (length > buffer.Length - count)
        {
            Flush();
            if (length > buffer.Length)
            {
                stream.Write(bytes, offset, length);
                return;
            }
        }

        System.Buffer.BlockCopy(bytes, offset, buffer, count, length);
        count += length;
    }

    /// <summary>
    /// Appends a line feed and the indentation of a nesting depth.
    /// </summary>
    /// <param name="depth">The number of enclosing arrays and objects.</param>
    public void WriteNewLine(int depth)
    {
        Write((byte)'\n');
        for (var i = 0; i < depth * IndentSize; i++)
        {
            Write((byte)' ');
        }
    }

    /// <summary>
    /// Appends compact JSON indented as if it started at a nesting depth; empty arrays and objects stay on one line.
    /// </summary>
    /// <param name="json">The source array holding compact JSON, as System.Text.Json writes it.</param>
    /// <param name="offset">The first byte of the JSON.</param>
    /// <param name="length">The number of bytes of JSON.</param>
    /// <param name="depth">The nesting depth of the value's first line.</param>
    public void WriteIndented(byte[] json, int offset, int length, int depth)
    {
        var inString = false;
        var escaped = false;
        var end = offset + length;
        for (var i = offset; i < end; i++)
        {
            var current = json[i];
            if (inString)
            {
                Write(current);
                if (escaped)
                {
                    escaped = false;
                }
                else if (current == '\\')
                {
                    escaped = true;
                }
                else if (current == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (current)
            {
                case (byte)'"':
                    inString = true;
                    Write(current);
                    break;
                case (byte)'{' or (byte)'[' when i + 1 < end && json[i + 1] is (byte)'}' or (byte)']':
                    Write(current);
                    Write(json[++i]);
                    break;
                case (byte)'{' or (byte)'[':
                    Write(current);
                    WriteNewLine(++depth);
                    break;
                case (byte)'}' or (byte)']':
                    WriteNewLine(--depth);
                    Write(current);
                    break;
                case (byte)',':
                    Write(current);
                    WriteNewLine(depth);
                    break;
                case (byte)':':
                    Write(current);
                    Write((byte)' ');
                    break;
                default:
                    Write(current);
                    break;
            }
        }
    }

    /// <summary>
    /// Writes the buffered bytes to the stream.
    /// </summary>
    public void Flush()
    {
        stream.Write(buffer, 0, count);
        count = 0;
    }
}

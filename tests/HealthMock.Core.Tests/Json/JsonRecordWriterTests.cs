using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using HealthMock.Json;
using Xunit;

namespace HealthMock.Tests.Json;

public class JsonRecordWriterTests
{
    private static readonly object[] Patients =
    {
        new { Id = "sara_doe_4821", FirstName = "Sara", Tags = new[] { "a" } },
        new { Id = "liam_o'neil_0007", FirstName = "Liam", Tags = Array.Empty<string>() },
    };

    [Fact]
    public void An_array_is_indented_with_two_spaces_and_ends_with_a_line_feed()
    {
        var json = Write(Patients, new JsonExportOptions());

        Assert.Equal(
            "[\n"
            + "  {\n    \"id\": \"sara_doe_4821\",\n    \"first_name\": \"Sara\",\n"
            + "    \"tags\": [\n      \"a\"\n    ]\n  },\n"
            + "  {\n    \"id\": \"liam_o'neil_0007\",\n    \"first_name\": \"Liam\",\n    \"tags\": []\n  }\n"
            + "]\n",
            json);
    }

    [Fact]
    public void A_compact_array_has_no_whitespace()
    {
        var json = Write(new object?[] { 1, "two", null }, new JsonExportOptions { Indented = false });

        Assert.Equal("[1,\"two\",null]\n", json);
    }

    [Fact]
    public void Json_lines_hold_one_compact_record_per_line()
    {
        var json = Write(Patients, new JsonExportOptions { Layout = JsonLayout.Lines });

        Assert.Equal(
            "{\"id\":\"sara_doe_4821\",\"first_name\":\"Sara\",\"tags\":[\"a\"]}\n"
            + "{\"id\":\"liam_o'neil_0007\",\"first_name\":\"Liam\",\"tags\":[]}\n",
            json);
    }

    [Fact]
    public void A_keyed_object_uses_each_records_key_property()
    {
        var json = Write(Patients, Keyed("Id"));

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("Sara", root.GetProperty("sara_doe_4821").GetProperty("first_name").GetString());
        Assert.Equal("Liam", root.GetProperty("liam_o'neil_0007").GetProperty("first_name").GetString());
        Assert.StartsWith("{\n  \"sara_doe_4821\": {\n    \"id\": \"sara_doe_4821\",", json);
    }

    [Fact]
    public void A_compact_keyed_object_has_no_whitespace()
    {
        var records = new object[] { new Hashtable { ["id"] = 7, ["n"] = 1 } };

        Assert.Equal("{\"7\":{\"id\":7,\"n\":1}}\n", Write(records, Keyed("id", indented: false)));
    }

    [Theory]
    [InlineData("Id")]
    [InlineData("id")]
    [InlineData("policy_number")]
    [InlineData("PolicyNumber")]
    public void The_key_property_matches_the_dotnet_name_ignoring_case_or_the_json_name(string key)
    {
        var record = new { Id = "x", PolicyNumber = "x" };

        Assert.Equal("{\"x\":{\"id\":\"x\",\"policy_number\":\"x\"}}\n", Write(new[] { record }, Keyed(key, false)));
    }

    [Theory]
    [InlineData(JsonLayout.Array, "[]\n")]
    [InlineData(JsonLayout.Keyed, "{}\n")]
    [InlineData(JsonLayout.Lines, "")]
    public void No_records_give_an_empty_document(JsonLayout layout, string expected)
    {
        var options = new JsonExportOptions
        {
            Layout = layout,
            KeyProperty = layout == JsonLayout.Keyed ? "Id" : null,
        };

        Assert.Equal(expected, Write(Array.Empty<object>(), options));
    }

    [Fact]
    public void A_duplicate_key_names_the_key_and_both_records()
    {
        var records = new object[] { new { Id = "a" }, new { Id = "b" }, new { Id = "a" } };

        var error = Assert.Throws<JsonExportException>(() => Write(records, Keyed("Id")));

        Assert.Equal(JsonExportErrorKind.DuplicateKey, error.Kind);
        Assert.Equal("a", error.Value);
        Assert.Equal(
            "Record 3 has the key 'a', which record 1 already used. Expected a unique 'Id' for every record.",
            error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_missing_or_empty_key_names_the_record(string? id)
    {
        var records = new object[] { new { Id = "a" }, new { Id = id } };

        var error = Assert.Throws<JsonExportException>(() => Write(records, Keyed("Id")));

        Assert.Equal(JsonExportErrorKind.MissingKey, error.Kind);
        Assert.Same(records[1], error.Value);
        Assert.Equal(
            "Record 2 has no value for the key property 'Id'. Expected every record to have a non-empty 'Id'.",
            error.Message);
    }

    [Fact]
    public void A_record_without_the_key_property_is_missing_its_key()
    {
        var error = Assert.Throws<JsonExportException>(() => Write(new object[] { new { Name = "a" } }, Keyed("Id")));

        Assert.Equal(JsonExportErrorKind.MissingKey, error.Kind);
        Assert.Contains("Record 1", error.Message);
    }

    [Fact]
    public void A_scalar_record_cannot_be_keyed()
    {
        var error = Assert.Throws<JsonExportException>(() => Write(new object[] { "text" }, Keyed("Id")));

        Assert.Equal(JsonExportErrorKind.MissingKey, error.Kind);
        Assert.Contains("Record 1 is a System.String, which has no property 'Id'", error.Message);
    }

    [Fact]
    public void A_key_that_is_an_object_is_invalid()
    {
        var records = new object[] { new { Id = new { Value = 1 } } };

        var error = Assert.Throws<JsonExportException>(() => Write(records, Keyed("Id")));

        Assert.Equal(JsonExportErrorKind.InvalidKey, error.Kind);
        Assert.Contains("Record 1", error.Message);
    }

    [Fact]
    public void Scalar_keys_use_their_invariant_text()
    {
        var records = new object[]
        {
            new { Id = 1.5 },
            new { Id = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e") },
            new { Id = new DateTime(2026, 1, 2) },
        };

        using (new CultureScope("de-DE"))
        {
            var json = Write(records, Keyed("Id", false));

            Assert.Equal(
                "{\"1.5\":{\"id\":1.5},\"0f8fad5b-d9cb-469f-a165-70867728950e\":"
                + "{\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"},\"2026-01-02\":{\"id\":\"2026-01-02\"}}\n",
                json);
        }
    }

    [Fact]
    public void Errors_name_the_position_of_the_record()
    {
        var records = new object[] { new { A = 1 }, new { A = 2 }, new { A = double.NaN } };

        var error = Assert.Throws<JsonExportException>(() => Write(records, new JsonExportOptions()));

        Assert.Contains("$.a in record 3", error.Message);
    }

    [Fact]
    public void A_record_that_fails_leaves_nothing_of_itself_in_the_output()
    {
        using var output = new MemoryStream();
        using var writer = new JsonRecordWriter(output, new JsonExportOptions { Indented = false }, leaveOpen: true);

        writer.Write(new { A = 1 });
        Assert.Throws<JsonExportException>(() => writer.Write(new { A = 2, B = double.NaN }));
        writer.Write(new { A = 3 });
        writer.Complete();

        Assert.Equal("[{\"a\":1},{\"a\":3}]\n", Encoding.UTF8.GetString(output.ToArray()));
        Assert.Equal(2, writer.RecordCount);
    }

    [Fact]
    public void Output_is_utf8_without_a_byte_order_mark()
    {
        var bytes = WriteBytes(new object[] { "José" }, new JsonExportOptions());

        Assert.Equal((byte)'[', bytes[0]);
        Assert.Equal("[\n  \"José\"\n]\n", new UTF8Encoding(false, true).GetString(bytes));
    }

    [Fact]
    public void Many_records_stream_through_without_holding_them()
    {
        using var output = new CountingStream();
        using var writer = new JsonRecordWriter(output, new JsonExportOptions());
        var record = new { Id = new string('x', 100) };

        for (var i = 0; i < 2000; i++)
        {
            writer.Write(record);
        }

        Assert.True(output.Written > 150_000, "records should already have reached the stream before completion");
        writer.Complete();
    }

    [Fact]
    public void The_keyed_layout_needs_a_key_property_and_other_layouts_refuse_one()
    {
        using var output = new MemoryStream();

        Assert.Throws<ArgumentException>(() =>
            new JsonRecordWriter(output, new JsonExportOptions { Layout = JsonLayout.Keyed }));
        Assert.Throws<ArgumentException>(() =>
            new JsonRecordWriter(output, new JsonExportOptions { Layout = JsonLayout.Lines, KeyProperty = "Id" }));
    }

    [Fact]
    public void Nothing_can_be_written_after_completion()
    {
        using var writer = new JsonRecordWriter(new MemoryStream(), new JsonExportOptions());
        writer.Complete();

        Assert.Throws<InvalidOperationException>(() => writer.Write(1));
    }

    private static JsonExportOptions Keyed(string key, bool indented = true) =>
        new() { Layout = JsonLayout.Keyed, KeyProperty = key, Indented = indented };

    private static string Write(IEnumerable<object?> records, JsonExportOptions options) =>
        Encoding.UTF8.GetString(WriteBytes(records, options));

    private static byte[] WriteBytes(IEnumerable<object?> records, JsonExportOptions options)
    {
        using var output = new MemoryStream();
        using (var writer = new JsonRecordWriter(output, options, leaveOpen: true))
        {
            foreach (var record in records)
            {
                writer.Write(record);
            }

            writer.Complete();
        }

        return output.ToArray();
    }

    private sealed class CountingStream : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Written;

        public override long Position
        {
            get => Written;
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Written += count;
    }
}

using System;
using System.IO;
using System.Linq;
using System.Text;
using HealthMock.Json;
using Xunit;

namespace HealthMock.Tests.Json;

public sealed class JsonFileWriterTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "hm-json-" + Guid.NewGuid().ToString("N"));

    public JsonFileWriterTests()
    {
        Directory.CreateDirectory(folder);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_file_appears_only_when_writing_completes()
    {
        var path = Path.Combine(folder, "users.json");
        using var writer = JsonFileWriter.Create(path, new JsonExportOptions { Indented = false });

        writer.Write(new { Id = "a" });
        Assert.False(File.Exists(path));
        Assert.True(File.Exists(writer.TemporaryPath));
        Assert.Equal(folder, Path.GetDirectoryName(writer.TemporaryPath));

        writer.Complete();

        Assert.True(writer.IsCompleted);
        Assert.Equal("[{\"id\":\"a\"}]\n", File.ReadAllText(path));
        Assert.Equal(new[] { "users.json" }, FileNames());
    }

    [Fact]
    public void Zero_records_write_an_empty_array()
    {
        var path = Path.Combine(folder, "empty.json");
        using (var writer = JsonFileWriter.Create(path, new JsonExportOptions()))
        {
            writer.Complete();
        }

        Assert.Equal("[]\n", File.ReadAllText(path));
    }

    [Fact]
    public void The_file_is_utf8_without_a_byte_order_mark()
    {
        var path = Path.Combine(folder, "names.json");
        using (var writer = JsonFileWriter.Create(path, new JsonExportOptions { Indented = false }))
        {
            writer.Write("Zoë O'Brien");
            writer.Complete();
        }

        var bytes = File.ReadAllBytes(path);
        Assert.Equal((byte)'[', bytes[0]);
        Assert.Equal("[\"Zoë O'Brien\"]\n", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void A_record_that_fails_deletes_the_temporary_file_and_writes_no_file()
    {
        var path = Path.Combine(folder, "users.json");
        using var writer = JsonFileWriter.Create(path, new JsonExportOptions());
        writer.Write(new { Id = "a" });

        Assert.Throws<JsonExportException>(() => writer.Write(new { Handler = new Action(() => { }) }));

        Assert.Empty(FileNames());
        Assert.Throws<InvalidOperationException>(() => writer.Complete());
    }

    [Fact]
    public void An_existing_file_is_kept_when_writing_fails()
    {
        var path = Path.Combine(folder, "users.json");
        File.WriteAllText(path, "old");
        using (var writer = JsonFileWriter.Create(path, new JsonExportOptions(), overwrite: true))
        {
            writer.Write(new { Id = "a" });
            var cycle = new System.Collections.Generic.List<object>();
            cycle.Add(cycle);
            Assert.Throws<JsonExportException>(() => writer.Write(cycle));
        }

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(new[] { "users.json" }, FileNames());
    }

    [Fact]
    public void Disposing_before_completion_deletes_the_temporary_file_and_keeps_the_old_file()
    {
        var path = Path.Combine(folder, "users.json");
        File.WriteAllText(path, "old");
        using (var writer = JsonFileWriter.Create(path, new JsonExportOptions(), overwrite: true))
        {
            writer.Write(new { Id = "a" });
        }

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(new[] { "users.json" }, FileNames());
    }

    [Fact]
    public void An_existing_file_is_replaced_only_when_allowed()
    {
        var path = Path.Combine(folder, "users.json");
        File.WriteAllText(path, "old");

        var error = Assert.Throws<IOException>(() => JsonFileWriter.Create(path, new JsonExportOptions()));
        Assert.Contains(path, error.Message);

        using (var writer = JsonFileWriter.Create(path, new JsonExportOptions(), overwrite: true))
        {
            writer.Write(1);
            writer.Complete();
        }

        Assert.Equal("[\n  1\n]\n", File.ReadAllText(path));
        Assert.Equal(new[] { "users.json" }, FileNames());
    }

    [Fact]
    public void A_file_that_appears_meanwhile_is_not_replaced_without_permission()
    {
        var path = Path.Combine(folder, "users.json");
        using var writer = JsonFileWriter.Create(path, new JsonExportOptions());
        writer.Write(1);
        File.WriteAllText(path, "theirs");

        Assert.ThrowsAny<IOException>(() => writer.Complete());

        Assert.Equal("theirs", File.ReadAllText(path));
        Assert.Equal(new[] { "users.json" }, FileNames());
    }

    [Fact]
    public void A_missing_folder_is_named()
    {
        var missing = Path.Combine(folder, "missing");

        var error = Assert.Throws<DirectoryNotFoundException>(() =>
            JsonFileWriter.Create(Path.Combine(missing, "users.json"), new JsonExportOptions()));

        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void A_folder_is_not_a_file_path()
    {
        var error = Assert.Throws<IOException>(() => JsonFileWriter.Create(folder, new JsonExportOptions()));

        Assert.Contains("is a folder", error.Message);
    }

    [Fact]
    public void Json_lines_and_keyed_files_are_written_too()
    {
        var lines = Path.Combine(folder, "users.jsonl");
        var keyed = Path.Combine(folder, "insurance.json");
        var records = new object[] { new { PolicyNumber = "p1" }, new { PolicyNumber = "p2" } };

        using (var writer = JsonFileWriter.Create(lines, new JsonExportOptions { Layout = JsonLayout.Lines }))
        {
            Array.ForEach(records, writer.Write);
            writer.Complete();
        }

        var keyedOptions = new JsonExportOptions { Layout = JsonLayout.Keyed, KeyProperty = "PolicyNumber" };
        using (var writer = JsonFileWriter.Create(keyed, keyedOptions))
        {
            Array.ForEach(records, writer.Write);
            writer.Complete();
        }

        Assert.Equal("{\"policy_number\":\"p1\"}\n{\"policy_number\":\"p2\"}\n", File.ReadAllText(lines));
        Assert.StartsWith("{\n  \"p1\": {\n    \"policy_number\": \"p1\"\n  },", File.ReadAllText(keyed));
    }

    private string[] FileNames() =>
        Directory.GetFiles(folder).Select(f => Path.GetFileName(f)!).OrderBy(n => n, StringComparer.Ordinal).ToArray();
}

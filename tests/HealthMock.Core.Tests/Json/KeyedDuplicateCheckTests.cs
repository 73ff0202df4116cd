using System.IO;
using System.Text;
using HealthMock.Json;
using Xunit;

namespace HealthMock.Tests.Json;

/// <summary>
/// The keyed layout's duplicate-key check, which a writer of keys unique by construction may turn off so it does not
/// remember millions of keys.
/// </summary>
public sealed class KeyedDuplicateCheckTests
{
    private static readonly object[] Records = { new { Id = "a", N = 1 }, new { Id = "a", N = 2 } };

    [Fact]
    public void The_check_is_on_by_default()
    {
        Assert.True(new JsonExportOptions().CheckDuplicateKeys);
        var error = Assert.Throws<JsonExportException>(() => Write(new JsonExportOptions
        {
            Layout = JsonLayout.Keyed,
            KeyProperty = "Id",
            Indented = false,
        }));

        Assert.Equal(JsonExportErrorKind.DuplicateKey, error.Kind);
    }

    [Fact]
    public void Turned_off_it_writes_every_record_as_given()
    {
        var json = Write(new JsonExportOptions
        {
            Layout = JsonLayout.Keyed,
            KeyProperty = "Id",
            Indented = false,
            CheckDuplicateKeys = false,
        });

        Assert.Equal("{\"a\":{\"id\":\"a\",\"n\":1},\"a\":{\"id\":\"a\",\"n\":2}}\n", json);
    }

    private static string Write(JsonExportOptions options)
    {
        using var stream = new MemoryStream();
        using (var writer = new JsonRecordWriter(stream, options, leaveOpen: true))
        {
            foreach (var record in Records)
            {
                writer.Write(record);
            }

            writer.Complete();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Serialization;
using System.Text;
using System.Text.Json.Serialization;
using HealthMock.Generation;
using HealthMock.Json;
using HealthMock.Seeds;
using Xunit;

namespace HealthMock.Tests.Json;

/// <summary>
/// JsonRecordWriter writes plain classes through compiled plans and everything else through the general path of
/// JsonValueWriter. These tests hold the two to the same bytes, so the fast path can never change a file.
/// </summary>
public class JsonObjectPlanTests
{
    public enum Tone
    {
        [EnumMember(Value = "soft")]
        Soft,

        Loud,
    }

    [Flags]
    public enum Days
    {
        None = 0,
        Monday = 1,
        Tuesday = 2,
    }

    public enum Huge : ulong
    {
        Small = 1,
        Large = ulong.MaxValue,
    }

    public static TheoryData<NamingPolicy> Policies =>
        new() { NamingPolicy.SnakeCase, NamingPolicy.CamelCase, NamingPolicy.AsIs };

    [Theory]
    [MemberData(nameof(Policies))]
    public void Planned_records_match_the_general_path_byte_for_byte(NamingPolicy policy)
    {
        var records = Samples();

        Assert.Equal(General(records, policy), Lines(records, policy));
    }

    [Fact]
    public void Generated_patients_and_providers_match_the_general_path()
    {
        var patients = new PatientGenerator(SeedCatalog.Default,
            new PatientOptions { Seed = 11, ReferenceDate = new DateTime(2026, 3, 1) });
        var providers = new ProviderGenerator(SeedCatalog.Default, new ProviderOptions { Seed = 11 });
        var records = patients.Generate(0, 200).Cast<object>().Concat(providers.Generate(0, 50)).ToList();

        Assert.Equal(General(records, NamingPolicy.SnakeCase), Lines(records, NamingPolicy.SnakeCase));
    }

    [Fact]
    public void Records_indented_after_writing_match_records_the_writer_indents()
    {
        var records = Samples().Concat(new object?[] { null, 3, "text", new[] { 1, 2 } }).ToList();
        var keyed = Samples().Select((record, i) => (object)new Keyed { Id = "k" + i, Value = record }).ToList();

        var direct = Array(records) + Array(keyed, JsonLayout.Keyed);
        AppContext.SetSwitch("HealthMock.Json.IndentAfterWriting", true);
        try
        {
            Assert.Equal(direct, Array(records) + Array(keyed, JsonLayout.Keyed));
        }
        finally
        {
            AppContext.SetSwitch("HealthMock.Json.IndentAfterWriting", false);
        }
    }

    [Fact]
    public void A_keyed_planned_record_is_keyed_by_its_json_name_too()
    {
        var json = Array(new object[] { new Keyed { Id = "a" }, new Keyed { Id = "b" } }, JsonLayout.Keyed, "id",
            indented: false);

        Assert.Equal("{\"a\":{\"id\":\"a\",\"value\":null},\"b\":{\"id\":\"b\",\"value\":null}}\n", json);
    }

    [Fact]
    public void A_planned_record_that_fails_is_reported_by_the_general_path_and_leaves_nothing()
    {
        using var output = new MemoryStream();
        using var writer = new JsonRecordWriter(output, new JsonExportOptions { Indented = false }, leaveOpen: true);

        writer.Write(new Measure { Value = 1 });
        var error = Assert.Throws<JsonExportException>(() => writer.Write(new Measure { Value = double.NaN }));
        writer.Write(new Measure { Value = 3 });
        writer.Complete();

        Assert.Contains("$.value in record 2", error.Message);
        Assert.Equal("[{\"value\":1},{\"value\":3}]\n", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public void A_duplicate_key_of_a_planned_record_is_refused()
    {
        var records = new object[] { new Keyed { Id = "a" }, new Keyed { Id = "a" } };

        var error = Assert.Throws<JsonExportException>(() => Array(records, JsonLayout.Keyed));

        Assert.Equal(JsonExportErrorKind.DuplicateKey, error.Kind);
    }

    [Fact]
    public void A_wrapped_record_with_added_properties_is_written_with_them()
    {
        var options = new JsonExportOptions { Indented = false, Inspector = new NoteInspector() };
        var plain = new Noted(new Measure { Value = 2 });
        var noted = new Noted(new Measure { Value = 1 }, ("Note", "x"));

        var json = Array(new object[] { plain, noted }, options);

        Assert.Equal("[{\"value\":2},{\"value\":1,\"note\":\"x\"}]\n", json);
    }

    private static List<object?> Samples()
    {
        var node = new Node { Name = "a", Next = new Node { Name = "b" } };
        return new List<object?>
        {
            new Everything(),
            new Everything
            {
                Text = "José \"quoted\" \\ <b>",
                Flag = true,
                Small = -3,
                Tiny = 255,
                Unsigned = uint.MaxValue,
                Big = ulong.MaxValue,
                Money = 12.50m,
                MaybeMoney = 0.1m,
                MaybeCount = 7,
                Ratio = 0.1,
                Single = 0.1f,
                MaybeRatio = 1e300,
                Moment = new DateTime(2026, 1, 2, 3, 4, 5, 600, DateTimeKind.Utc),
                Date = new DateTime(1, 2, 3),
                MaybeDate = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Local),
                Offset = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(-5)),
                Span = TimeSpan.FromMinutes(90),
                Identity = Guid.Parse("d3b07384-d113-4ec2-a4f5-0e0f4e5f6a7b"),
                Letter = 'é',
                Tone = Tone.Soft,
                MaybeTone = (Tone)42,
                Days = Days.Monday | Days.Tuesday,
                Huge = Huge.Large,
                Tags = new[] { "a", null, "c" },
                TagList = new DerivedList { "derived" },
                Conditions = new[] { new Condition("I10", "Hypertension"), null! },
                Contacts = new List<EmergencyContact> { new("Ana", "Parent", "555") },
                Contact = new EmergencyContact("Bo", "Friend", "556"),
                Anything = new Dictionary<string, int> { ["b"] = 2, ["a"] = 1 },
                Names = new[] { "x" },
                Grid = new[,] { { 1, 2 } },
            },
            node,
            new Renamed { Value = 5 },
            new Skipping { Value = null },
            new Keyed { Id = "k", Value = new Measure { Value = -0.0 } },
        };
    }

    private static string General(IEnumerable<object?> records, NamingPolicy policy)
    {
        var general = new JsonValueWriter(new JsonExportOptions { NamingPolicy = policy, Indented = false });
        return string.Concat(records.Select(record => general.Serialize(record) + "\n"));
    }

    private static string Lines(IEnumerable<object?> records, NamingPolicy policy) =>
        Array(records, new JsonExportOptions { NamingPolicy = policy, Layout = JsonLayout.Lines });

    private static string Array(IEnumerable<object?> records, JsonLayout layout = JsonLayout.Array,
        string? key = null, bool indented = true) =>
        Array(records, new JsonExportOptions
        {
            Layout = layout,
            KeyProperty = layout == JsonLayout.Keyed ? key ?? "Id" : null,
            Indented = indented,
        });

    private static string Array(IEnumerable<object?> records, JsonExportOptions options)
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

        return Encoding.UTF8.GetString(output.ToArray());
    }

    public sealed class Everything
    {
        public string? Text { get; set; }

        public bool Flag { get; set; }

        public short Small { get; set; }

        public byte Tiny { get; set; }

        public uint Unsigned { get; set; }

        public ulong Big { get; set; }

        public decimal Money { get; set; }

        public decimal? MaybeMoney { get; set; }

        public int? MaybeCount { get; set; }

        public double Ratio { get; set; }

        public float Single { get; set; }

        public double? MaybeRatio { get; set; }

        public DateTime Moment { get; set; }

        public DateTime Date { get; set; }

        public DateTime? MaybeDate { get; set; }

        public DateTimeOffset Offset { get; set; }

        public TimeSpan Span { get; set; }

        public Guid Identity { get; set; }

        public char Letter { get; set; } = 'x';

        public Tone Tone { get; set; }

        public Tone? MaybeTone { get; set; }

        public Days Days { get; set; }

        public Huge Huge { get; set; }

        public string?[]? Tags { get; set; }

        public List<string>? TagList { get; set; }

        public Condition[]? Conditions { get; set; }

        public List<EmergencyContact>? Contacts { get; set; }

        public EmergencyContact? Contact { get; set; }

        public object? Anything { get; set; }

        public IReadOnlyList<string>? Names { get; set; }

        public int[,]? Grid { get; set; }
    }

    public sealed class DerivedList : List<string>
    {
    }

    public sealed class Node
    {
        public string Name { get; set; } = "";

        public Node? Next { get; set; }
    }

    public sealed class Renamed
    {
        [JsonPropertyName("Custom-Name")]
        public int Value { get; set; }
    }

    public sealed class Skipping
    {
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Value { get; set; }

        public int Other { get; set; }
    }

    public sealed class Measure
    {
        public double Value { get; set; }
    }

    public sealed class Keyed
    {
        public string Id { get; set; } = "";

        public object? Value { get; set; }
    }

    private sealed class Noted
    {
        public Noted(object inner, params (string Name, object? Value)[] notes)
        {
            Inner = inner;
            Notes = notes;
        }

        public object Inner { get; }

        public (string Name, object? Value)[] Notes { get; }
    }

    private sealed class NoteInspector : IJsonObjectInspector
    {
        public object? Unwrap(object value) => value is Noted noted ? noted.Inner : value;

        public bool TryGetProperties(object value, out IEnumerable<KeyValuePair<string, object?>> properties)
        {
            properties = System.Array.Empty<KeyValuePair<string, object?>>();
            return false;
        }

        public IEnumerable<KeyValuePair<string, object?>> GetExtraProperties(object value) =>
            ((Noted)value).Notes.Select(note => new KeyValuePair<string, object?>(note.Name, note.Value));
    }
}

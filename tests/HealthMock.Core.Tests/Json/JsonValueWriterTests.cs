using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Dynamic;
using System.IO;
using System.Numerics;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using HealthMock.Json;
using Xunit;

namespace HealthMock.Tests.Json;

public class JsonValueWriterTests
{
    public enum VisitMode
    {
        [EnumMember(Value = "in_person")]
        InPerson,

        Telehealth,
    }

    [Flags]
    public enum Weekdays
    {
        None = 0,
        Monday = 1,
        Tuesday = 2,
    }

    public static TheoryData<object?, string> Scalars => new()
    {
        { null, "null" },
        { "Sara", "\"Sara\"" },
        { 'x', "\"x\"" },
        { true, "true" },
        { false, "false" },
        { (byte)255, "255" },
        { (sbyte)-8, "-8" },
        { (short)-300, "-300" },
        { (ushort)65535, "65535" },
        { 42, "42" },
        { 4000000000u, "4000000000" },
        { -9000000000L, "-9000000000" },
        { ulong.MaxValue, "18446744073709551615" },
        { 1.5f, "1.5" },
        { 2481.26, "2481.26" },
        { 0.1 + 0.2, "0.30000000000000004" },
        { 2481.20m, "2481.20" },
        { VisitMode.Telehealth, "\"Telehealth\"" },
        { VisitMode.InPerson, "\"in_person\"" },
        { Weekdays.Monday | Weekdays.Tuesday, "\"Monday, Tuesday\"" },
        { new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"), "\"0f8fad5b-d9cb-469f-a165-70867728950e\"" },
        { new Uri("https://example.com/a b"), "\"https://example.com/a b\"" },
        { new Version(1, 2, 3), "\"1.2.3\"" },
        { TimeSpan.FromMinutes(90), "\"01:30:00\"" },
        { new TimeSpan(1, 2, 0, 0), "\"1.02:00:00\"" },
        { DBNull.Value, "null" },
        { BigInteger.Parse("123456789012345678901234567890"), "123456789012345678901234567890" },
        { Int128.MaxValue, "170141183460469231731687303715884105727" },
        { (Half)1.5, "1.5" },
    };

    public static TheoryData<object, string> Dates => new()
    {
        { new DateTime(1979, 6, 1), "\"1979-06-01\"" },
        { new DateTime(2026, 12, 3, 9, 30, 0), "\"2026-12-03T09:30:00\"" },
        { new DateTime(2026, 12, 3, 14, 30, 0, DateTimeKind.Utc), "\"2026-12-03T14:30:00Z\"" },
        { new DateTime(2026, 12, 3, 0, 0, 0, DateTimeKind.Utc), "\"2026-12-03T00:00:00Z\"" },
        { new DateTime(2026, 12, 3, 9, 30, 0, 250), "\"2026-12-03T09:30:00.25\"" },
        {
            new DateTimeOffset(2026, 12, 3, 9, 30, 0, TimeSpan.FromHours(-5)),
            "\"2026-12-03T09:30:00-05:00\""
        },
        {
            new DateTimeOffset(2026, 12, 3, 9, 30, 0, 500, TimeSpan.Zero),
            "\"2026-12-03T09:30:00.5+00:00\""
        },
        { new DateOnly(2026, 12, 3), "\"2026-12-03\"" },
        { new TimeOnly(9, 30), "\"09:30:00\"" },
    };

    public static TheoryData<object, string> NotData => new()
    {
        { new Action(() => { }), "delegate" },
        { typeof(string), "reflection metadata" },
        { new MemoryStream(), "stream" },
        { new StringReader("x"), "stream" },
        { new IntPtr(5), "pointer" },
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void Scalars_are_written_as_json_values(object? value, string expected)
    {
        Assert.Equal(expected, Compact(value));
    }

    [Theory]
    [MemberData(nameof(Dates))]
    public void Dates_are_written_as_iso_8601_and_date_only_values_without_time(object value, string expected)
    {
        Assert.Equal(expected, Compact(value));
    }

    [Fact]
    public void A_local_date_and_time_is_written_with_its_offset()
    {
        var local = new DateTime(2026, 12, 3, 9, 30, 0, DateTimeKind.Local);
        var offset = TimeZoneInfo.Local.GetUtcOffset(local);

        var expected = new DateTimeOffset(local, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz");

        Assert.Equal("\"" + expected + "\"", Compact(local));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_numbers_are_refused_by_name(double number)
    {
        var error = Assert.Throws<JsonExportException>(() => Compact(new { Deductible = number }));

        Assert.Equal(JsonExportErrorKind.UnsupportedValue, error.Kind);
        Assert.Contains("$.deductible", error.Message);
        Assert.Contains("System.Double", error.Message);
        Assert.Contains("finite number", error.Message);
    }

    [Fact]
    public void A_non_finite_single_is_refused()
    {
        var error = Assert.Throws<JsonExportException>(() => Compact(float.NaN));

        Assert.Contains("System.Single value NaN", error.Message);
    }

    [Fact]
    public void Apostrophes_accents_and_non_latin_letters_are_written_unescaped()
    {
        Assert.Equal("\"O'Brien José Zúñiga Łukasz 山田\"", Compact("O'Brien José Zúñiga Łukasz 山田"));
    }

    [Fact]
    public void Quotes_backslashes_and_control_characters_are_escaped()
    {
        var json = Compact("a\"b\\c\nd\u0001");

        Assert.Equal("a\"b\\c\nd\u0001", JsonDocument.Parse(json).RootElement.GetString());
        Assert.DoesNotContain("\n", json);
    }

    [Fact]
    public void Objects_write_their_public_properties_in_declaration_order_with_snake_case_names()
    {
        var provider = new ProviderRecord { Id = "dr_doe_family_01", NPI = "1234567893", IsPrimaryCare = true };

        Assert.Equal(
            "{\"id\":\"dr_doe_family_01\",\"npi\":\"1234567893\",\"is_primary_care\":true,\"address_line1\":null}",
            Compact(provider));
    }

    [Theory]
    [InlineData(NamingPolicy.CamelCase, "{\"id\":\"p\",\"npi\":\"1\",\"isPrimaryCare\":false,\"addressLine1\":null}")]
    [InlineData(NamingPolicy.AsIs, "{\"Id\":\"p\",\"NPI\":\"1\",\"IsPrimaryCare\":false,\"AddressLine1\":null}")]
    public void The_naming_policy_applies_to_property_names(NamingPolicy policy, string expected)
    {
        Assert.Equal(expected, Compact(new ProviderRecord { Id = "p", NPI = "1" }, policy));
    }

    [Fact]
    public void Base_class_properties_come_first_and_a_hiding_property_keeps_their_place()
    {
        Assert.Equal("{\"name\":\"derived\",\"kind\":1,\"extra\":true}", Compact(new DerivedRecord()));
    }

    [Fact]
    public void Static_properties_indexers_and_write_only_properties_are_left_out()
    {
        Assert.Equal("{\"visible\":1}", Compact(new ShapesRecord()));
    }

    [Fact]
    public void Json_attributes_name_or_leave_out_properties()
    {
        Assert.Equal("{\"dob\":\"2000-01-02\",\"Kept\":1}", Compact(new AttributedRecord()));
    }

    [Fact]
    public void Anonymous_objects_and_structs_are_written_as_objects()
    {
        Assert.Equal("{\"first_name\":\"Ana\",\"point\":{\"x\":1,\"y\":2}}",
            Compact(new { FirstName = "Ana", Point = new PointRecord(1, 2) }));
    }

    [Fact]
    public void Collections_are_written_as_arrays()
    {
        var value = new
        {
            Array = new[] { 1, 2 },
            List = new List<string> { "a" },
            Set = new SortedSet<int> { 3 },
            Empty = Array.Empty<object>(),
            Lazy = Numbers(2),
        };

        Assert.Equal("{\"array\":[1,2],\"list\":[\"a\"],\"set\":[3],\"empty\":[],\"lazy\":[0,1]}", Compact(value));
    }

    [Fact]
    public void A_hashtable_is_written_with_its_keys_in_ordinal_order()
    {
        var table = new Hashtable { ["b"] = 2, ["A"] = 1, ["a"] = 3, ["_z"] = 0 };

        Assert.Equal("{\"A\":1,\"_z\":0,\"a\":3,\"b\":2}", Compact(table, NamingPolicy.AsIs));
    }

    [Fact]
    public void Ordered_and_generic_dictionaries_keep_their_order_and_convert_their_keys()
    {
        var ordered = new OrderedDictionary { ["ZipCode"] = "01919", ["City"] = "Lake" };
        var generic = new Dictionary<string, int> { ["PrimaryCare"] = 25, ["Specialist"] = 50 };

        Assert.Equal("{\"zip_code\":\"01919\",\"city\":\"Lake\"}", Compact(ordered));
        Assert.Equal("{\"primary_care\":25,\"specialist\":50}", Compact(generic));
    }

    [Fact]
    public void Dictionaries_with_scalar_keys_use_their_invariant_text()
    {
        var byNumber = new SortedDictionary<double, string> { [1.5] = "a" };
        var byEnum = new Dictionary<VisitMode, int> { [VisitMode.InPerson] = 1 };
        var byDate = new Dictionary<DateTime, int> { [new DateTime(2026, 1, 2)] = 1 };

        using (new CultureScope("de-DE"))
        {
            Assert.Equal("{\"1.5\":\"a\"}", Compact(byNumber));
            Assert.Equal("{\"in_person\":1}", Compact(byEnum));
            Assert.Equal("{\"2026-01-02\":1}", Compact(byDate));
        }
    }

    [Fact]
    public void Generic_only_dictionaries_are_written_as_objects()
    {
        dynamic expando = new ExpandoObject();
        expando.FirstName = "Ana";
        IReadOnlyDictionary<string, int> readOnly = new ReadOnlyOnlyDictionary();

        Assert.Equal("{\"first_name\":\"Ana\"}", Compact((object)expando));
        Assert.Equal("{\"copay\":25}", Compact(readOnly));
    }

    [Fact]
    public void A_dictionary_key_that_is_an_object_is_refused()
    {
        var error = Assert.Throws<JsonExportException>(() =>
            Compact(new Hashtable { [new PointRecord(1, 2)] = 1 }));

        Assert.Equal(JsonExportErrorKind.UnsupportedValue, error.Kind);
        Assert.Contains("PointRecord", error.Message);
    }

    [Fact]
    public void Json_elements_and_nodes_are_written_as_they_are()
    {
        var element = JsonDocument.Parse("{\"KeepName\":[1,true]}").RootElement;
        var node = JsonNode.Parse("{\"KeepName\":null}");

        var json = Compact(new { A = element, B = node });

        Assert.Equal("{\"a\":{\"KeepName\":[1,true]},\"b\":{\"KeepName\":null}}", json);
    }

    [Theory]
    [MemberData(nameof(NotData))]
    public void Values_that_are_not_data_are_refused_naming_the_type(object value, string reason)
    {
        var error = Assert.Throws<JsonExportException>(() => Compact(new { Handler = value }));

        Assert.Equal(JsonExportErrorKind.UnsupportedValue, error.Kind);
        Assert.Same(value, error.Value);
        Assert.Contains(value.GetType().FullName!, error.Message);
        Assert.Contains(reason, error.Message);
        Assert.Contains("$.handler", error.Message);
        Assert.Contains("Expected", error.Message);
    }

    [Fact]
    public void A_property_of_a_by_reference_structure_is_refused_naming_the_property()
    {
        var error = Assert.Throws<JsonExportException>(() => Compact(new SpanRecord()));

        Assert.Equal(JsonExportErrorKind.UnsupportedValue, error.Kind);
        Assert.Contains("'Buffer'", error.Message);
        Assert.Contains("System.Span<System.Int32>", error.Message);
    }

    [Fact]
    public void A_getter_that_throws_is_reported_with_the_property_and_the_cause()
    {
        var owner = new ThrowingRecord();

        var error = Assert.Throws<JsonExportException>(() => Compact(new[] { owner }));

        Assert.Equal(JsonExportErrorKind.UnsupportedValue, error.Kind);
        Assert.Same(owner, error.Value);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Contains("'Broken'", error.Message);
        Assert.Contains("ThrowingRecord", error.Message);
        Assert.Contains("$[0]", error.Message);
        Assert.Contains("not ready", error.Message);
    }

    [Fact]
    public void An_object_that_contains_itself_is_a_reference_cycle()
    {
        var node = new NodeRecord { Name = "root" };
        node.Children.Add(new NodeRecord { Name = "child" });
        node.Children[0].Children.Add(node);

        var error = Assert.Throws<JsonExportException>(() => Compact(node));

        Assert.Equal(JsonExportErrorKind.ReferenceCycle, error.Kind);
        Assert.Same(node, error.Value);
        Assert.Contains("NodeRecord", error.Message);
        Assert.Contains("$.children[0].children[0]", error.Message);
    }

    [Fact]
    public void A_collection_or_dictionary_that_contains_itself_is_a_reference_cycle()
    {
        var list = new List<object>();
        list.Add(list);
        var table = new Hashtable();
        table["self"] = table;

        Assert.Equal(JsonExportErrorKind.ReferenceCycle, Assert.Throws<JsonExportException>(() => Compact(list)).Kind);
        Assert.Equal(JsonExportErrorKind.ReferenceCycle, Assert.Throws<JsonExportException>(() => Compact(table)).Kind);
    }

    [Fact]
    public void The_same_object_twice_side_by_side_is_not_a_cycle()
    {
        var shared = new PointRecord(1, 2);
        var clinic = new ProviderRecord { Id = "c" };

        Assert.Equal("[{\"x\":1,\"y\":2},{\"x\":1,\"y\":2}]", Compact(new[] { shared, shared }));
        Assert.StartsWith("{\"a\":{\"id\":\"c\"", Compact(new { A = clinic, B = clinic }));
    }

    [Fact]
    public void Deeply_nested_values_are_written()
    {
        var node = new NodeRecord { Name = "leaf" };
        for (var i = 0; i < 2000; i++)
        {
            var parent = new NodeRecord { Name = "n" };
            parent.Children.Add(node);
            node = parent;
        }

        using var document = JsonDocument.Parse(Compact(node), new JsonDocumentOptions { MaxDepth = 5000 });

        Assert.Equal("n", document.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public void Numbers_and_dates_are_formatted_with_the_invariant_culture()
    {
        var value = new
        {
            Amount = 1234.5m,
            Ratio = 0.25,
            Rate = 1.5f,
            Date = new DateTime(2026, 12, 3),
            Start = new DateTimeOffset(2026, 12, 3, 9, 30, 0, TimeSpan.FromHours(-5)),
            Time = new DateTime(2026, 12, 3, 9, 30, 0),
            Length = TimeSpan.FromMinutes(30),
            IsInsured = true,
            Mode = VisitMode.InPerson,
        };
        var expected = Compact(value);

        foreach (var culture in new[] { "de-DE", "tr-TR", "ar-SA", "fa-IR" })
        {
            using (new CultureScope(culture))
            {
                Assert.Equal(expected, Compact(value));
            }
        }

        using (new CultureScope("de-DE"))
        {
            Assert.Equal("1,5", 1.5.ToString(), StringComparer.Ordinal);
        }

        Assert.Equal(
            "{\"amount\":1234.5,\"ratio\":0.25,\"rate\":1.5,\"date\":\"2026-12-03\","
            + "\"start\":\"2026-12-03T09:30:00-05:00\",\"time\":\"2026-12-03T09:30:00\",\"length\":\"00:30:00\","
            + "\"is_insured\":true,\"mode\":\"in_person\"}",
            expected);
    }

    [Fact]
    public void Serialize_indents_with_two_spaces_and_line_feeds()
    {
        var writer = new JsonValueWriter();
        var value = new { Id = "a", Tags = new[] { "x", "y" }, Empty = Array.Empty<int>(), None = new { } };

        var json = writer.Serialize(value);

        Assert.Equal(
            "{\n  \"id\": \"a\",\n  \"tags\": [\n    \"x\",\n    \"y\"\n  ],\n  \"empty\": [],\n  \"none\": {}\n}",
            json);
    }

    [Fact]
    public void Indentation_leaves_structural_characters_inside_strings_alone()
    {
        var writer = new JsonValueWriter();

        var json = writer.Serialize(new[] { "{[,:]} \"quoted\" \\" });

        Assert.Equal("[\n  \"{[,:]} \\\"quoted\\\" \\\\\"\n]", json);
    }

    [Fact]
    public void An_inspector_supplies_properties_of_wrappers()
    {
        var wrapped = new Wrapper(new PointRecord(1, 2), ("Label", "a"));
        var custom = new Wrapper(null, ("FirstName", "Ana"), ("Self", null));
        var options = new JsonExportOptions { Indented = false, Inspector = new WrapperInspector() };

        var json = new JsonValueWriter(options).Serialize(new object[] { wrapped, custom, new Wrapper("text") });

        Assert.Equal("[{\"x\":1,\"y\":2,\"label\":\"a\"},{\"first_name\":\"Ana\",\"self\":null},\"text\"]", json);
    }

    [Fact]
    public void A_wrapper_that_contains_itself_is_a_reference_cycle()
    {
        var custom = new Wrapper(null, ("Name", "a"));
        custom.Notes.Add(("Self", custom));
        var options = new JsonExportOptions { Inspector = new WrapperInspector() };

        var error = Assert.Throws<JsonExportException>(() => new JsonValueWriter(options).Serialize(custom));

        Assert.Equal(JsonExportErrorKind.ReferenceCycle, error.Kind);
        Assert.Contains("$.self", error.Message);
    }

    [Fact]
    public void An_inspector_property_that_throws_is_reported_as_unsupported()
    {
        var options = new JsonExportOptions { Inspector = new WrapperInspector() };
        var custom = new Wrapper(null, ("Broken", new InvalidOperationException("Exception getting \"Broken\"")));

        var error = Assert.Throws<JsonExportException>(() => new JsonValueWriter(options).Serialize(custom));

        Assert.Equal(JsonExportErrorKind.UnsupportedValue, error.Kind);
        Assert.Contains("Exception getting \"Broken\"", error.Message);
    }

    [Fact]
    public void Cancellation_stops_writing_between_objects()
    {
        using var cancellation = new System.Threading.CancellationTokenSource();
        cancellation.Cancel();
        var writer = new JsonValueWriter(new JsonExportOptions { CancellationToken = cancellation.Token });

        Assert.ThrowsAny<OperationCanceledException>(() => writer.Serialize(new[] { 1 }));
    }

    private static string Compact(object? value, NamingPolicy policy = NamingPolicy.SnakeCase) =>
        new JsonValueWriter(new JsonExportOptions { NamingPolicy = policy, Indented = false }).Serialize(value);

    private static IEnumerable<int> Numbers(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return i;
        }
    }

    public readonly struct PointRecord
    {
        public PointRecord(int x, int y)
        {
            X = x;
            Y = y;
        }

        public int X { get; }

        public int Y { get; }
    }

    public sealed class ProviderRecord
    {
        public string Id { get; set; } = "";

        public string NPI { get; set; } = "";

        public bool IsPrimaryCare { get; set; }

        public string? AddressLine1 { get; set; }
    }

    public class BaseRecord
    {
        public string Name { get; set; } = "base";

        public int Kind { get; set; } = 1;
    }

    public sealed class DerivedRecord : BaseRecord
    {
        public new string Name { get; set; } = "derived";

        public bool Extra { get; set; } = true;
    }

    public sealed class ShapesRecord
    {
        public static int Shared { get; set; } = 5;

        public int Visible { get; set; } = 1;

        public int WriteOnly
        {
            set { }
        }

        public int this[int index] => index;
    }

    public sealed class AttributedRecord
    {
        [JsonPropertyName("dob")]
        public DateTime DateOfBirth { get; set; } = new(2000, 1, 2);

        [JsonIgnore]
        public string Secret { get; set; } = "s";

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Optional { get; set; }

        [JsonPropertyName("Kept")]
        public int Kept { get; set; } = 1;
    }

    public sealed class SpanRecord
    {
        public Span<int> Buffer => Span<int>.Empty;
    }

    public sealed class ThrowingRecord
    {
        public int Fine => 1;

        public int Broken => throw new InvalidOperationException("not ready");
    }

    public sealed class NodeRecord
    {
        public string Name { get; set; } = "";

        public List<NodeRecord> Children { get; } = new();
    }

    public sealed class ReadOnlyOnlyDictionary : IReadOnlyDictionary<string, int>
    {
        private readonly Dictionary<string, int> inner = new() { ["Copay"] = 25 };

        public int Count => inner.Count;

        public IEnumerable<string> Keys => inner.Keys;

        public IEnumerable<int> Values => inner.Values;

        public int this[string key] => inner[key];

        public bool ContainsKey(string key) => inner.ContainsKey(key);

        public bool TryGetValue(string key, out int value) => inner.TryGetValue(key, out value);

        public IEnumerator<KeyValuePair<string, int>> GetEnumerator() => inner.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class Wrapper
    {
        public Wrapper(object? wrapped, params (string Name, object? Value)[] notes)
        {
            Wrapped = wrapped;
            Notes = new List<(string, object?)>(notes);
        }

        public object? Wrapped { get; }

        public List<(string Name, object? Value)> Notes { get; }
    }

    private sealed class WrapperInspector : IJsonObjectInspector
    {
        public object? Unwrap(object value) => value is Wrapper { Wrapped: { } wrapped } ? wrapped : value;

        public bool TryGetProperties(object value, out IEnumerable<KeyValuePair<string, object?>> properties)
        {
            properties = value is Wrapper wrapper ? Read(wrapper) : Array.Empty<KeyValuePair<string, object?>>();
            return value is Wrapper;
        }

        public IEnumerable<KeyValuePair<string, object?>> GetExtraProperties(object value) => Read((Wrapper)value);

        private static IEnumerable<KeyValuePair<string, object?>> Read(Wrapper wrapper)
        {
            foreach (var (name, value) in wrapper.Notes)
            {
                yield return new KeyValuePair<string, object?>(name, value is Exception error ? throw error : value);
            }
        }
    }
}

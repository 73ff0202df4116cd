using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using HealthMock.Seeds;
using Xunit;

namespace HealthMock.Tests.Generation;

/// <summary>
/// Loading a seeds folder. Broken files are made from the embedded seeds with one field changed, so each test
/// keeps exactly one fault when the seeds gain fields.
/// </summary>
public sealed class SeedCatalogTests : IDisposable
{
    private readonly string _folder =
        Path.Combine(Path.GetTempPath(), "healthmock-seeds-" + Guid.NewGuid().ToString("N"));

    public SeedCatalogTests()
    {
        Directory.CreateDirectory(_folder);
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void The_default_catalog_has_every_vocabulary()
    {
        var seeds = SeedCatalog.Default;

        Assert.NotEmpty(seeds.Cities);
        Assert.NotEmpty(seeds.Conditions);
        Assert.NotEmpty(seeds.Allergies);
        Assert.NotEmpty(seeds.StreetNames);
        Assert.NotEmpty(seeds.FemaleFirstNames);
        Assert.NotEmpty(seeds.MaleFirstNames);
        Assert.NotEmpty(seeds.LastNames);
        Assert.Equal(seeds.Cities.Select(c => c.State).Distinct().OrderBy(s => s, StringComparer.Ordinal),
            seeds.States);
    }

    [Theory]
    [InlineData("MA", "MA")]
    [InlineData("ma", "MA")]
    [InlineData("Massachusetts", "MA")]
    [InlineData("TEXAS", "TX")]
    [InlineData(" rhode island ", "RI")]
    [InlineData("ZZ", null)]
    [InlineData("Mass", null)]
    public void FindState_accepts_codes_and_names_in_any_case(string codeOrName, string? expected)
    {
        Assert.Equal(expected, SeedCatalog.Default.FindState(codeOrName));
    }

    [Fact]
    public void A_folder_without_seeds_files_gives_the_embedded_catalog()
    {
        var catalog = SeedCatalog.Load(_folder);

        Assert.Equal(SeedCatalog.Default.Conditions.Select(c => c.Code), catalog.Conditions.Select(c => c.Code));
    }

    [Fact]
    public void A_seeds_file_in_the_folder_replaces_the_embedded_one()
    {
        var seeds = Embedded("conditions.json");
        var conditions = seeds["conditions"]!.AsArray();
        while (conditions.Count > 1)
        {
            conditions.RemoveAt(1);
        }

        conditions[0]!["code"] = "X00";
        Write("conditions.json", seeds.ToJsonString());

        var catalog = SeedCatalog.Load(_folder);

        Assert.Equal("X00", Assert.Single(catalog.Conditions).Code);
        Assert.Equal(SeedCatalog.Default.Cities.Count, catalog.Cities.Count);
    }

    [Fact]
    public void Invalid_json_names_the_file_and_the_line()
    {
        var path = Write("conditions.json", "{ \"conditions\": [\n  { \"code\": \"I10\", }\n");

        var error = Assert.Throws<SeedFormatException>(() => SeedCatalog.Load(_folder));

        Assert.Equal(path, error.File);
        Assert.Null(error.Field);
        Assert.Contains("conditions.json", error.Message);
        Assert.Contains("not valid JSON at line", error.Message);
    }

    [Fact]
    public void A_missing_code_names_the_file_and_the_field_path()
    {
        var seeds = Embedded("conditions.json");
        seeds["conditions"]![1]!.AsObject().Remove("code");
        var path = Write("conditions.json", seeds.ToJsonString());

        var error = Assert.Throws<SeedFormatException>(() => SeedCatalog.Load(_folder));

        Assert.Equal(path, error.File);
        Assert.Equal("$.conditions[1].code", error.Field);
        Assert.Contains("conditions.json", error.Message);
        Assert.Contains("$.conditions[1].code", error.Message);
    }

    [Theory]
    [InlineData("code", null, "$.conditions[0].code")]
    [InlineData("code", "\"\"", "$.conditions[0].code")]
    [InlineData("code", "10", "$.conditions[0].code")]
    [InlineData("min_age", "-1", "$.conditions[0].min_age")]
    [InlineData("max_age", "121", "$.conditions[0].max_age")]
    [InlineData("prevalence", "2", "$.conditions[0].prevalence")]
    [InlineData("sex", "\"f\"", "$.conditions[0].sex")]
    [InlineData("medications", "[ { \"name\": \"y\" } ]", "$.conditions[0].medications[0].dosage")]
    [InlineData("medications", "{}", "$.conditions[0].medications")]
    public void A_condition_field_of_the_wrong_shape_names_its_path(string name, string? json, string field)
    {
        var seeds = Embedded("conditions.json");
        var condition = seeds["conditions"]![0]!.AsObject();
        condition.Remove(name);
        if (json is not null)
        {
            condition[name] = JsonNode.Parse(json);
        }

        var path = Write("conditions.json", seeds.ToJsonString());

        var error = Assert.Throws<SeedFormatException>(() => SeedCatalog.Load(_folder));

        Assert.Equal(path, error.File);
        Assert.Equal(field, error.Field);
        Assert.Contains(field, error.Message);
    }

    [Theory]
    [InlineData("code", "12", "expected a non-empty string, got 12.")]
    [InlineData("code", "\"  \"", "expected a non-empty string, got an empty string.")]
    [InlineData("code", "{}", "expected a non-empty string, got an object.")]
    [InlineData("min_age", "\"ten\"", "expected a whole number from 0 to 120, got 'ten'.")]
    [InlineData("prevalence", "null", "expected a number from 0 to 1, got null.")]
    [InlineData("medications", "true", "got true.")]
    public void A_field_of_the_wrong_type_says_what_it_got(string name, string json, string expected)
    {
        var seeds = Embedded("conditions.json");
        seeds["conditions"]![0]![name] = JsonNode.Parse(json);
        Write("conditions.json", seeds.ToJsonString());

        var error = Assert.Throws<SeedFormatException>(() => SeedCatalog.Load(_folder));

        Assert.EndsWith(expected, error.Message);
    }

    [Fact]
    public void A_city_with_a_bad_area_code_names_the_locations_file_and_field()
    {
        var seeds = Embedded("locations.json");
        seeds["cities"]![2]!["area_code"] = "61";
        var path = Write("locations.json", seeds.ToJsonString());

        var error = Assert.Throws<SeedFormatException>(() => SeedCatalog.Load(_folder));

        Assert.Equal(path, error.File);
        Assert.Equal("$.cities[2].area_code", error.Field);
        Assert.Contains("'61'", error.Message);
    }

    /// <summary>The seeds file embedded in the Core assembly, as the catalog reads it by default.</summary>
    private static JsonNode Embedded(string file)
    {
        using var stream = typeof(SeedCatalog).Assembly.GetManifestResourceStream("HealthMock.Seeds." + file)
            ?? throw new InvalidOperationException($"The Core assembly embeds no {file}.");
        return JsonNode.Parse(stream, documentOptions: new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
        })!;
    }

    private string Write(string file, string json)
    {
        var path = Path.Combine(_folder, file);
        File.WriteAllText(path, json);
        return path;
    }
}

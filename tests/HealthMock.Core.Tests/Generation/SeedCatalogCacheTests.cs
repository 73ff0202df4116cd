using System;
using System.IO;
using HealthMock.Seeds;
using Xunit;

namespace HealthMock.Tests.Generation;

/// <summary>Catalogs kept per seeds folder, and what a folder provides.</summary>
public sealed class SeedCatalogCacheTests : IDisposable
{
    private readonly string _folder =
        Path.Combine(Path.GetTempPath(), "healthmock-cache-" + Guid.NewGuid().ToString("N"));

    public SeedCatalogCacheTests()
    {
        Directory.CreateDirectory(_folder);
        CopyEmbedded("payers.json");
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void No_folder_gives_the_embedded_catalog()
    {
        Assert.Same(SeedCatalog.Default, SeedCatalogCache.Get(null, out var loaded));
        Assert.False(loaded);
        Assert.Null(SeedCatalog.Default.Folder);
        Assert.Empty(SeedCatalog.Default.FolderFiles);
    }

    [Fact]
    public void A_folder_is_read_once_while_its_files_are_unchanged()
    {
        var first = SeedCatalogCache.Get(_folder, out var firstLoaded);
        var second = SeedCatalogCache.Get(_folder, out var secondLoaded);

        Assert.True(firstLoaded);
        Assert.False(secondLoaded);
        Assert.Same(first, second);
        Assert.Equal(Path.GetFullPath(_folder), first.Folder);
        Assert.Equal(new[] { "payers.json" }, first.FolderFiles);
    }

    [Fact]
    public void A_changed_or_added_seeds_file_is_read_again()
    {
        var first = SeedCatalogCache.Get(_folder);
        var payers = Path.Combine(_folder, "payers.json");
        File.WriteAllText(payers, File.ReadAllText(payers).Replace("Juniper Crest Health", "Changed Health"));
        File.SetLastWriteTimeUtc(payers, DateTime.UtcNow.AddMinutes(1));

        var second = SeedCatalogCache.Get(_folder, out var loaded);
        CopyEmbedded("streets.json");
        var third = SeedCatalogCache.Get(_folder);

        Assert.True(loaded);
        Assert.NotSame(first, second);
        Assert.Contains(second.Payers, p => p.Name == "Changed Health");
        Assert.Equal(new[] { "payers.json", "streets.json" }, third.FolderFiles);
    }

    [Fact]
    public void A_missing_folder_is_reported_by_name()
    {
        var missing = Path.Combine(_folder, "missing");

        var error = Assert.Throws<DirectoryNotFoundException>(() => SeedCatalogCache.Get(missing));

        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void A_malformed_file_is_not_cached_and_names_its_file_and_field()
    {
        var payers = Path.Combine(_folder, "payers.json");
        File.WriteAllText(payers, File.ReadAllText(payers).Replace("\"member_prefix\": \"JCH\"",
            "\"member_prefix\": \"jch\""));

        var first = Assert.Throws<SeedFormatException>(() => SeedCatalogCache.Get(_folder));
        var second = Assert.Throws<SeedFormatException>(() => SeedCatalogCache.Get(_folder));

        Assert.Equal("$.payers[0].member_prefix", first.Field);
        Assert.EndsWith("payers.json", first.File);
        Assert.Equal(first.Field, second.Field);
    }

    [Fact]
    public void SeedPathInfo_lists_the_files_of_the_folder_and_those_left_to_the_embedded_seeds()
    {
        var info = SeedPathInfo.For(_folder);
        var embedded = SeedPathInfo.For(null);

        Assert.Equal(new[] { "payers.json" }, info.FolderFiles);
        Assert.Equal(SeedCatalog.FileNames.Count - 1, info.EmbeddedFiles.Count);
        Assert.DoesNotContain("payers.json", info.EmbeddedFiles);
        Assert.True(embedded.IsEmbedded);
        Assert.Equal(SeedCatalog.FileNames, embedded.EmbeddedFiles);
    }

    [Fact]
    public void Every_embedded_seeds_file_can_be_opened_and_others_cannot()
    {
        foreach (var name in SeedCatalog.FileNames)
        {
            using var stream = SeedCatalog.OpenEmbedded(name);
            Assert.True(stream.Length > 0, name);
        }

        Assert.Throws<ArgumentException>(() => SeedCatalog.OpenEmbedded("users.json"));
    }

    private void CopyEmbedded(string name)
    {
        using var source = SeedCatalog.OpenEmbedded(name);
        using var target = File.Create(Path.Combine(_folder, name));
        source.CopyTo(target);
    }
}

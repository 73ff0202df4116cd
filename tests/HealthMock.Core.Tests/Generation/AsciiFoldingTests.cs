using System.Linq;
using HealthMock.Seeds;
using Xunit;

namespace HealthMock.Tests.Generation;

public class AsciiFoldingTests
{
    [Theory]
    [InlineData("José", "jose")]
    [InlineData("O'Brien", "obrien")]
    [InlineData("O’Brien", "obrien")]
    [InlineData("Zúñiga", "zuniga")]
    [InlineData("Ærø", "aero")]
    [InlineData("Núñez-Müller", "nunezmuller")]
    [InlineData("Straße", "strasse")]
    [InlineData("Łukasz", "lukasz")]
    [InlineData("Œuvray", "oeuvray")]
    [InlineData("Mary Ann", "maryann")]
    [InlineData("St. John", "stjohn")]
    [InlineData("İlkay", "ilkay")]
    [InlineData("Smith", "smith")]
    public void Fold_gives_plain_lower_case_letters(string name, string expected)
    {
        Assert.Equal(expected, AsciiFolding.Fold(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("' -.")]
    [InlineData("李")]
    [InlineData("Ivan4")]
    [InlineData("Çağlar")]
    public void Fold_gives_null_when_nothing_or_something_unfoldable_is_left(string name)
    {
        Assert.Null(AsciiFolding.Fold(name));
    }

    [Fact]
    public void Every_seeded_name_has_a_folded_form_of_plain_letters()
    {
        var seeds = SeedCatalog.Default;
        var names = seeds.FemaleFirstNames.Concat(seeds.MaleFirstNames).Concat(seeds.LastNames).ToList();

        Assert.All(names, name =>
        {
            Assert.Equal(AsciiFolding.Fold(name.Text), name.Ascii);
            Assert.Matches("^[a-z]{2,}$", name.Ascii);
        });
        Assert.Contains(names, name => name.Text.Any(c => c > 127));
        Assert.Contains(names, name => name.Text.Contains('\''));
    }
}

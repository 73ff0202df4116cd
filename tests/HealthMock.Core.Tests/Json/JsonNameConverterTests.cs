using HealthMock.Json;
using Xunit;

namespace HealthMock.Tests.Json;

public class JsonNameConverterTests
{
    [Theory]
    [InlineData("DateOfBirth", "date_of_birth")]
    [InlineData("AddressLine1", "address_line1")]
    [InlineData("NPI", "npi")]
    [InlineData("IsPrimaryCare", "is_primary_care")]
    [InlineData("HTTPServer", "http_server")]
    [InlineData("Id", "id")]
    [InlineData("ID", "id")]
    [InlineData("ICD10Code", "icd10_code")]
    [InlineData("PrimaryCareProviderId", "primary_care_provider_id")]
    [InlineData("dateOfBirth", "date_of_birth")]
    [InlineData("first_name", "first_name")]
    [InlineData("Follow-up", "follow-up")]
    [InlineData("2026-01-02", "2026-01-02")]
    [InlineData("E11.9", "e11.9")]
    [InlineData("Max__Value", "max__value")]
    [InlineData("_id", "_id")]
    [InlineData("Ärztin", "ärztin")]
    [InlineData("", "")]
    public void Snake_case_splits_words_and_lower_cases_them(string name, string expected)
    {
        Assert.Equal(expected, JsonNameConverter.ToSnakeCase(name));
        Assert.Equal(expected, JsonNameConverter.For(NamingPolicy.SnakeCase).Convert(name));
    }

    [Theory]
    [InlineData("DateOfBirth", "dateOfBirth")]
    [InlineData("NPI", "npi")]
    [InlineData("HTTPServer", "httpServer")]
    [InlineData("IsPrimaryCare", "isPrimaryCare")]
    [InlineData("AddressLine1", "addressLine1")]
    [InlineData("ICD10Code", "icd10Code")]
    [InlineData("Id", "id")]
    [InlineData("dateOfBirth", "dateOfBirth")]
    [InlineData("first_name", "first_name")]
    [InlineData("", "")]
    public void Camel_case_lower_cases_the_leading_capitals(string name, string expected)
    {
        Assert.Equal(expected, JsonNameConverter.ToCamelCase(name));
        Assert.Equal(expected, JsonNameConverter.For(NamingPolicy.CamelCase).Convert(name));
    }

    [Theory]
    [InlineData("DateOfBirth")]
    [InlineData("first_name")]
    [InlineData("NPI")]
    public void As_is_keeps_the_name(string name)
    {
        Assert.Equal(name, JsonNameConverter.For(NamingPolicy.AsIs).Convert(name));
    }

    [Fact]
    public void Each_policy_has_one_shared_converter_that_returns_the_cached_name()
    {
        var converter = JsonNameConverter.For(NamingPolicy.SnakeCase);

        Assert.Same(converter, JsonNameConverter.For(NamingPolicy.SnakeCase));
        Assert.Same(converter.Convert("InsurancePolicyNumber"), converter.Convert("InsurancePolicyNumber"));
    }

    [Fact]
    public void Conversion_does_not_depend_on_the_current_culture()
    {
        using (new CultureScope("tr-TR"))
        {
            Assert.Equal("is_insured", JsonNameConverter.ToSnakeCase("IsInsured"));
            Assert.Equal("id", JsonNameConverter.ToCamelCase("ID"));
        }
    }
}

using System;
using HealthMock.Generation;
using HealthMock.Seeds;
using Xunit;

namespace HealthMock.Tests.Generation;

public class PatientOptionsTests
{
    [Fact]
    public void Default_options_are_valid()
    {
        new PatientOptions().Validate(SeedCatalog.Default);
    }

    [Fact]
    public void Filters_given_as_codes_and_names_in_any_case_are_valid()
    {
        var options = new PatientOptions
        {
            MinAge = 20,
            MaxAge = 20,
            States = new[] { "ma", "TEXAS", " Rhode Island " },
            EmailDomains = new[] { "clinic.test", "mail.example-clinic.org" },
            Sexes = new[] { Sex.Unknown },
        };

        options.Validate(SeedCatalog.Default);
    }

    [Fact]
    public void A_minimum_age_above_the_maximum_names_both_ages()
    {
        var error = Invalid(new PatientOptions { MinAge = 50, MaxAge = 20 });

        Assert.Equal(nameof(PatientOptions.MinAge), error.Option);
        Assert.Equal(50, error.Value);
        Assert.Contains("50", error.Message);
        Assert.Contains("20", error.Message);
    }

    [Theory]
    [InlineData(-1, 90, nameof(PatientOptions.MinAge), "-1")]
    [InlineData(121, 121, nameof(PatientOptions.MinAge), "121")]
    [InlineData(0, 121, nameof(PatientOptions.MaxAge), "121")]
    [InlineData(0, -5, nameof(PatientOptions.MaxAge), "-5")]
    public void An_age_outside_0_to_120_is_refused(int minAge, int maxAge, string option, string named)
    {
        var error = Invalid(new PatientOptions { MinAge = minAge, MaxAge = maxAge });

        Assert.Equal(option, error.Option);
        Assert.Contains(named, error.Message);
        Assert.Contains("120", error.Message);
    }

    [Theory]
    [InlineData("ZZ")]
    [InlineData("Atlantis")]
    [InlineData("")]
    public void An_unknown_state_is_named_in_the_error(string state)
    {
        var error = Invalid(new PatientOptions { States = new[] { "MA", state } });

        Assert.Equal(nameof(PatientOptions.States), error.Option);
        Assert.Equal(state, error.Value);
        Assert.Contains($"'{state}'", error.Message);
        Assert.Contains("MA", error.Message);
    }

    [Theory]
    [InlineData("not a domain")]
    [InlineData("localhost")]
    [InlineData("-bad.example")]
    [InlineData("bad-.example")]
    [InlineData("two..dots.example")]
    [InlineData("exämple.com")]
    [InlineData("user@example.com")]
    public void A_bad_email_domain_is_named_in_the_error(string domain)
    {
        var error = Invalid(new PatientOptions { EmailDomains = new[] { "example.com", domain } });

        Assert.Equal(nameof(PatientOptions.EmailDomains), error.Option);
        Assert.Equal(domain, error.Value);
        Assert.Contains($"'{domain}'", error.Message);
    }

    [Fact]
    public void A_reference_date_outside_1900_to_9000_is_refused()
    {
        var error = Invalid(new PatientOptions { ReferenceDate = new DateTime(1850, 1, 1) });

        Assert.Equal(nameof(PatientOptions.ReferenceDate), error.Option);
        Assert.Contains("1850-01-01", error.Message);
    }

    [Fact]
    public void The_generator_validates_its_options()
    {
        var error = Assert.Throws<InvalidOptionException>(() =>
            new PatientGenerator(SeedCatalog.Default, new PatientOptions { States = new[] { "ZZ" } }));

        Assert.Equal(nameof(PatientOptions.States), error.Option);
    }

    [Fact]
    public void The_message_does_not_repeat_the_parameter_name()
    {
        var error = Invalid(new PatientOptions { States = new[] { "ZZ" } });

        Assert.DoesNotContain("(Parameter", error.Message);
        Assert.Equal(nameof(PatientOptions.States), error.ParamName);
    }

    private static InvalidOptionException Invalid(PatientOptions options) =>
        Assert.Throws<InvalidOptionException>(() => options.Validate(SeedCatalog.Default));
}

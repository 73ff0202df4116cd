using HealthMock.Tests.Json;
using Xunit;

namespace HealthMock.Tests.Entities;

/// <summary>The one-line text of a policy's copays, as the policy list view shows it.</summary>
public sealed class CopaysTests
{
    private static readonly Copays Copays = new Copays
    {
        PrimaryCare = 25m,
        Specialist = 50m,
        UrgentCare = 75m,
        Telehealth = 12.5m,
        Emergency = 250m,
    };

    [Fact]
    public void The_text_names_every_visit_category_with_its_copay()
    {
        Assert.Equal(
            "primary care 25, specialist 50, urgent care 75, telehealth 12.5, emergency 250",
            Copays.ToString());
    }

    [Fact]
    public void The_text_is_the_same_in_a_culture_with_a_decimal_comma()
    {
        using (new CultureScope("de-DE"))
        {
            Assert.Equal(
                "primary care 25, specialist 50, urgent care 75, telehealth 12.5, emergency 250",
                Copays.ToString());
        }
    }
}

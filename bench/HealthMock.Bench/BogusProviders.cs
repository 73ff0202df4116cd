using System.Globalization;
using Bogus;

namespace HealthMock.Bench;

/// <summary>A provider shape of comparable fields for the Bogus baseline.</summary>
public sealed class BogusProvider
{
    public string Id { get; set; } = "";

    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public string Credential { get; set; } = "";

    public string Specialty { get; set; } = "";

    public string Npi { get; set; } = "";

    public string ClinicName { get; set; } = "";

    public string ClinicAddress { get; set; } = "";

    public string City { get; set; } = "";

    public string State { get; set; } = "";

    public string Zip { get; set; } = "";

    public string Phone { get; set; } = "";

    public string Email { get; set; } = "";

    public bool AcceptingNewPatients { get; set; }

    public string[] Languages { get; set; } = System.Array.Empty<string>();
}

/// <summary>The Bogus baseline for providers.</summary>
public static class BogusProviders
{
    private static readonly string[] Specialties =
        { "Family Medicine", "Internal Medicine", "Pediatrics", "Cardiology", "Dermatology", "Orthopedics" };

    /// <summary>Creates the faker, seeded once.</summary>
    public static Faker<BogusProvider> CreateFaker(int seed) => new Faker<BogusProvider>("en")
        .UseSeed(seed)
        .RuleFor(p => p.FirstName, f => f.Name.FirstName())
        .RuleFor(p => p.LastName, f => f.Name.LastName())
        .RuleFor(p => p.Credential, f => f.PickRandom("MD", "DO", "NP", "PA"))
        .RuleFor(p => p.Specialty, f => f.PickRandom(Specialties))
        .RuleFor(p => p.Id, (f, p) => ("dr_" + p.LastName + "_" + p.Specialty.Replace(' ', '_') + "_"
            + f.Random.Number(10, 99).ToString(CultureInfo.InvariantCulture)).ToLowerInvariant())
        .RuleFor(p => p.Npi, f => f.Random.ReplaceNumbers("1#########"))
        .RuleFor(p => p.ClinicName, f => f.Company.CompanyName() + " Clinic")
        .RuleFor(p => p.ClinicAddress, f => f.Address.StreetAddress())
        .RuleFor(p => p.City, f => f.Address.City())
        .RuleFor(p => p.State, f => f.Address.StateAbbr())
        .RuleFor(p => p.Zip, f => f.Address.ZipCode("#####"))
        .RuleFor(p => p.Phone, f => f.Phone.PhoneNumber("###-555-01##"))
        .RuleFor(p => p.Email, (f, p) => f.Internet.Email(p.FirstName, p.LastName, "example.com"))
        .RuleFor(p => p.AcceptingNewPatients, f => f.Random.Bool(0.85f))
        .RuleFor(p => p.Languages, f => f.Random.Bool(0.2f) ? new[] { "English", "Spanish" } : new[] { "English" });
}

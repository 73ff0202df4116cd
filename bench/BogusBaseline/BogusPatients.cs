using System;
using System.Globalization;
using System.Text.Json;
using Bogus;
using Bogus.DataSets;

namespace HealthMock.Bench.Baseline;

/// <summary>The record shape of the baseline: the 15 scalar fields a Bogus user would write for a patient.</summary>
public sealed class BogusPatient
{
    public string Id { get; set; } = "";

    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public string Sex { get; set; } = "";

    public DateTime DateOfBirth { get; set; }

    public int Age { get; set; }

    public string Email { get; set; } = "";

    public string Phone { get; set; } = "";

    public string AddressLine1 { get; set; } = "";

    public string? AddressLine2 { get; set; }

    public string City { get; set; } = "";

    public string State { get; set; } = "";

    public string Zip { get; set; } = "";

    public string PreferredContactMethod { get; set; } = "";

    public DateTime AccountCreationDate { get; set; }
}

/// <summary>
/// The baseline: an idiomatic Bogus <see cref="Faker{T}"/> of the same fields, and a <see cref="Utf8JsonWriter"/>
/// that writes them as an indented array with snake_case names, as a C# console program would.
/// </summary>
public static class BogusPatients
{
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText FirstNameName = JsonEncodedText.Encode("first_name");
    private static readonly JsonEncodedText LastNameName = JsonEncodedText.Encode("last_name");
    private static readonly JsonEncodedText SexName = JsonEncodedText.Encode("sex");
    private static readonly JsonEncodedText DobName = JsonEncodedText.Encode("dob");
    private static readonly JsonEncodedText AgeName = JsonEncodedText.Encode("age");
    private static readonly JsonEncodedText EmailName = JsonEncodedText.Encode("email");
    private static readonly JsonEncodedText PhoneName = JsonEncodedText.Encode("phone");
    private static readonly JsonEncodedText Line1Name = JsonEncodedText.Encode("address_line1");
    private static readonly JsonEncodedText Line2Name = JsonEncodedText.Encode("address_line2");
    private static readonly JsonEncodedText CityName = JsonEncodedText.Encode("city");
    private static readonly JsonEncodedText StateName = JsonEncodedText.Encode("state");
    private static readonly JsonEncodedText ZipName = JsonEncodedText.Encode("zip");
    private static readonly JsonEncodedText ContactName = JsonEncodedText.Encode("preferred_contact_method");
    private static readonly JsonEncodedText CreatedName = JsonEncodedText.Encode("account_creation_date");

    /// <summary>The reference date ages are computed at, fixed so runs compare.</summary>
    public static readonly DateTime ReferenceDate = new(2026, 1, 1);

    /// <summary>Creates the faker, seeded once.</summary>
    public static Faker<BogusPatient> CreateFaker(int seed)
    {
        var reference = ReferenceDate;
        return new Faker<BogusPatient>("en")
            .UseSeed(seed)
            .RuleFor(p => p.Sex, f => f.PickRandom("female", "male"))
            .RuleFor(p => p.FirstName, (f, p) =>
                f.Name.FirstName(p.Sex == "female" ? Name.Gender.Female : Name.Gender.Male))
            .RuleFor(p => p.LastName, f => f.Name.LastName())
            .RuleFor(p => p.Id, (f, p) => (p.FirstName + "_" + p.LastName + "_"
                + f.Random.Number(1000, 9999).ToString(CultureInfo.InvariantCulture)).ToLowerInvariant())
            .RuleFor(p => p.DateOfBirth, f => f.Date.Between(reference.AddYears(-90), reference).Date)
            .RuleFor(p => p.Age, (f, p) => AgeAt(p.DateOfBirth, reference))
            .RuleFor(p => p.Email, (f, p) => f.Internet.Email(p.FirstName, p.LastName, "example.com"))
            .RuleFor(p => p.Phone, f => f.Phone.PhoneNumber("###-555-01##"))
            .RuleFor(p => p.AddressLine1, f => f.Address.StreetAddress())
            .RuleFor(p => p.AddressLine2, f => f.Random.Bool(0.25f) ? f.Address.SecondaryAddress() : null)
            .RuleFor(p => p.City, f => f.Address.City())
            .RuleFor(p => p.State, f => f.Address.StateAbbr())
            .RuleFor(p => p.Zip, f => f.Address.ZipCode("#####"))
            .RuleFor(p => p.PreferredContactMethod, f => f.PickRandom("email", "phone", "SMS"))
            .RuleFor(p => p.AccountCreationDate, f => f.Date.Between(reference.AddYears(-10), reference).Date);
    }

    /// <summary>Generates record <paramref name="index"/> alone: the faker reseeded from (seed, index).</summary>
    public static BogusPatient GenerateReseeded(Faker<BogusPatient> faker, int seed, long index) =>
        faker.UseSeed(unchecked(seed * 31 + (int)index)).Generate();

    /// <summary>Writes one patient as a JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, BogusPatient p)
    {
        writer.WriteStartObject();
        writer.WriteString(IdName, p.Id);
        writer.WriteString(FirstNameName, p.FirstName);
        writer.WriteString(LastNameName, p.LastName);
        writer.WriteString(SexName, p.Sex);
        writer.WriteString(DobName, p.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteNumber(AgeName, p.Age);
        writer.WriteString(EmailName, p.Email);
        writer.WriteString(PhoneName, p.Phone);
        writer.WriteString(Line1Name, p.AddressLine1);
        if (p.AddressLine2 is null)
        {
            writer.WriteNull(Line2Name);
        }
        else
        {
            writer.WriteString(Line2Name, p.AddressLine2);
        }

        writer.WriteString(CityName, p.City);
        writer.WriteString(StateName, p.State);
        writer.WriteString(ZipName, p.Zip);
        writer.WriteString(ContactName, p.PreferredContactMethod);
        writer.WriteString(CreatedName, p.AccountCreationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteEndObject();
    }

    /// <summary>Indented with two spaces and line feeds, like Export-Json.</summary>
    public static JsonWriterOptions WriterOptions => new()
    {
        Indented = true,
        NewLine = "\n",
        SkipValidation = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static int AgeAt(DateTime birth, DateTime reference)
    {
        var age = reference.Year - birth.Year;
        return reference < birth.AddYears(age) ? age - 1 : age;
    }
}

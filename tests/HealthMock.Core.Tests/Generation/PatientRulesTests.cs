using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using HealthMock.Generation;
using HealthMock.Seeds;
using Xunit;

namespace HealthMock.Tests.Generation;

/// <summary>
/// The consistency and safety rules of the design, checked on every patient of 200 seeds x 50 records, and on
/// one long run where uniqueness matters most.
/// </summary>
public class PatientRulesTests : IClassFixture<PatientSample>
{
    private static readonly Regex IdPattern = new Regex(@"^[a-z]+_[a-z]+_(\d{4,})$");

    private static readonly Regex PhonePattern = new Regex(@"^\d{3}-555-01\d{2}$");

    private static readonly Regex EmailPattern = new Regex(@"^[a-z0-9._]+@[a-z0-9.-]+$");

    private static readonly SeedCatalog Seeds = SeedCatalog.Default;

    private readonly PatientSample _sample;

    public PatientRulesTests(PatientSample sample)
    {
        _sample = sample;
    }

    [Fact]
    public void Ages_are_within_the_default_range_at_the_reference_date()
    {
        PatientSample.AssertNone(AgeViolations(_sample.Runs));
    }

    [Theory]
    [InlineData("2024-02-29", 0, 3)]
    [InlineData("2024-02-29", 4, 4)]
    [InlineData("2024-02-29", 0, 0)]
    [InlineData("2024-02-28", 0, 0)]
    [InlineData("2025-03-01", 0, 1)]
    [InlineData("2028-02-29", 7, 8)]
    [InlineData("2026-12-03", 0, 0)]
    [InlineData("2026-12-03", 17, 17)]
    [InlineData("2026-12-03", 65, 120)]
    public void Ages_are_within_the_requested_range_at_the_reference_date(string referenceDate, int minAge,
        int maxAge)
    {
        var runs = PatientSample.Make(seed => new PatientOptions
        {
            Seed = seed,
            ReferenceDate = Date(referenceDate),
            MinAge = minAge,
            MaxAge = maxAge,
        });

        PatientSample.AssertNone(AgeViolations(runs));
    }

    [Fact]
    public void Ages_are_within_the_requested_range_on_28_February_of_a_common_year()
    {
        var runs = PatientSample.Make(seed => new PatientOptions
        {
            Seed = seed,
            ReferenceDate = new DateTime(2026, 2, 28),
            MinAge = 1,
            MaxAge = 1,
        });

        PatientSample.AssertNone(AgeViolations(runs));
    }

    [Theory]
    [InlineData("2024-02-29", 4, 4, "2020-02-29", 4)]
    [InlineData("2025-03-01", 0, 1, "2024-02-29", 1)]
    [InlineData("2025-02-27", 0, 1, "2024-02-29", 0)]
    public void Patients_born_on_29_February_occur_and_have_the_right_age(string referenceDate, int minAge,
        int maxAge, string leapBirth, int expectedAge)
    {
        var born = PatientSample.Make(seed => new PatientOptions
        {
            Seed = seed,
            ReferenceDate = Date(referenceDate),
            MinAge = minAge,
            MaxAge = maxAge,
        }).SelectMany(run => run.Patients).Where(p => p.DateOfBirth == Date(leapBirth)).ToList();

        Assert.NotEmpty(born);
        Assert.All(born, p => Assert.Equal(expectedAge, p.Age));
    }

    [Fact]
    public void Every_date_of_birth_is_a_date_on_or_before_the_reference_date()
    {
        PatientSample.AssertNone(_sample.Patients
            .Where(p => p.DateOfBirth > PatientSample.ReferenceDate || p.DateOfBirth.TimeOfDay != TimeSpan.Zero)
            .Select(p => $"{p.Id}: date of birth {p.DateOfBirth:o}"));
    }

    [Fact]
    public void The_account_was_created_between_birth_and_the_reference_date()
    {
        PatientSample.AssertNone(_sample.Patients
            .Where(p => p.AccountCreationDate < p.DateOfBirth || p.AccountCreationDate > PatientSample.ReferenceDate)
            .Select(p => $"{p.Id}: born {p.DateOfBirth:yyyy-MM-dd}, account {p.AccountCreationDate:yyyy-MM-dd}"));
    }

    [Fact]
    public void Ids_are_unique_within_a_run_and_read_first_last_number()
    {
        PatientSample.AssertNone(_sample.Runs.SelectMany(run =>
            Duplicates(run.Patients, p => p.Id).Select(id => $"seed {run.Options.Seed}: id {id} repeats")));
        PatientSample.AssertNone(_sample.Patients.Where(p => !IdPattern.IsMatch(p.Id))
            .Select(p => $"{p.Id}: not first_last_NNNN"));
    }

    [Fact]
    public void Ids_are_built_from_the_folded_first_and_last_names()
    {
        PatientSample.AssertNone(_sample.Patients
            .Where(p => p.Id != $"{AsciiFolding.Fold(p.FirstName)}_{AsciiFolding.Fold(p.LastName)}_{Number(p)}")
            .Select(p => $"{p.Id}: not built from '{p.FirstName}' '{p.LastName}'"));
    }

    [Fact]
    public void Emails_are_unique_within_a_run()
    {
        PatientSample.AssertNone(_sample.Runs.SelectMany(run =>
            Duplicates(run.Patients, p => p.Email).Select(email => $"seed {run.Options.Seed}: {email} repeats")));
    }

    [Fact]
    public void Emails_are_plain_ascii_and_derived_from_the_patients_own_name()
    {
        PatientSample.AssertNone(_sample.Patients.Where(p => !EmailIsDerived(p)).Select(p => $"{p.Id}: {p.Email}"));
    }

    [Fact]
    public void Emails_use_the_documentation_domains_by_default()
    {
        var domains = _sample.Patients.Select(p => p.Email.Split('@')[1]).Distinct().OrderBy(d => d).ToArray();

        Assert.Equal(new[] { "example.com", "example.net", "example.org" }, domains);
    }

    [Fact]
    public void Last_name_and_date_of_birth_identify_one_patient_within_a_run()
    {
        PatientSample.AssertNone(_sample.Runs.SelectMany(run => Duplicates(run.Patients, Identity)
            .Select(identity => $"seed {run.Options.Seed}: {identity} repeats")));
    }

    [Fact]
    public void Ids_emails_and_identities_stay_unique_over_a_long_run()
    {
        var generator = new PatientGenerator(SeedCatalog.Default,
            new PatientOptions { Seed = 42, ReferenceDate = PatientSample.ReferenceDate });
        var patients = generator.Generate(0, 25_000).ToArray();

        Assert.Empty(Duplicates(patients, p => p.Id));
        Assert.Empty(Duplicates(patients, p => p.Email));
        Assert.Empty(Duplicates(patients, Identity));
        Assert.All(patients, p => Assert.Matches(IdPattern, p.Id));
        Assert.Equal(5, Number(patients[24_999]).Length);
    }

    [Fact]
    public void Phones_use_the_fictional_555_01_lines()
    {
        PatientSample.AssertNone(_sample.Patients
            .Where(p => !PhonePattern.IsMatch(p.Phone) || !PhonePattern.IsMatch(p.EmergencyContact!.Phone))
            .Select(p => $"{p.Id}: {p.Phone}, emergency contact {p.EmergencyContact!.Phone}"));
    }

    [Fact]
    public void City_state_zip_and_area_code_agree_with_a_seeded_city()
    {
        PatientSample.AssertNone(_sample.Patients.Where(p => !AgreesWithASeededCity(p))
            .Select(p => $"{p.Id}: {p.City}, {p.State} {p.Zip}, phone {p.Phone}"));
    }

    [Fact]
    public void The_one_line_address_is_made_of_its_parts()
    {
        PatientSample.AssertNone(_sample.Patients.Where(p => p.Address != string.Join(", ",
                new[] { p.AddressLine1, p.AddressLine2, p.City, p.State + " " + p.Zip }.Where(s => s is not null)))
            .Select(p => $"{p.Id}: {p.Address}"));
    }

    [Fact]
    public void Every_condition_fits_the_patients_age_and_sex()
    {
        PatientSample.AssertNone(ConditionViolations(_sample.Patients));
    }

    [Fact]
    public void Every_medication_treats_one_of_the_patients_conditions()
    {
        PatientSample.AssertNone(_sample.Patients.SelectMany(p => p.Medications
            .Where(m => !p.ChronicConditions.Any(c => c.Code == m.TreatsCode)
                || !Seeds.Conditions.Single(c => c.Code == m.TreatsCode).Medications.Any(s => s.Name == m.Name))
            .Select(m => $"{p.Id}: {m.Name} for {m.TreatsCode}")));
    }

    [Fact]
    public void No_medication_repeats_on_a_patient()
    {
        PatientSample.AssertNone(_sample.Patients.SelectMany(p =>
            Duplicates(p.Medications, m => m.Name).Select(name => $"{p.Id}: {name} repeats")));
    }

    [Fact]
    public void No_medication_is_ruled_out_by_one_of_the_patients_allergies()
    {
        PatientSample.AssertNone(_sample.Patients.SelectMany(p => p.Medications
            .Where(m => p.Allergies.Any(a => Seeds.Allergies.Single(s => s.Name == a).ExcludesMedications
                .Contains(m.Name)))
            .Select(m => $"{p.Id}: {m.Name} despite allergies {string.Join(", ", p.Allergies)}")));
    }

    [Fact]
    public void Allergies_are_seeded_and_distinct()
    {
        PatientSample.AssertNone(_sample.Patients
            .Where(p => p.Allergies.Distinct().Count() != p.Allergies.Length
                || p.Allergies.Any(a => !Seeds.Allergies.Any(s => s.Name == a)))
            .Select(p => $"{p.Id}: {string.Join(", ", p.Allergies)}"));
    }

    [Fact]
    public void Second_address_lines_and_several_conditions_medications_and_allergies_occur()
    {
        Assert.Contains(_sample.Patients, p => p.AddressLine2 is not null);
        Assert.Contains(_sample.Patients, p => p.ChronicConditions.Length > 1);
        Assert.Contains(_sample.Patients, p => p.Medications.Length > 1);
        Assert.Contains(_sample.Patients, p => p.Allergies.Length > 1);
    }

    [Fact]
    public void Minors_have_a_parent_or_guardian_as_emergency_contact()
    {
        var minors = _sample.Patients.Where(p => p.Age < 18).ToList();

        Assert.NotEmpty(minors);
        PatientSample.AssertNone(minors
            .Where(p => p.EmergencyContact?.Relationship is not ("Parent" or "Guardian"))
            .Select(p => $"{p.Id}, aged {p.Age}: {p.EmergencyContact}"));
    }

    [Fact]
    public void Names_with_accents_and_apostrophes_occur_and_their_ids_and_emails_are_ascii()
    {
        var accented = _sample.Patients.Where(p => (p.FirstName + p.LastName).Any(c => c > 127)).ToList();
        var apostrophe = _sample.Patients.Where(p => (p.FirstName + p.LastName).Contains('\'')).ToList();

        Assert.NotEmpty(accented);
        Assert.NotEmpty(apostrophe);
        PatientSample.AssertNone(accented.Concat(apostrophe)
            .Where(p => !IdPattern.IsMatch(p.Id) || !EmailPattern.IsMatch(p.Email))
            .Select(p => $"{p.FirstName} {p.LastName}: {p.Id}, {p.Email}"));
    }

    [Fact]
    public void The_default_sex_mix_is_mostly_female_and_male_with_a_few_other_and_unknown()
    {
        var counts = _sample.Patients.GroupBy(p => p.Sex).ToDictionary(g => g.Key, g => g.Count());
        var total = counts.Values.Sum();

        Assert.InRange(counts[Sex.Female], total * 4 / 10, total * 6 / 10);
        Assert.InRange(counts[Sex.Male], total * 4 / 10, total * 6 / 10);
        Assert.InRange(counts[Sex.Other], 1, total / 20);
        Assert.InRange(counts[Sex.Unknown], 1, total / 20);
    }

    [Theory]
    [InlineData("MA", "TX")]
    [InlineData("ma", "texas")]
    [InlineData("Massachusetts", "TEXAS", "rhode island")]
    public void Patients_live_only_in_the_requested_states(params string[] states)
    {
        var expected = states.Select(s => Seeds.FindState(s)).OrderBy(s => s).ToArray();
        var patients = PatientSample.Make(seed => new PatientOptions
        {
            Seed = seed,
            ReferenceDate = PatientSample.ReferenceDate,
            States = states,
        }, seeds: 20).SelectMany(run => run.Patients).ToList();

        Assert.Equal(expected, patients.Select(p => p.State).Distinct().OrderBy(s => s));
        Assert.All(patients, p => Assert.Contains(Seeds.Cities, c => c.City == p.City && c.State == p.State));
    }

    [Theory]
    [InlineData(Sex.Female)]
    [InlineData(Sex.Male)]
    [InlineData(Sex.Other)]
    [InlineData(Sex.Other, Sex.Unknown)]
    [InlineData(Sex.Female, Sex.Male)]
    public void Patients_have_only_the_requested_sexes_and_fitting_conditions(params Sex[] sexes)
    {
        var patients = PatientSample.Make(seed => new PatientOptions
        {
            Seed = seed,
            ReferenceDate = PatientSample.ReferenceDate,
            MinAge = 40,
            MaxAge = 90,
            Sexes = sexes,
        }, seeds: 40).SelectMany(run => run.Patients).ToList();

        Assert.Equal(sexes.OrderBy(s => s), patients.Select(p => p.Sex).Distinct().OrderBy(s => s));
        PatientSample.AssertNone(ConditionViolations(patients));
    }

    [Fact]
    public void Emails_use_only_the_requested_domains()
    {
        var domains = new[] { "clinic.test", "mail.example.org" };
        var patients = PatientSample.Make(seed => new PatientOptions
        {
            Seed = seed,
            ReferenceDate = PatientSample.ReferenceDate,
            EmailDomains = domains,
        }, seeds: 20).SelectMany(run => run.Patients).ToList();

        Assert.Equal(domains, patients.Select(p => p.Email.Split('@')[1]).Distinct().OrderBy(d => d));
        PatientSample.AssertNone(patients.Where(p => !EmailIsDerived(p)).Select(p => $"{p.Id}: {p.Email}"));
    }

    private static DateTime Date(string text) => DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(Patient p) => IdPattern.Match(p.Id).Groups[1].Value;

    private static string Identity(Patient p) => p.LastName + " " + p.DateOfBirth.ToString("yyyy-MM-dd",
        CultureInfo.InvariantCulture);

    private static IEnumerable<string> Duplicates<T>(IEnumerable<T> items, Func<T, string> key) =>
        items.GroupBy(key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);

    private static IEnumerable<string> AgeViolations(IEnumerable<PatientRun> runs) =>
        runs.SelectMany(run => run.Patients
            .Where(p => p.Age != Ages.At(p.DateOfBirth, run.Options.ReferenceDate)
                || p.Age < run.Options.MinAge || p.Age > run.Options.MaxAge
                || p.DateOfBirth > run.Options.ReferenceDate)
            .Select(p => $"seed {run.Options.Seed}, reference date {run.Options.ReferenceDate:yyyy-MM-dd}, ages "
                + $"{run.Options.MinAge}-{run.Options.MaxAge}: {p.Id} born {p.DateOfBirth:yyyy-MM-dd} is {p.Age}"));

    private static IEnumerable<string> ConditionViolations(IEnumerable<Patient> patients) =>
        patients.SelectMany(p => p.ChronicConditions
            .Where(c => !Seeds.Conditions.Any(s =>
                    s.Code == c.Code && s.Name == c.Name && s.Fits(p.Age, SexName(p.Sex)))
                || p.ChronicConditions.Count(other => other.Code == c.Code) > 1)
            .Select(c => $"{p.Id}, {p.Sex} aged {p.Age}: {c.Code} {c.Name}"));

    private static string SexName(Sex sex) => sex switch
    {
        Sex.Female => "female",
        Sex.Male => "male",
        _ => "other",
    };

    private static bool AgreesWithASeededCity(Patient p) =>
        Regex.IsMatch(p.Zip, @"^\d{5}$") && Seeds.Cities.Any(c => c.City == p.City && c.State == p.State
            && c.ZipPrefix == p.Zip.Substring(0, 3) && c.AreaCode == p.Phone.Substring(0, 3));

    private static bool EmailIsDerived(Patient p)
    {
        var local = p.Email.Split('@')[0];
        var first = AsciiFolding.Fold(p.FirstName)!;
        return EmailPattern.IsMatch(p.Email) && p.Email.All(c => c < 128) && p.Email.Count(c => c == '@') == 1
            && local.Contains(AsciiFolding.Fold(p.LastName)!) && (local.Contains(first) || local[0] == first[0]);
    }
}

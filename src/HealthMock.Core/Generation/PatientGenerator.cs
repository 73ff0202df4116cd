using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HealthMock.Randomness;
using HealthMock.Seeds;

namespace HealthMock.Generation;

/// <summary>
/// Generates patients. Record i is a pure function of the seed, the options and i: it reads no clock, no culture
/// and no shared random state, so any record can be made alone, in any order, on any machine.
/// </summary>
public sealed class PatientGenerator
{
    private const int IdBlock = 10000;

    private const int IdStride = 7919;

    private static readonly string[] EmailPatterns = { "{0}.{1}{2}", "{0}{1}{2}", "{3}{1}{2}", "{0}_{1}{2}" };

    private readonly SeedCatalog _seeds;
    private readonly PatientOptions _options;
    private readonly DateTime _referenceDate;
    private readonly DateTime _earliestBirth;
    private readonly long _birthDays;
    private readonly KeyedPermutation _identity;
    private readonly int _idOffset;
    private readonly IReadOnlyList<CitySeed> _cities;
    private readonly IReadOnlyList<string> _domains;
    private readonly Sex[] _sexes;
    private readonly double[] _sexWeights;
    private readonly PrimaryCarePool _primaryCare;

    /// <summary>Creates a generator; throws <see cref="ArgumentException"/> for options that cannot be met.</summary>
    public PatientGenerator(SeedCatalog seeds, PatientOptions options)
    {
        options.Validate(seeds);
        _seeds = seeds;
        _options = options;
        _referenceDate = DateTime.SpecifyKind(options.ReferenceDate.Date, DateTimeKind.Unspecified);
        _earliestBirth = Ages.EarliestBirth(options.MaxAge, _referenceDate);
        _birthDays = (long)(Ages.LatestBirth(options.MinAge, _referenceDate) - _earliestBirth).TotalDays + 1;
        _identity = new KeyedPermutation((ulong)seeds.LastNames.Count * (ulong)_birthDays, options.Seed,
            RecordKind.PatientIdentity);
        _idOffset = new RecordRandom(options.Seed, RecordKind.Run, 0).Next(IdBlock);
        var states = new HashSet<string>(options.States.Select(s => seeds.FindState(s)!), StringComparer.Ordinal);
        _cities = states.Count == 0 ? seeds.Cities : seeds.Cities.Where(c => states.Contains(c.State)).ToArray();
        _domains = options.EmailDomains.Count == 0 ? PatientOptions.DocumentationDomains : options.EmailDomains;
        _sexes = options.Sexes.Count == 0
            ? new[] { Sex.Female, Sex.Male, Sex.Other, Sex.Unknown }
            : options.Sexes.Distinct().ToArray();
        _sexWeights = _sexes.Select(s => s == Sex.Female || s == Sex.Male ? 0.49 : 0.01).ToArray();
        _primaryCare = options.Providers is null
            ? PrimaryCarePool.CreateDefault(seeds, options.Seed)
            : new PrimaryCarePool(seeds, options.Providers);
        _primaryCare.EnsureServes(options.MinAge, options.MaxAge);
    }

    /// <summary>
    /// The primary care providers patients are assigned to: those of <see cref="PatientOptions.Providers"/>, or the
    /// default pool when the options give none.
    /// </summary>
    public PrimaryCarePool PrimaryCarePool => _primaryCare;

    /// <summary>
    /// The number of patients that can be made before two of them share a last name and date of birth;
    /// past it, (name, date of birth) is no longer guaranteed to identify one patient.
    /// </summary>
    public ulong UniqueIdentityCount => _identity.Size;

    /// <summary>Generates records <paramref name="start"/> to <paramref name="start"/> + count - 1, lazily.</summary>
    public IEnumerable<Patient> Generate(long start, long count)
    {
        for (var i = start; i - start < count; i++)
        {
            yield return Generate(i);
        }
    }

    /// <summary>Generates record <paramref name="index"/> of the stream.</summary>
    public Patient Generate(long index)
    {
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "Expected a record index of 0 or more.");
        }

        var random = new RecordRandom(_options.Seed, RecordKind.Patient, index);
        var slot = _identity.Map((ulong)index);
        var last = _seeds.LastNames[(int)(slot / (ulong)_birthDays)];
        var dateOfBirth = _earliestBirth.AddDays(slot % (ulong)_birthDays);
        var age = Ages.At(dateOfBirth, _referenceDate);
        var sex = PickSex(ref random);
        var first = PickFirstName(ref random, sex);
        var number = IdNumber(index);
        var city = random.Pick(_cities);
        var line1 = Invariant(random.Between(1, 9899)) + " " + random.Pick(_seeds.StreetNames) + " "
            + random.Pick(_seeds.StreetSuffixes);
        var line2 = random.Chance(0.25)
            ? random.Pick(_seeds.UnitPrefixes) + " " + Invariant(random.Between(1, 48))
            : null;
        var zip = city.ZipPrefix + random.Next(100).ToString("D2", CultureInfo.InvariantCulture);
        var allergies = PickAllergies(ref random);
        var conditions = PickConditions(ref random, age, sex);
        var patient = new Patient
        {
            Id = first.Ascii + "_" + last.Ascii + "_" + number,
            FirstName = first.Text,
            LastName = last.Text,
            Sex = sex,
            DateOfBirth = dateOfBirth,
            Age = age,
            Email = MakeEmail(ref random, first, last, number),
            Phone = MakePhone(ref random, city),
            AddressLine1 = line1,
            AddressLine2 = line2,
            City = city.City,
            State = city.State,
            Zip = zip,
            Address = line1 + (line2 is null ? "" : ", " + line2) + ", " + city.City + ", " + city.State + " " + zip,
            PreferredContactMethod = PickContactMethod(ref random),
            ChronicConditions = conditions.Select(c => new Condition(c.Code, c.Name)).ToArray(),
            Allergies = allergies.Select(a => a.Name).ToArray(),
            Medications = PickMedications(ref random, conditions, allergies),
            EmergencyContact = MakeEmergencyContact(ref random, age, last, city),
            AccountCreationDate = PickAccountCreationDate(ref random, dateOfBirth),
        };
        var primaryCareProvider = _primaryCare.Pick(_options.Seed, index, age, city.State);
        patient.PrimaryCareProviderId = primaryCareProvider.Id;
        patient.PrimaryCareProvider = primaryCareProvider.DisplayName;
        return patient;
    }

    /// <summary>
    /// The number in a patient's id: unique per record index, four digits for the first ten thousand records of a
    /// run and longer after, scattered inside each block of ten thousand so neighbours do not look sequential.
    /// </summary>
    private string IdNumber(long index)
    {
        var block = index / IdBlock;
        var within = ((index % IdBlock) * IdStride + _idOffset) % IdBlock;
        var number = (ulong)block * IdBlock + (ulong)within;
        return number.ToString("D4", CultureInfo.InvariantCulture);
    }

    private Sex PickSex(ref RecordRandom random)
    {
        var total = 0.0;
        foreach (var weight in _sexWeights)
        {
            total += weight;
        }

        var draw = random.NextDouble() * total;
        for (var i = 0; i < _sexes.Length; i++)
        {
            draw -= _sexWeights[i];
            if (draw < 0)
            {
                return _sexes[i];
            }
        }

        return _sexes[_sexes.Length - 1];
    }

    private NameSeed PickFirstName(ref RecordRandom random, Sex sex)
    {
        var female = sex == Sex.Female || (sex != Sex.Male && random.Chance(0.5));
        return random.Pick(female ? _seeds.FemaleFirstNames : _seeds.MaleFirstNames);
    }

    private string MakeEmail(ref RecordRandom random, NameSeed first, NameSeed last, string number)
    {
        var local = string.Format(CultureInfo.InvariantCulture, random.Pick(EmailPatterns), first.Ascii, last.Ascii,
            number, first.Ascii[0]);
        return local + "@" + random.Pick(_domains);
    }

    private static string MakePhone(ref RecordRandom random, CitySeed city) =>
        city.AreaCode + "-555-01" + random.Next(100).ToString("D2", CultureInfo.InvariantCulture);

    private static ContactMethod PickContactMethod(ref RecordRandom random)
    {
        var draw = random.Next(100);
        return draw < 45 ? ContactMethod.Email : draw < 75 ? ContactMethod.Phone : ContactMethod.Sms;
    }

    private List<AllergySeed> PickAllergies(ref RecordRandom random)
    {
        var draw = random.Next(100);
        var count = draw < 55 ? 0 : draw < 85 ? 1 : draw < 96 ? 2 : 3;
        var allergies = new List<AllergySeed>(count);
        while (allergies.Count < count)
        {
            var allergy = random.Pick(_seeds.Allergies);
            if (!allergies.Contains(allergy))
            {
                allergies.Add(allergy);
            }
        }

        return allergies;
    }

    private List<ConditionSeed> PickConditions(ref RecordRandom random, int age, Sex sex)
    {
        const int MostConditions = 6;
        var sexName = sex == Sex.Female ? "female" : sex == Sex.Male ? "male" : "";
        var conditions = new List<ConditionSeed>();
        foreach (var condition in _seeds.Conditions)
        {
            if (condition.Fits(age, sexName) && random.Chance(condition.Prevalence)
                && conditions.Count < MostConditions)
            {
                conditions.Add(condition);
            }
        }

        return conditions;
    }

    /// <summary>
    /// Most conditions are treated with one or two of their usual medications, never one the patient is allergic
    /// to and never the same medication twice.
    /// </summary>
    private static Medication[] PickMedications(ref RecordRandom random, List<ConditionSeed> conditions,
        List<AllergySeed> allergies)
    {
        var medications = new List<Medication>();
        foreach (var condition in conditions)
        {
            if (condition.Medications.Count == 0 || !random.Chance(0.85))
            {
                continue;
            }

            var wanted = condition.Medications.Count > 1 && random.Chance(0.3) ? 2 : 1;
            var start = random.Next(condition.Medications.Count);
            for (var k = 0; k < condition.Medications.Count && wanted > 0; k++)
            {
                var candidate = condition.Medications[(start + k) % condition.Medications.Count];
                if (medications.Any(m => m.Name == candidate.Name)
                    || allergies.Any(a => a.ExcludesMedications.Contains(candidate.Name)))
                {
                    continue;
                }

                medications.Add(new Medication(candidate.Name, candidate.Dosage, condition.Code));
                wanted--;
            }
        }

        return medications.ToArray();
    }

    private EmergencyContact MakeEmergencyContact(ref RecordRandom random, int age, NameSeed patientLast,
        CitySeed city)
    {
        string relationship;
        if (age < 18)
        {
            relationship = random.Chance(0.85) ? "Parent" : "Guardian";
        }
        else
        {
            var choices = age < 30
                ? new[] { "Parent", "Parent", "Sibling", "Partner", "Friend", "Spouse" }
                : age < 60
                    ? new[] { "Spouse", "Spouse", "Partner", "Sibling", "Parent", "Friend" }
                    : new[] { "Spouse", "Spouse", "Child", "Child", "Sibling", "Friend" };
            relationship = random.Pick(choices);
        }

        var family = relationship == "Parent" || relationship == "Sibling" || relationship == "Child"
            || relationship == "Spouse";
        var last = family && random.Chance(0.8) ? patientLast : random.Pick(_seeds.LastNames);
        var first = random.Pick(random.Chance(0.5) ? _seeds.FemaleFirstNames : _seeds.MaleFirstNames);
        return new EmergencyContact(first.Text + " " + last.Text, relationship, MakePhone(ref random, city));
    }

    /// <summary>Accounts were opened within the ten years before the reference date, never before birth.</summary>
    private DateTime PickAccountCreationDate(ref RecordRandom random, DateTime dateOfBirth)
    {
        var earliest = _referenceDate.AddYears(-10);
        if (earliest < dateOfBirth)
        {
            earliest = dateOfBirth;
        }

        var days = (int)(_referenceDate - earliest).TotalDays;
        return earliest.AddDays(random.Next(days + 1));
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

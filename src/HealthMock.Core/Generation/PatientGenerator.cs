using System;
using System.Collections.Generic;
using System.Linq;
using HealthMock.Randomness;
using HealthMock.Seeds;

namespace HealthMock.Generation;

/// <summary>
/// Generates patients. Record i is a pure function of the seed, the options and i: it reads no clock, no culture
/// and no shared random state, so any record can be made alone, in any order, on any machine.
/// </summary>
/// <remarks>
/// Everything that depends only on the options (the seeds as arrays, the conditions that fit each age and sex, the
/// sex weights) is prepared once here, so a record costs its random draws, its strings and its objects. Instances
/// may be shared between threads.
/// </remarks>
public sealed class PatientGenerator
{
    private const int IdBlock = 10000;

    private const int MostConditions = 6;

    private const int MostAllergies = 3;

    private const int EmailPatternCount = 4;

    private static readonly string[] YoungAdultContacts =
        { "Parent", "Parent", "Sibling", "Partner", "Friend", "Spouse" };

    private static readonly string[] AdultContacts = { "Spouse", "Spouse", "Partner", "Sibling", "Parent", "Friend" };

    private static readonly string[] SeniorContacts = { "Spouse", "Spouse", "Child", "Child", "Sibling", "Friend" };

    private static readonly string[] TwoDigits = Enumerable.Range(0, 100).Select(n => n.ToString("D2",
        System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private readonly PatientOptions _options;
    private readonly DateTime _referenceDate;
    private readonly DateTime _earliestBirth;
    private readonly DateTime _earliestAccount;
    private readonly long _birthDays;
    private readonly KeyedPermutation _identity;
    private readonly KeyedPermutation _idNumbers;
    private readonly CitySeed[] _cities;
    private readonly string[] _domains;
    private readonly Sex[] _sexes;
    private readonly double[] _sexWeights;
    private readonly double _sexWeightTotal;
    private readonly NameSeed[] _femaleFirstNames;
    private readonly NameSeed[] _maleFirstNames;
    private readonly NameSeed[] _lastNames;
    private readonly string[] _streetNames;
    private readonly string[] _streetSuffixes;
    private readonly string[] _unitPrefixes;
    private readonly AllergySeed[] _allergies;
    private readonly ConditionSeed[][] _fittingConditions;
    private readonly PrimaryCarePool _primaryCare;
    private readonly Dictionary<Provider, string> _displayNames = new();

    /// <summary>Creates a generator; throws <see cref="ArgumentException"/> for options that cannot be met.</summary>
    public PatientGenerator(SeedCatalog seeds, PatientOptions options)
    {
        options.Validate(seeds);
        _options = options;
        _referenceDate = DateTime.SpecifyKind(options.ReferenceDate.Date, DateTimeKind.Unspecified);
        _earliestBirth = Ages.EarliestBirth(options.MaxAge, _referenceDate);
        _earliestAccount = _referenceDate.AddYears(-10);
        _birthDays = (long)(Ages.LatestBirth(options.MinAge, _referenceDate) - _earliestBirth).TotalDays + 1;
        _identity = new KeyedPermutation((ulong)seeds.LastNames.Count * (ulong)_birthDays, options.Seed,
            RecordKind.PatientIdentity);
        _idNumbers = new KeyedPermutation(IdBlock, options.Seed, RecordKind.PatientIdNumber);
        var states = new HashSet<string>(options.States.Select(s => seeds.FindState(s)!), StringComparer.Ordinal);
        _cities = states.Count == 0
            ? seeds.Cities.ToArray()
            : seeds.Cities.Where(c => states.Contains(c.State)).ToArray();
        _domains = (options.EmailDomains.Count == 0 ? PatientOptions.DocumentationDomains : options.EmailDomains)
            .ToArray();
        _sexes = options.Sexes.Count == 0
            ? new[] { Sex.Female, Sex.Male, Sex.Other, Sex.Unknown }
            : options.Sexes.Distinct().ToArray();
        _sexWeights = _sexes.Select(s => s == Sex.Female || s == Sex.Male ? 0.49 : 0.01).ToArray();
        foreach (var weight in _sexWeights)
        {
            _sexWeightTotal += weight;
        }

        _femaleFirstNames = seeds.FemaleFirstNames.ToArray();
        _maleFirstNames = seeds.MaleFirstNames.ToArray();
        _lastNames = seeds.LastNames.ToArray();
        _streetNames = seeds.StreetNames.ToArray();
        _streetSuffixes = seeds.StreetSuffixes.ToArray();
        _unitPrefixes = seeds.UnitPrefixes.ToArray();
        _allergies = seeds.Allergies.ToArray();
        _fittingConditions = new ConditionSeed[(PatientOptions.OldestAge + 1) * 3][];
        for (var age = 0; age <= PatientOptions.OldestAge; age++)
        {
            for (var sex = 0; sex < 3; sex++)
            {
                var sexName = sex == 0 ? "female" : sex == 1 ? "male" : "";
                _fittingConditions[age * 3 + sex] = seeds.Conditions.Where(c => c.Fits(age, sexName)).ToArray();
            }
        }

        _primaryCare = options.Providers is null
            ? PrimaryCarePool.CreateDefault(seeds, options.Seed)
            : new PrimaryCarePool(seeds, options.Providers);
        _primaryCare.EnsureServes(options.MinAge, options.MaxAge);
        foreach (var provider in _primaryCare.Providers)
        {
            _displayNames[provider] = provider.DisplayName;
        }
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
        var last = _lastNames[(int)(slot / (ulong)_birthDays)];
        var dateOfBirth = _earliestBirth.AddDays(slot % (ulong)_birthDays);
        var age = Ages.At(dateOfBirth, _referenceDate);
        var sex = PickSex(ref random);
        var first = PickFirstName(ref random, sex);
        var number = IdNumber(index);
        var city = Pick(ref random, _cities);
        var line1 = RecordText.Start().AppendNumber((ulong)random.Between(1, 9899)).Append(' ')
            .Append(Pick(ref random, _streetNames)).Append(' ').Append(Pick(ref random, _streetSuffixes)).ToString();
        var line2 = random.Chance(0.25)
            ? RecordText.Start().Append(Pick(ref random, _unitPrefixes)).Append(' ')
                .AppendNumber((ulong)random.Between(1, 48)).ToString()
            : null;
        var zip = city.ZipPrefix + TwoDigits[random.Next(100)];
        var allergies = PickAllergies(ref random);
        var conditions = PickConditions(ref random, age, sex);
        var address = RecordText.Start().Append(line1);
        if (line2 is not null)
        {
            address.Append(", ").Append(line2);
        }

        var fullAddress = address.Append(", ").Append(city.City).Append(", ").Append(city.State).Append(' ')
            .Append(zip).ToString();
        var patient = new Patient
        {
            Id = RecordText.Start().Append(first.Ascii).Append('_').Append(last.Ascii).Append('_')
                .AppendNumber(number, 4).ToString(),
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
            Address = fullAddress,
            PreferredContactMethod = PickContactMethod(ref random),
            ChronicConditions = ToConditions(conditions),
            Allergies = ToNames(allergies),
            Medications = PickMedications(ref random, conditions, allergies, age),
            EmergencyContact = MakeEmergencyContact(ref random, age, last, city),
            AccountCreationDate = PickAccountCreationDate(ref random, dateOfBirth),
        };
        var primaryCareProvider = _primaryCare.Pick(_options.Seed, index, age, city.State);
        patient.PrimaryCareProviderId = primaryCareProvider.Id;
        patient.PrimaryCareProvider = _displayNames.TryGetValue(primaryCareProvider, out var displayName)
            ? displayName
            : primaryCareProvider.DisplayName;
        return patient;
    }

    /// <summary>One element of <paramref name="items"/>, each equally likely: the draw of RecordRandom.Pick.</summary>
    private static T Pick<T>(ref RecordRandom random, T[] items) => items[random.Next(items.Length)];

    /// <summary>
    /// The number in a patient's id: unique per record index, four digits for the first ten thousand records of a
    /// run and longer after, scattered inside each block of ten thousand so neighbours do not look sequential.
    /// </summary>
    private ulong IdNumber(long index)
    {
        var block = (ulong)(index / IdBlock);
        var shifted = ((ulong)(index % IdBlock) + RecordRandom.Mix(block)) % IdBlock;
        return block * IdBlock + _idNumbers.Map(shifted);
    }

    private Sex PickSex(ref RecordRandom random)
    {
        var draw = random.NextDouble() * _sexWeightTotal;
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
        return Pick(ref random, female ? _femaleFirstNames : _maleFirstNames);
    }

    /// <summary>
    /// One of four local parts, all from the patient's own name and id number: first.last, firstlast, initial and
    /// last, or first_last, each followed by the number.
    /// </summary>
    private string MakeEmail(ref RecordRandom random, NameSeed first, NameSeed last, ulong number)
    {
        var email = RecordText.Start();
        switch (random.Next(EmailPatternCount))
        {
            case 0:
                email.Append(first.Ascii).Append('.');
                break;
            case 1:
                email.Append(first.Ascii);
                break;
            case 2:
                email.Append(first.Ascii[0]);
                break;
            default:
                email.Append(first.Ascii).Append('_');
                break;
        }

        return email.Append(last.Ascii).AppendNumber(number, 4).Append('@').Append(Pick(ref random, _domains))
            .ToString();
    }

    private static string MakePhone(ref RecordRandom random, CitySeed city) =>
        city.AreaCode + "-555-01" + TwoDigits[random.Next(100)];

    private static ContactMethod PickContactMethod(ref RecordRandom random)
    {
        var draw = random.Next(100);
        return draw < 45 ? ContactMethod.Email : draw < 75 ? ContactMethod.Phone : ContactMethod.Sms;
    }

    private AllergySeed[] PickAllergies(ref RecordRandom random)
    {
        var draw = random.Next(100);
        var count = draw < 55 ? 0 : draw < 85 ? 1 : draw < 96 ? 2 : MostAllergies;
        if (count == 0)
        {
            return Array.Empty<AllergySeed>();
        }

        var allergies = new AllergySeed[count];
        var picked = 0;
        while (picked < count)
        {
            var allergy = Pick(ref random, _allergies);
            if (Array.IndexOf(allergies, allergy, 0, picked) < 0)
            {
                allergies[picked++] = allergy;
            }
        }

        return allergies;
    }

    /// <summary>
    /// Each condition that fits the age and sex, in the order of the seeds, with the chance of its prevalence; six
    /// at most.
    /// </summary>
    private ConditionSeed[] PickConditions(ref RecordRandom random, int age, Sex sex)
    {
        var fitting = _fittingConditions[age * 3 + (sex == Sex.Female ? 0 : sex == Sex.Male ? 1 : 2)];
        var picked = Scratch.Current.Conditions;
        var count = 0;
        foreach (var condition in fitting)
        {
            if (random.Chance(condition.Prevalence) && count < MostConditions)
            {
                picked[count++] = condition;
            }
        }

        return Take(picked, count);
    }

    /// <summary>
    /// Most conditions are treated with one or two of their usual medications, never one the patient is allergic
    /// to and never the same medication twice.
    /// </summary>
    private static Medication[] PickMedications(ref RecordRandom random, ConditionSeed[] conditions,
        AllergySeed[] allergies, int age)
    {
        var medications = Scratch.Current.Medications;
        var chosen = Scratch.Current.MedicationSeeds;
        var count = 0;
        foreach (var condition in conditions)
        {
            var choices = condition.Medications;
            if (choices.Count == 0 || !random.Chance(0.85))
            {
                continue;
            }

            var wanted = choices.Count > 1 && random.Chance(0.3) ? 2 : 1;
            var start = random.Next(choices.Count);
            for (var k = 0; k < choices.Count && wanted > 0; k++)
            {
                var candidate = choices[(start + k) % choices.Count];
                if (age < candidate.MinAge || IsChosen(chosen, count, candidate)
                    || IsExcluded(allergies, candidate.Name))
                {
                    continue;
                }

                chosen[count] = candidate;
                medications[count++] = new Medication(candidate.Name, candidate.Dosage, condition.Code);
                wanted--;
            }
        }

        return Take(medications, count);
    }

    /// <summary>Whether the patient already takes this medication or another of its class (two statins).</summary>
    private static bool IsChosen(MedicationSeed[] chosen, int count, MedicationSeed candidate)
    {
        for (var i = 0; i < count; i++)
        {
            if (chosen[i].Name == candidate.Name
                || (candidate.DrugClass is not null && chosen[i].DrugClass == candidate.DrugClass))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsExcluded(AllergySeed[] allergies, string medication)
    {
        foreach (var allergy in allergies)
        {
            var excluded = allergy.ExcludesMedications;
            for (var i = 0; i < excluded.Count; i++)
            {
                if (excluded[i] == medication)
                {
                    return true;
                }
            }
        }

        return false;
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
            relationship = Pick(ref random, age < 30 ? YoungAdultContacts : age < 60 ? AdultContacts : SeniorContacts);
        }

        var family = relationship == "Parent" || relationship == "Sibling" || relationship == "Child"
            || relationship == "Spouse";
        var last = family && random.Chance(0.8) ? patientLast : Pick(ref random, _lastNames);
        var first = Pick(ref random, random.Chance(0.5) ? _femaleFirstNames : _maleFirstNames);
        return new EmergencyContact(first.Text + " " + last.Text, relationship, MakePhone(ref random, city));
    }

    /// <summary>Accounts were opened within the ten years before the reference date, never before birth.</summary>
    private DateTime PickAccountCreationDate(ref RecordRandom random, DateTime dateOfBirth)
    {
        var earliest = _earliestAccount < dateOfBirth ? dateOfBirth : _earliestAccount;
        var days = (int)(_referenceDate - earliest).TotalDays;
        return earliest.AddDays(random.Next(days + 1));
    }

    private static Condition[] ToConditions(ConditionSeed[] conditions)
    {
        if (conditions.Length == 0)
        {
            return Array.Empty<Condition>();
        }

        var result = new Condition[conditions.Length];
        for (var i = 0; i < conditions.Length; i++)
        {
            result[i] = new Condition(conditions[i].Code, conditions[i].Name);
        }

        return result;
    }

    private static string[] ToNames(AllergySeed[] allergies)
    {
        if (allergies.Length == 0)
        {
            return Array.Empty<string>();
        }

        var names = new string[allergies.Length];
        for (var i = 0; i < allergies.Length; i++)
        {
            names[i] = allergies[i].Name;
        }

        return names;
    }

    private static T[] Take<T>(T[] scratch, int count)
    {
        if (count == 0)
        {
            return Array.Empty<T>();
        }

        var result = new T[count];
        Array.Copy(scratch, result, count);
        return result;
    }

    /// <summary>Working arrays for one record's picks, one set per thread.</summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? current;

        public static Scratch Current => current ??= new Scratch();

        public ConditionSeed[] Conditions { get; } = new ConditionSeed[MostConditions];

        // Each condition adds one or two medications.
        public Medication[] Medications { get; } = new Medication[MostConditions * 2];

        // The seeds of the medications chosen so far, to compare drug classes.
        public MedicationSeed[] MedicationSeeds { get; } = new MedicationSeed[MostConditions * 2];
    }
}

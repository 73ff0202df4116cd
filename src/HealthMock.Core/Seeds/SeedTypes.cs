using System.Collections.Generic;

namespace HealthMock.Seeds;

/// <summary>
/// A city with the state, three-digit ZIP prefix, telephone area code and UTC offset that belong to it.
/// </summary>
public sealed class CitySeed
{
    public CitySeed(string city, string state, string stateName, string zipPrefix, string areaCode, string utcOffset)
    {
        City = city;
        State = state;
        StateName = stateName;
        ZipPrefix = zipPrefix;
        AreaCode = areaCode;
        UtcOffset = utcOffset;
    }

    /// <summary>The city name.</summary>
    public string City { get; }

    /// <summary>The two-letter USPS state code.</summary>
    public string State { get; }

    /// <summary>The state's full name.</summary>
    public string StateName { get; }

    /// <summary>The first three digits of the city's ZIP codes.</summary>
    public string ZipPrefix { get; }

    /// <summary>The city's telephone area code.</summary>
    public string AreaCode { get; }

    /// <summary>The UTC offset of the city's standard time, such as -05:00; daylight saving is not modelled.</summary>
    public string UtcOffset { get; }
}

/// <summary>A medication and its usual dosage, as a seeds file lists it under a condition.</summary>
public sealed class MedicationSeed
{
    public MedicationSeed(string name, string dosage, string? drugClass = null, int minAge = 0)
    {
        Name = name;
        Dosage = dosage;
        DrugClass = drugClass;
        MinAge = minAge;
    }

    /// <summary>The medication name.</summary>
    public string Name { get; }

    /// <summary>The usual dosage and frequency.</summary>
    public string Dosage { get; }

    /// <summary>The kind of drug, such as statin; a patient takes at most one medication of a class.</summary>
    public string? DrugClass { get; }

    /// <summary>The youngest age the dosage is meant for.</summary>
    public int MinAge { get; }
}

/// <summary>A chronic condition with the ages (and sex) in which it occurs and the medications that treat it.</summary>
public sealed class ConditionSeed
{
    public ConditionSeed(string code, string name, int minAge, int maxAge, string? sex, double prevalence,
        IReadOnlyList<MedicationSeed> medications)
    {
        Code = code;
        Name = name;
        MinAge = minAge;
        MaxAge = maxAge;
        Sex = sex;
        Prevalence = prevalence;
        Medications = medications;
    }

    /// <summary>The ICD-10-CM code.</summary>
    public string Code { get; }

    /// <summary>The condition's name.</summary>
    public string Name { get; }

    /// <summary>The youngest age at which a patient may have the condition.</summary>
    public int MinAge { get; }

    /// <summary>The oldest age at which a patient may have the condition.</summary>
    public int MaxAge { get; }

    /// <summary>"female" or "male" when the condition belongs to one sex, otherwise null.</summary>
    public string? Sex { get; }

    /// <summary>The share of eligible patients who have the condition.</summary>
    public double Prevalence { get; }

    /// <summary>The medications that treat the condition; may be empty.</summary>
    public IReadOnlyList<MedicationSeed> Medications { get; }

    /// <summary>Whether a patient of this age and sex may have the condition.</summary>
    public bool Fits(int age, string sex) => age >= MinAge && age <= MaxAge && (Sex is null || Sex == sex);
}

/// <summary>An allergy, and for a drug allergy the medications it rules out.</summary>
public sealed class AllergySeed
{
    public AllergySeed(string name, string kind, IReadOnlyList<string> excludesMedications)
    {
        Name = name;
        Kind = kind;
        ExcludesMedications = excludesMedications;
    }

    /// <summary>What the patient is allergic to.</summary>
    public string Name { get; }

    /// <summary>drug, food, environmental or other.</summary>
    public string Kind { get; }

    /// <summary>Medications a patient with this allergy must not be given.</summary>
    public IReadOnlyList<string> ExcludesMedications { get; }
}

/// <summary>A personal name with its folded ASCII form, ready for ids and email addresses.</summary>
public sealed class NameSeed
{
    public NameSeed(string text, string ascii)
    {
        Text = text;
        Ascii = ascii;
    }

    /// <summary>The name as written, possibly with accents or apostrophes.</summary>
    public string Text { get; }

    /// <summary>Lower-case ASCII letters only.</summary>
    public string Ascii { get; }
}

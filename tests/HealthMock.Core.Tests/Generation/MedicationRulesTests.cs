using System.Collections.Generic;
using System.Linq;
using HealthMock.Seeds;
using Xunit;

namespace HealthMock.Tests.Generation;

/// <summary>Medications stay clinically plausible: one drug per class, doses for the patient's age, no allergens.</summary>
public class MedicationRulesTests : IClassFixture<PatientSample>
{
    private static readonly Dictionary<string, MedicationSeed> Seeds = SeedCatalog.Default.Conditions
        .SelectMany(c => c.Medications)
        .GroupBy(m => m.Name)
        .ToDictionary(g => g.Key, g => g.First());

    private readonly PatientSample _sample;

    public MedicationRulesTests(PatientSample sample)
    {
        _sample = sample;
    }

    [Fact]
    public void No_patient_takes_two_medications_of_one_drug_class()
    {
        PatientSample.AssertNone(_sample.Runs.SelectMany(r => r.Patients)
            .SelectMany(p => p.Medications
                .Select(m => Seeds[m.Name].DrugClass)
                .Where(c => c is not null)
                .GroupBy(c => c)
                .Where(g => g.Count() > 1)
                .Select(g => $"{p.Id} takes {g.Count()} medications of class {g.Key}")));
    }

    [Fact]
    public void No_patient_is_younger_than_the_dosage_of_a_medication_allows()
    {
        PatientSample.AssertNone(_sample.Runs.SelectMany(r => r.Patients)
            .SelectMany(p => p.Medications
                .Where(m => p.Age < Seeds[m.Name].MinAge)
                .Select(m => $"{p.Id}, aged {p.Age}, takes {m.Name} meant from {Seeds[m.Name].MinAge}")));
    }

    [Fact]
    public void No_patient_takes_a_medication_that_one_of_their_allergies_rules_out()
    {
        var allergies = SeedCatalog.Default.Allergies.ToDictionary(a => a.Name);
        PatientSample.AssertNone(_sample.Runs.SelectMany(r => r.Patients)
            .SelectMany(p => p.Allergies
                .SelectMany(a => allergies[a].ExcludesMedications)
                .Intersect(p.Medications.Select(m => m.Name))
                .Select(m => $"{p.Id} is allergic to a drug that rules out {m} but takes it")));
    }
}

using System;
using System.IO;
using System.Linq;
using HealthMock.Generation;
using HealthMock.Seeds;
using Xunit;

namespace HealthMock.Tests.Datasets;

/// <summary>
/// The checker against datasets made by the generators: it shares no code with them, so finding nothing here is
/// evidence that the generators keep the rules, not that both share a mistake.
/// </summary>
public class ValidatorGeneratedTests
{
    private static readonly DatasetValidator Validator = new DatasetValidator();

    public static TheoryData<int, int, int, string> Runs()
    {
        var runs = new TheoryData<int, int, int, string>();
        var dates = new[] { "2026-01-01", "2024-02-29", "2025-07-04", "2027-12-31" };
        for (var seed = 1; seed <= 24; seed++)
        {
            runs.Add(seed, seed % 2 == 0 ? 150 : 60, seed % 3 == 0 ? 4 : 12, dates[seed % dates.Length]);
        }

        return runs;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Generated_datasets_have_no_violation(int seed, int patients, int providers, string referenceDate)
    {
        var dataset = Generate(seed, patients, providers, DateTime.Parse(referenceDate));

        var violations = Validator.Validate(dataset).ToList();

        Assert.True(violations.Count == 0, ValidatorSamples.Describe(violations.Take(20)));
    }

    [Fact]
    public void The_dataset_of_the_issue_has_no_violation()
    {
        var dataset = Generate(1, 1000, 40, new DateTime(2026, 1, 1));

        Assert.Empty(Validator.Validate(dataset));
    }

    [Fact]
    public void A_generated_dataset_broken_by_hand_is_caught()
    {
        var dataset = Generate(3, 100, 10, new DateTime(2026, 1, 1));
        var appointment = dataset.Appointments[17];
        appointment.ProviderId = "dr_nobody_99";
        var patient = dataset.Patients.First(p => p.Age < 10);
        patient.ChronicConditions = patient.ChronicConditions
            .Append(new Condition("G30.9", "Alzheimer's disease")).ToArray();

        var violations = Validator.Validate(dataset).ToList();

        Assert.Contains(violations, v => v.Rule == 1 && v.EntityId == appointment.Id);
        Assert.Contains(violations, v => v.Rule == 5 && v.EntityId == patient.Id);
    }

    [Fact]
    public void A_generated_dataset_survives_export_and_import_byte_for_byte()
    {
        var root = Path.Combine(Path.GetTempPath(), "healthmock-generated-" + Guid.NewGuid().ToString("N"));
        try
        {
            var dataset = Generate(7, 400, 15, new DateTime(2026, 1, 1));
            var first = Path.Combine(root, "first");
            var second = Path.Combine(root, "second");
            Directory.CreateDirectory(root);
            new DatasetWriter().Write(dataset, first);
            var imported = new DatasetReader().Read(first);
            new DatasetWriter().Write(imported, second);

            foreach (var file in DatasetFiles.All)
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)),
                    File.ReadAllBytes(Path.Combine(second, file)));
            }

            Assert.Empty(Validator.Validate(imported));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static MockDataset Generate(int seed, int patients, int providers, DateTime referenceDate) =>
        new DatasetGenerator(SeedCatalog.Default, new DatasetOptions
        {
            Seed = seed,
            PatientCount = patients,
            ProviderCount = providers,
            AppointmentsPerPatient = 3,
            ReferenceDate = referenceDate,
        }).Generate();
}

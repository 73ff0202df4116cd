using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HealthMock.Flattening;
using HealthMock.Tests.Json;
using Xunit;

namespace HealthMock.Tests.Flattening;

/// <summary>Flat columns for CSV files: one readable value per column.</summary>
public sealed class RecordFlattenerTests
{
    private static readonly Patient Patient = new Patient
    {
        Id = "ana_diaz_0001",
        FirstName = "Ana",
        DateOfBirth = new DateTime(1980, 2, 29),
        Sex = Sex.Female,
        Age = 46,
        ChronicConditions = new[] { new Condition("I10", "Essential hypertension"), new Condition("E11.9", "Type 2") },
        Medications = new[] { new Medication("Lisinopril", "10 mg once daily", "I10") },
        Allergies = new[] { "Penicillin", "Latex" },
        EmergencyContact = new EmergencyContact("Luis Diaz", "Spouse", "617-555-0101"),
        DeductibleBalance = 1250.50m,
    };

    [Fact]
    public void Every_value_is_a_number_a_boolean_text_or_empty()
    {
        var provider = new Provider { Languages = new[] { "English", "Spanish" } };
        var records = new object[]
        {
            Patient, provider, new InsurancePolicy(), new Appointment { CanceledAt = DateTimeOffset.UnixEpoch },
            new MockDataset(), new DatasetManifest { Counts = { ["users.json"] = 3 } },
        };

        foreach (var column in records.SelectMany(r => RecordFlattener.Flatten(r)))
        {
            Assert.True(column.Value is null or string or bool or int or long or decimal or double,
                $"{column.Key} is a {column.Value?.GetType()}");
            Assert.DoesNotContain("System.", column.Value as string ?? "");
            Assert.DoesNotContain("HealthMock.", column.Value as string ?? "");
        }
    }

    [Fact]
    public void Lists_are_joined_and_conditions_and_medications_read_in_full()
    {
        var columns = Columns(Patient);

        Assert.Equal("Essential hypertension (I10); Type 2 (E11.9)", columns["ChronicConditions"]);
        Assert.Equal("Lisinopril 10 mg once daily", columns["Medications"]);
        Assert.Equal("Penicillin | Latex", Columns(Patient, " | ")["Allergies"]);
    }

    [Fact]
    public void Nested_objects_are_spread_over_columns_named_after_both()
    {
        var columns = Columns(Patient);
        var policy = Columns(new InsurancePolicy { Copays = new Copays { Specialist = 40m } });

        Assert.Equal("Spouse", columns["EmergencyContactRelationship"]);
        Assert.False(columns.ContainsKey("EmergencyContact"));
        Assert.Equal(40m, policy["CopaySpecialist"]);
    }

    [Fact]
    public void Dates_times_and_enums_are_invariant_text_whatever_the_culture()
    {
        using (new CultureScope("de-DE"))
        {
            var columns = Columns(Patient);
            var appointment = Columns(new Appointment
            {
                Start = new DateTimeOffset(2026, 3, 4, 9, 30, 0, TimeSpan.FromHours(-5)),
            });
            var schedule = Columns(new Provider
            {
                Schedule = new WeeklySchedule { Start = TimeSpan.FromHours(8.5), Days = new[] { DayOfWeek.Monday } },
            });

            Assert.Equal("1980-02-29", columns["DateOfBirth"]);
            Assert.Equal("Female", columns["Sex"]);
            Assert.Equal(1250.50m, columns["DeductibleBalance"]);
            Assert.Equal("2026-03-04T09:30:00-05:00", appointment["Start"]);
            Assert.Equal("08:30", schedule["ScheduleStart"]);
            Assert.Equal("Monday", schedule["ScheduleDays"]);
        }
    }

    [Fact]
    public void A_dataset_becomes_its_seed_reference_date_and_counts()
    {
        var dataset = new MockDataset
        {
            Seed = 7,
            ReferenceDate = new DateTime(2026, 1, 2),
            Patients = { Patient },
        };

        var columns = Columns(dataset);

        Assert.Equal(new[] { "Seed", "ReferenceDate", "ModuleVersion", "PatientCount", "ProviderCount",
            "PolicyCount", "AppointmentCount" }, columns.Keys);
        Assert.Equal(1, columns["PatientCount"]);
        Assert.Equal("2026-01-02", columns["ReferenceDate"]);
    }

    [Fact]
    public void A_dictionary_is_written_as_key_value_pairs()
    {
        var manifest = new DatasetManifest
        {
            Counts = { ["users.json"] = 3, ["providers.json"] = 1 },
        };

        Assert.Equal("users.json: 3; providers.json: 1", Columns(manifest)["Counts"]);
    }

    private static Dictionary<string, object?> Columns(object record, string separator = "; ") =>
        RecordFlattener.Flatten(record, separator).ToDictionary(c => c.Key, c => c.Value);
}

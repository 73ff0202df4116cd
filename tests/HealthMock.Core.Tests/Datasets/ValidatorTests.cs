using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Xunit;

namespace HealthMock.Tests.Datasets;

/// <summary>
/// The checker against a clean hand-built dataset and against copies of it broken by hand, one rule at a time.
/// </summary>
public class ValidatorTests
{
    private static readonly DatasetValidator Validator = new DatasetValidator();

    /// <summary>A way to break the clean sample, the rule it breaks and the record that should be reported.</summary>
    public static TheoryData<string, int, string> Breakers => new TheoryData<string, int, string>
    {
        { "dangling provider id", 1, "apt_000001" },
        { "dangling primary care provider", 1, "sara_doe_4821" },
        { "dangling subscriber", 1, "POL-000002" },
        { "duplicate patient id", 1, "leo_doe_1234" },
        { "pediatrician for an adult", 2, "sara_doe_4821" },
        { "specialist as primary care provider", 2, "ana_nunez_0007" },
        { "email from another name", 3, "sara_doe_4821" },
        { "duplicate email", 3, "ana_nunez_0007" },
        { "zip of another city", 4, "sara_doe_4821" },
        { "clinic in another time zone", 4, "dr_roy_cardiology_03" },
        { "phone of another area", 4, "leo_doe_1234" },
        { "age that does not match the date of birth", 5, "sara_doe_4821" },
        { "child with a geriatric condition", 5, "leo_doe_1234" },
        { "medication for a condition the patient lacks", 5, "ana_nunez_0007" },
        { "type the specialty does not offer", 6, "apt_000002" },
        { "pediatrician seeing an adult", 6, "apt_000001" },
        { "visit category of another type", 6, "apt_000003" },
        { "double booking", 7, "apt_000006" },
        { "appointment on a day off", 7, "apt_000002" },
        { "appointment off the slot grid", 7, "apt_000001" },
        { "past appointment still scheduled", 8, "apt_000001" },
        { "booked after the start", 8, "apt_000003" },
        { "appointment before the patient was born", 8, "apt_000003" },
        { "canceled appointment without a reason", 9, "apt_000004" },
        { "completed appointment with a cancellation reason", 9, "apt_000001" },
        { "deductible met above the deductible", 10, "POL-000001" },
        { "Medicare for a patient under 65", 10, "POL-000001" },
        { "HDHP with a low deductible", 10, "POL-000001" },
        { "status that does not match the policy period", 10, "POL-000003" },
        { "out-of-pocket met below the deductible met", 10, "POL-000003" },
        { "copay charged outside the policy period", 10, "apt_000001" },
        { "copay that is not the policy's", 11, "apt_000002" },
    };

    [Fact]
    public void A_clean_hand_built_dataset_has_no_violation()
    {
        var violations = Validator.Validate(ValidatorSamples.Clean()).ToList();

        Assert.True(violations.Count == 0, ValidatorSamples.Describe(violations));
    }

    [Theory]
    [MemberData(nameof(Breakers))]
    public void Each_hand_broken_dataset_is_caught_with_the_rule_it_breaks(string breaker, int rule, string id)
    {
        var dataset = ValidatorSamples.Clean();
        Break(dataset, breaker);

        var violations = Validator.Validate(dataset).ToList();

        Assert.True(violations.Any(v => v.Rule == rule && v.EntityId == id),
            $"Expected a rule {rule} violation on {id}; got:{Environment.NewLine}"
            + ValidatorSamples.Describe(violations));
    }

    [Theory]
    [InlineData("dangling provider id", 1)]
    [InlineData("double booking", 7)]
    [InlineData("canceled appointment without a reason", 9)]
    [InlineData("child with a geriatric condition", 5)]
    [InlineData("deductible met above the deductible", 10)]
    public void The_issue_cases_break_only_their_own_rule(string breaker, int rule)
    {
        var dataset = ValidatorSamples.Clean();
        Break(dataset, breaker);

        var violations = Validator.Validate(dataset).ToList();

        Assert.NotEmpty(violations);
        Assert.True(violations.All(v => v.Rule == rule), ValidatorSamples.Describe(violations));
    }

    [Fact]
    public void A_dangling_provider_id_is_reported_with_the_id_it_names()
    {
        var dataset = ValidatorSamples.Clean();
        Break(dataset, "dangling provider id");

        var violation = Assert.Single(Validator.Validate(dataset));

        Assert.Equal(ConsistencyRule.References, violation.ConsistencyRule);
        Assert.Equal("References", violation.RuleName);
        Assert.Equal(DatasetEntityKind.Appointment, violation.EntityKind);
        Assert.Contains("dr_nobody_01", violation.Message);
    }

    [Fact]
    public void A_double_booking_names_both_appointments()
    {
        var dataset = ValidatorSamples.Clean();
        Break(dataset, "double booking");

        var violation = Assert.Single(Validator.Validate(dataset));

        Assert.Equal("apt_000006", violation.EntityId);
        Assert.Contains("apt_000001", violation.Message);
        Assert.Contains("provider dr_lee_family_medicine_01", violation.Message);
    }

    [Fact]
    public void A_patient_booked_twice_at_once_is_an_overlap_even_with_two_providers()
    {
        var dataset = ValidatorSamples.Clean();
        var sara = dataset.PatientById("sara_doe_4821");
        var second = dataset.AppointmentById("apt_000002");
        second.Start = ValidatorSamples.At(2026, 1, 20, 10, 0);
        var first = dataset.AppointmentById("apt_000001");
        first.Start = ValidatorSamples.At(2026, 1, 20, 10, 45);
        first.Status = AppointmentStatus.Scheduled;
        first.BookedAt = ValidatorSamples.At(2026, 1, 10, 8, 0);

        var violations = Validator.Validate(dataset).ToList();

        var overlap = Assert.Single(violations);
        Assert.Equal(7, overlap.Rule);
        Assert.Contains("patient " + sara.Id, overlap.Message);
    }

    [Fact]
    public void Canceled_appointments_may_share_a_slot_with_active_ones()
    {
        var dataset = ValidatorSamples.Clean();
        var canceled = dataset.AppointmentById("apt_000004");
        var copy = Copy(canceled, "apt_000006");
        copy.Status = AppointmentStatus.Scheduled;
        copy.CancellationReason = null;
        copy.CanceledAt = null;
        copy.PatientId = "sara_doe_4821";
        copy.Copay = dataset.PolicyByNumber("POL-000001").Copays.PrimaryCare;
        dataset.Appointments.Add(copy);

        var violations = Validator.Validate(dataset).ToList();

        Assert.True(violations.Count == 0, ValidatorSamples.Describe(violations));
    }

    [Fact]
    public void Every_violation_is_reported_not_just_the_first()
    {
        var dataset = ValidatorSamples.Clean();
        Break(dataset, "dangling provider id");
        Break(dataset, "canceled appointment without a reason");
        Break(dataset, "child with a geriatric condition");
        Break(dataset, "deductible met above the deductible");

        var rules = Validator.Validate(dataset).Select(v => v.Rule).Distinct().OrderBy(r => r).ToArray();

        Assert.Equal(new[] { 1, 5, 9, 10 }, rules);
    }

    [Fact]
    public void Medicare_for_younger_patients_is_allowed_by_option()
    {
        var dataset = ValidatorSamples.Clean();
        Break(dataset, "Medicare for a patient under 65");
        var validator = new DatasetValidator(Seeds.SeedCatalog.Default,
            new DatasetValidatorOptions { MedicareAge = 40 });

        var violations = validator.Validate(dataset).ToList();

        Assert.True(violations.Count == 0, ValidatorSamples.Describe(violations));
    }

    [Fact]
    public void Ages_outside_the_requested_range_are_reported()
    {
        var validator = new DatasetValidator(Seeds.SeedCatalog.Default,
            new DatasetValidatorOptions { MinAge = 18, MaxAge = 65 });

        var violations = validator.Validate(ValidatorSamples.Clean()).Where(v => v.Rule == 5).ToList();

        Assert.Equal(new[] { "leo_doe_1234", "ana_nunez_0007" }, violations.Select(v => v.EntityId));
    }

    [Fact]
    public void Someone_born_on_29_February_turns_a_year_older_on_28_February_in_common_years()
    {
        Assert.Equal(0, DatasetValidator.AgeAt(new DateTime(2024, 2, 29), new DateTime(2025, 2, 27)));
        Assert.Equal(1, DatasetValidator.AgeAt(new DateTime(2024, 2, 29), new DateTime(2025, 2, 28)));
        Assert.Equal(4, DatasetValidator.AgeAt(new DateTime(2024, 2, 29), new DateTime(2028, 2, 29)));
        Assert.Equal(3, DatasetValidator.AgeAt(new DateTime(2024, 2, 29), new DateTime(2028, 2, 28)));
    }

    [Fact]
    public void Contradictory_options_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new DatasetValidator(Seeds.SeedCatalog.Default,
            new DatasetValidatorOptions { MinAge = 30, MaxAge = 20 }));
    }

    [Fact]
    public void A_large_dataset_is_checked_in_near_linear_time()
    {
        var dataset = Large(100_000);
        var watch = Stopwatch.StartNew();

        var count = Validator.Validate(dataset).Count();

        watch.Stop();
        Assert.Equal(0, count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"Took {watch.Elapsed}.");
    }

    /// <summary>
    /// Copies the clean sample's Boston adult <paramref name="patients"/> times, each with three appointments with
    /// the family physician on their own slots, so the dataset stays clean and the overlap sweep has work to do.
    /// </summary>
    private static MockDataset Large(int patients)
    {
        var sample = ValidatorSamples.Clean();
        var template = sample.PatientById("sara_doe_4821");
        var lee = sample.ProviderById("dr_lee_family_medicine_01");
        var dataset = new MockDataset { ReferenceDate = sample.ReferenceDate, Providers = { lee } };
        var slot = 0L;
        for (var i = 0; i < patients; i++)
        {
            var last = "Doe" + new string(i.ToString("D6").Select(c => (char)('a' + c - '0')).ToArray());
            var id = $"sara_{last.ToLowerInvariant()}_{i:D6}";
            var patient = new Patient
            {
                Id = id,
                FirstName = template.FirstName,
                LastName = last,
                Sex = template.Sex,
                DateOfBirth = template.DateOfBirth.AddDays(-(i % 3000)),
                Email = $"sara.{last.ToLowerInvariant()}{i:D6}@example.com",
                Phone = template.Phone,
                AddressLine1 = template.AddressLine1,
                City = template.City,
                State = template.State,
                Zip = template.Zip,
                Address = template.Address,
                PrimaryCareProviderId = lee.Id,
                PrimaryCareProvider = lee.DisplayName,
                AccountCreationDate = template.AccountCreationDate,
            };
            patient.Age = DatasetValidator.AgeAt(patient.DateOfBirth, dataset.ReferenceDate);
            dataset.Patients.Add(patient);
            for (var k = 0; k < 3; k++)
            {
                var start = NextSlot(ref slot);
                dataset.Appointments.Add(new Appointment
                {
                    Id = $"apt_{i:D6}_{k}",
                    PatientId = id,
                    ProviderId = lee.Id,
                    Type = "Follow-up",
                    VisitCategory = VisitCategory.PrimaryCare,
                    Start = start,
                    DurationMinutes = 15,
                    Status = AppointmentStatus.Completed,
                    BookedAt = start.AddDays(-20),
                });
            }
        }

        return dataset;
    }

    /// <summary>
    /// The next fifteen-minute weekday slot between 08:00 and 16:00, going back in time from 2026-01-14.
    /// </summary>
    private static DateTimeOffset NextSlot(ref long slot)
    {
        const int SlotsPerDay = 32;
        while (true)
        {
            var day = new DateTime(2026, 1, 14).AddDays(-(slot / SlotsPerDay));
            var within = (int)(slot % SlotsPerDay);
            slot++;
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            return new DateTimeOffset(day.AddHours(8).AddMinutes(15 * within), TimeSpan.FromHours(-5));
        }
    }

    private static Appointment Copy(Appointment source, string id) => new Appointment
    {
        Id = id,
        PatientId = source.PatientId,
        ProviderId = source.ProviderId,
        Type = source.Type,
        VisitCategory = source.VisitCategory,
        Start = source.Start,
        DurationMinutes = source.DurationMinutes,
        Mode = source.Mode,
        Reason = source.Reason,
        Status = source.Status,
        CancellationReason = source.CancellationReason,
        CanceledAt = source.CanceledAt,
        BookedAt = source.BookedAt,
        Copay = source.Copay,
    };

    private static void Break(MockDataset dataset, string breaker)
    {
        var sara = dataset.PatientById("sara_doe_4821");
        var leo = dataset.PatientById("leo_doe_1234");
        var ana = dataset.PatientById("ana_nunez_0007");
        var family = dataset.PolicyByNumber("POL-000001");
        switch (breaker)
        {
            case "dangling provider id":
                dataset.AppointmentById("apt_000001").ProviderId = "dr_nobody_01";
                break;
            case "dangling primary care provider":
                sara.PrimaryCareProviderId = "dr_nobody_01";
                break;
            case "dangling subscriber":
                dataset.PolicyByNumber("POL-000002").SubscriberId = "nobody_0000";
                break;
            case "duplicate patient id":
                dataset.Patients.Add(leo);
                break;
            case "pediatrician for an adult":
                var kim = dataset.ProviderById("dr_kim_pediatrics_02");
                sara.PrimaryCareProviderId = kim.Id;
                sara.PrimaryCareProvider = kim.DisplayName;
                break;
            case "specialist as primary care provider":
                var roy = dataset.ProviderById("dr_roy_cardiology_03");
                ana.PrimaryCareProviderId = roy.Id;
                ana.PrimaryCareProvider = roy.DisplayName;
                break;
            case "email from another name":
                sara.Email = "dgriffith@example.com";
                break;
            case "duplicate email":
                ana.Email = sara.Email.ToUpperInvariant();
                break;
            case "zip of another city":
                sara.Zip = "60601";
                sara.Address = sara.AddressLine1 + ", Boston, MA 60601";
                break;
            case "clinic in another time zone":
                dataset.ProviderById("dr_roy_cardiology_03").Clinic.UtcOffset = "-06:00";
                break;
            case "phone of another area":
                leo.Phone = "617-555-0150";
                break;
            case "age that does not match the date of birth":
                sara.Age = 41;
                break;
            case "child with a geriatric condition":
                leo.ChronicConditions = leo.ChronicConditions
                    .Append(new Condition("G30.9", "Alzheimer's disease")).ToArray();
                break;
            case "medication for a condition the patient lacks":
                ana.Medications = ana.Medications.Append(new Medication("Metformin", "500 mg twice daily", "E11.9"))
                    .ToArray();
                break;
            case "type the specialty does not offer":
                dataset.AppointmentById("apt_000002").Type = "Well-Child Visit";
                break;
            case "pediatrician seeing an adult":
                dataset.AppointmentById("apt_000001").ProviderId = "dr_kim_pediatrics_02";
                break;
            case "visit category of another type":
                dataset.AppointmentById("apt_000003").VisitCategory = VisitCategory.Specialist;
                break;
            case "appointment before the patient was born":
                leo.DateOfBirth = new DateTime(2026, 1, 17);
                leo.Age = 0;
                break;
            case "status that does not match the policy period":
                dataset.PolicyByNumber("POL-000003").Status = PolicyStatus.Expired;
                break;
            case "out-of-pocket met below the deductible met":
                dataset.PolicyByNumber("POL-000003").OutOfPocketMet = 100m;
                break;
            case "double booking":
                var booked = dataset.AppointmentById("apt_000001");
                var twin = Copy(booked, "apt_000006");
                twin.PatientId = ana.Id;
                twin.Copay = dataset.PolicyByNumber("POL-000003").Copays.PrimaryCare;
                dataset.Appointments.Add(twin);
                break;
            case "appointment on a day off":
                dataset.AppointmentById("apt_000002").Start = ValidatorSamples.At(2026, 1, 21, 10, 0);
                break;
            case "appointment off the slot grid":
                dataset.AppointmentById("apt_000001").Start = ValidatorSamples.At(2026, 1, 12, 9, 5);
                break;
            case "past appointment still scheduled":
                dataset.AppointmentById("apt_000001").Status = AppointmentStatus.Scheduled;
                break;
            case "booked after the start":
                dataset.AppointmentById("apt_000003").BookedAt = ValidatorSamples.At(2026, 1, 16, 9, 45);
                break;
            case "canceled appointment without a reason":
                dataset.AppointmentById("apt_000004").CancellationReason = null;
                break;
            case "completed appointment with a cancellation reason":
                dataset.AppointmentById("apt_000001").CancellationReason = "Patient request";
                break;
            case "deductible met above the deductible":
                family.DeductibleMet = family.Deductible + 100m;
                family.OutOfPocketMet = family.DeductibleMet + 50m;
                sara.DeductibleBalance = family.Deductible - family.DeductibleMet;
                break;
            case "Medicare for a patient under 65":
                family.PlanType = PlanType.Medicare;
                sara.CoverageType = "Medicare";
                break;
            case "HDHP with a low deductible":
                family.PlanType = PlanType.HDHP;
                family.CopaysAfterDeductible = true;
                sara.CoverageType = "HDHP";
                break;
            case "copay charged outside the policy period":
                family.EffectiveDate = new DateTime(2026, 1, 13);
                family.EndDate = new DateTime(2027, 1, 12);
                break;
            case "copay that is not the policy's":
                dataset.AppointmentById("apt_000002").Copay = 35m;
                break;
            default:
                throw new ArgumentException("Unknown breaker " + breaker, nameof(breaker));
        }
    }
}

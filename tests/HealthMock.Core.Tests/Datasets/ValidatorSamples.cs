using System;
using System.Collections.Generic;

namespace HealthMock.Tests.Datasets;

/// <summary>
/// A small dataset built by hand, without the generators, that keeps every consistency rule: three patients (an
/// adult, a child on the adult's family policy, a Medicare senior), three providers and five appointments around
/// the reference date, Thursday 15 January 2026. Each call returns a fresh copy that a test may break.
/// </summary>
internal static class ValidatorSamples
{
    public static readonly DateTime ReferenceDate = new DateTime(2026, 1, 15);

    public static MockDataset Clean()
    {
        var dataset = new MockDataset
        {
            Seed = 42,
            ReferenceDate = ReferenceDate,
            ModuleVersion = "0.1.0",
        };
        var lee = Provider("dr_lee_family_medicine_01", "Mei", "Lee", "Family Medicine", true, "Boston", "02115",
            "617-555-0110", Weekdays(DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday,
                DayOfWeek.Friday), 8, 16, 15);
        var kim = Provider("dr_kim_pediatrics_01", "Joon", "Kim", "Pediatrics", true, "Worcester", "01610",
            "508-555-0111", Weekdays(DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday), 9, 17, 15);
        var roy = Provider("dr_roy_cardiology_01", "Ana", "Roy", "Cardiology", false, "Boston", "02114",
            "617-555-0112", Weekdays(DayOfWeek.Tuesday, DayOfWeek.Thursday), 8, 16, 30);
        dataset.Providers.AddRange(new[] { lee, kim, roy });

        var sara = Patient("sara_doe_4821", "Sara", "Doe", Sex.Female, new DateTime(1985, 6, 2), 40,
            "sara.doe4821@example.com", "Boston", "02118", "617-555-0142", lee);
        sara.ChronicConditions = new[] { new Condition("I10", "Essential hypertension") };
        sara.Medications = new[] { new Medication("Lisinopril", "10 mg once daily", "I10") };
        var leo = Patient("leo_doe_1234", "Leo", "Doe", Sex.Male, new DateTime(2018, 9, 10), 7,
            "ldoe1234@example.org", "Worcester", "01605", "508-555-0150", kim);
        leo.ChronicConditions = new[] { new Condition("J45.909", "Asthma") };
        leo.Medications = new[] { new Medication("Albuterol inhaler", "90 mcg, 2 puffs as needed", "J45.909") };
        var ana = Patient("ana_nunez_0007", "Ana", "Núñez", Sex.Female, new DateTime(1955, 3, 1), 70,
            "ana.nunez0007@example.net", "Springfield", "01103", "413-555-0177", lee);
        ana.AddressLine2 = "Apt 4";
        ana.Address = ana.AddressLine1 + ", Apt 4, Springfield, MA 01103";
        ana.ChronicConditions = new[] { new Condition("E78.5", "Hyperlipidemia") };
        ana.Medications = new[] { new Medication("Atorvastatin", "20 mg once daily", "E78.5") };
        dataset.Patients.AddRange(new[] { sara, leo, ana });

        var family = Policy("POL-000001", sara, sara, "self", PlanType.PPO, CoverageTier.Family);
        var child = Policy("POL-000002", leo, sara, "child", PlanType.PPO, CoverageTier.Family);
        var medicare = Policy("POL-000003", ana, ana, "self", PlanType.Medicare, CoverageTier.Individual);
        medicare.Deductible = 240m;
        medicare.DeductibleMet = 240m;
        medicare.OutOfPocketMax = 3400m;
        medicare.OutOfPocketMet = 410.5m;
        medicare.Copays = new Copays
        {
            PrimaryCare = 0,
            Specialist = 20,
            UrgentCare = 30,
            Telehealth = 0,
            Emergency = 90,
        };
        dataset.Policies.AddRange(new[] { family, child, medicare });
        foreach (var policy in dataset.Policies)
        {
            var patient = dataset.Patients.Find(p => p.Id == policy.PatientId)!;
            patient.InsurancePolicyNumber = policy.PolicyNumber;
            patient.InsuranceProvider = policy.Payer;
            patient.CoverageType = policy.PlanType.ToString();
            patient.DeductibleBalance = policy.Deductible - policy.DeductibleMet;
        }

        dataset.Appointments.Add(Appointment("apt_000001", sara, lee, "Follow-up", VisitCategory.PrimaryCare,
            At(2026, 1, 12, 9, 0), 15, AppointmentMode.InPerson, AppointmentStatus.Completed, At(2025, 12, 20, 10, 0),
            family.Copays.PrimaryCare));
        dataset.Appointments.Add(Appointment("apt_000002", sara, roy, "Specialist Consultation",
            VisitCategory.Specialist, At(2026, 1, 20, 10, 0), 60, AppointmentMode.InPerson, AppointmentStatus.Scheduled,
            At(2026, 1, 10, 16, 45), family.Copays.Specialist));
        dataset.Appointments.Add(Appointment("apt_000003", leo, kim, "Well-Child Visit", VisitCategory.PrimaryCare,
            At(2026, 1, 16, 9, 30), 30, AppointmentMode.InPerson, AppointmentStatus.Confirmed, At(2026, 1, 2, 8, 5),
            child.Copays.PrimaryCare));
        var canceled = Appointment("apt_000004", ana, lee, "Sick Visit", VisitCategory.PrimaryCare,
            At(2026, 1, 21, 14, 0), 15, AppointmentMode.Telehealth, AppointmentStatus.Canceled, At(2026, 1, 9, 11, 0),
            null);
        canceled.CancellationReason = "Patient request";
        canceled.CanceledAt = At(2026, 1, 14, 9, 0);
        dataset.Appointments.Add(canceled);
        dataset.Appointments.Add(Appointment("apt_000005", ana, lee, "Telehealth Visit", VisitCategory.Telehealth,
            At(2026, 1, 8, 11, 0), 15, AppointmentMode.Telehealth, AppointmentStatus.NoShow, At(2026, 1, 5, 13, 20),
            medicare.Copays.Telehealth));
        return dataset;
    }

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(-5));

    public static Patient PatientById(this MockDataset dataset, string id) => dataset.Patients.Find(p => p.Id == id)!;

    public static Provider ProviderById(this MockDataset dataset, string id) =>
        dataset.Providers.Find(p => p.Id == id)!;

    public static InsurancePolicy PolicyByNumber(this MockDataset dataset, string number) =>
        dataset.Policies.Find(p => p.PolicyNumber == number)!;

    public static Appointment AppointmentById(this MockDataset dataset, string id) =>
        dataset.Appointments.Find(a => a.Id == id)!;

    private static DayOfWeek[] Weekdays(params DayOfWeek[] days) => days;

    private static Provider Provider(string id, string first, string last, string specialty, bool primaryCare,
        string city, string zip, string phone, DayOfWeek[] days, int startHour, int endHour, int slot) => new Provider
    {
        Id = id,
        FirstName = first,
        LastName = last,
        Credential = Credential.MD,
        Specialty = specialty,
        IsPrimaryCare = primaryCare,
        Npi = "1234567893",
        Clinic = new Clinic
        {
            Name = "Maple Grove " + specialty,
            AddressLine1 = "100 Main Street",
            City = city,
            State = "MA",
            Zip = zip,
            UtcOffset = "-05:00",
        },
        Phone = phone,
        Email = first.ToLowerInvariant() + "." + last.ToLowerInvariant() + "@example.org",
        Schedule = new WeeklySchedule
        {
            Days = days,
            Start = TimeSpan.FromHours(startHour),
            End = TimeSpan.FromHours(endHour),
            SlotMinutes = slot,
        },
        AcceptingNewPatients = true,
        Languages = new[] { "English" },
    };

    private static Patient Patient(string id, string first, string last, Sex sex, DateTime dateOfBirth, int age,
        string email, string city, string zip, string phone, Provider pcp)
    {
        var line1 = "12 Elm Street";
        return new Patient
        {
            Id = id,
            FirstName = first,
            LastName = last,
            Sex = sex,
            DateOfBirth = dateOfBirth,
            Age = age,
            Email = email,
            Phone = phone,
            AddressLine1 = line1,
            City = city,
            State = "MA",
            Zip = zip,
            Address = line1 + ", " + city + ", MA " + zip,
            PreferredContactMethod = ContactMethod.Email,
            PrimaryCareProviderId = pcp.Id,
            PrimaryCareProvider = pcp.DisplayName,
            Allergies = new[] { "Peanuts" },
            EmergencyContact = new EmergencyContact("Sam Doe", "Spouse", phone),
            AccountCreationDate = new DateTime(2024, 3, 1),
        };
    }

    private static InsurancePolicy Policy(string number, Patient patient, Patient subscriber, string relationship,
        PlanType planType, CoverageTier tier) => new InsurancePolicy
    {
        PolicyNumber = number,
        MemberId = "MBR" + number.Substring(4),
        GroupNumber = "GRP-7001",
        PatientId = patient.Id,
        Payer = "Bluewater Health",
        PlanName = "Bluewater " + planType,
        PlanType = planType,
        CoverageTier = tier,
        SubscriberId = subscriber.Id,
        RelationshipToSubscriber = relationship,
        EffectiveDate = new DateTime(2025, 7, 1),
        EndDate = new DateTime(2026, 6, 30),
        Status = PolicyStatus.Active,
        Deductible = 1500m,
        DeductibleMet = 620.25m,
        OutOfPocketMax = 6000m,
        OutOfPocketMet = 880.25m,
        Copays = new Copays { PrimaryCare = 25, Specialist = 50, UrgentCare = 75, Telehealth = 10, Emergency = 250 },
        Coinsurance = 0.2m,
        RequiresReferral = false,
    };

    private static Appointment Appointment(string id, Patient patient, Provider provider, string type,
        VisitCategory category, DateTimeOffset start, int minutes, AppointmentMode mode, AppointmentStatus status,
        DateTimeOffset bookedAt, decimal? copay) => new Appointment
    {
        Id = id,
        PatientId = patient.Id,
        ProviderId = provider.Id,
        Type = type,
        VisitCategory = category,
        Start = start,
        DurationMinutes = minutes,
        Mode = mode,
        Reason = "Routine visit",
        Status = status,
        BookedAt = bookedAt,
        Copay = copay,
    };

    /// <summary>Names the violations in an assertion message, one per line.</summary>
    public static string Describe(IEnumerable<RuleViolation> violations) =>
        string.Join(Environment.NewLine, violations);
}

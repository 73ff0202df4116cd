using System;

namespace HealthMock.Tests.Datasets;

/// <summary>
/// A small clinic dataset built by hand, without the generators, that keeps every consistency rule: three providers,
/// three patients (an adult, a child on the adult's family policy, a Medicare senior), their policies and five
/// appointments around the reference date, Thursday 15 January 2026. All clinics are at UTC-05:00. Each call returns
/// a fresh copy that a test may break or add to: the validator and dataset file tests use it as it is
/// (<see cref="ValidatorSamples"/>), the front-desk tests add providers, patients and appointments to it
/// (<see cref="HealthMock.Tests.Api.FrontDeskSample"/>) with the same record builders.
/// </summary>
/// <remarks>
/// <para>Providers: Lee (dr_lee_family_medicine_01, Family Medicine in Boston, Mon-Fri 08:00-16:00, 15-minute
/// slots), Kim (dr_kim_pediatrics_02, Pediatrics in Worcester, Mon, Wed, Fri 09:00-17:00) and Roy
/// (dr_roy_cardiology_03, Cardiology in Boston, Tue and Thu 08:00-16:00, 30-minute slots).</para>
/// <para>Patients: Sara (40, Boston, hypertension, PPO family policy POL-000001), her son Leo (7, Worcester,
/// asthma, on her policy as POL-000002, with Kim as primary care provider) and Ana (70, Springfield,
/// hyperlipidemia, Medicare POL-000003). Sara and Ana have Lee as primary care provider.</para>
/// <para>Appointments: apt_000001 Sara with Lee on the 12th (completed), apt_000002 Sara with Roy on Tuesday the
/// 20th 10:00-11:00 (scheduled), apt_000003 Leo with Kim on Friday the 16th 09:30 (confirmed), apt_000004 Ana with
/// Lee on the 21st 14:00 (telehealth, canceled) and apt_000005 Ana with Lee on the 8th (telehealth, no-show).</para>
/// </remarks>
internal static class ClinicSample
{
    public static readonly DateTime ReferenceDate = new DateTime(2026, 1, 15);

    public static readonly TimeSpan Offset = TimeSpan.FromHours(-5);

    private static readonly DayOfWeek[] WeekDays =
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
    };

    public static MockDataset Create()
    {
        var dataset = new MockDataset { Seed = 42, ReferenceDate = ReferenceDate, ModuleVersion = "0.1.0" };
        var lee = Provider("dr_lee_family_medicine_01", "Mei", "Lee", "Family Medicine", true, "Boston", "02115",
            "617-555-0110", WeekDays, 8, 16, 15);
        var kim = Provider("dr_kim_pediatrics_02", "Joon", "Kim", "Pediatrics", true, "Worcester", "01610",
            "508-555-0111", new[] { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday }, 9, 17, 15);
        var roy = Provider("dr_roy_cardiology_03", "Ana", "Roy", "Cardiology", false, "Boston", "02114",
            "617-555-0112", new[] { DayOfWeek.Tuesday, DayOfWeek.Thursday }, 8, 16, 30);
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
        AddPolicies(dataset, family, child, medicare);

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

    /// <summary>A time on the clinics' clock, at UTC-05:00.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, Offset);

    public static Patient PatientById(this MockDataset dataset, string id) => dataset.Patients.Find(p => p.Id == id)!;

    public static Provider ProviderById(this MockDataset dataset, string id) =>
        dataset.Providers.Find(p => p.Id == id)!;

    public static InsurancePolicy PolicyByNumber(this MockDataset dataset, string number) =>
        dataset.Policies.Find(p => p.PolicyNumber == number)!;

    public static Appointment AppointmentById(this MockDataset dataset, string id) =>
        dataset.Appointments.Find(a => a.Id == id)!;

    /// <summary>
    /// Adds policies to the dataset and copies each one's number, payer, plan type and remaining deductible onto
    /// its patient, as the generator does.
    /// </summary>
    public static void AddPolicies(MockDataset dataset, params InsurancePolicy[] policies)
    {
        dataset.Policies.AddRange(policies);
        foreach (var policy in policies)
        {
            var patient = dataset.PatientById(policy.PatientId);
            patient.InsurancePolicyNumber = policy.PolicyNumber;
            patient.InsuranceProvider = policy.Payer;
            patient.CoverageType = policy.PlanType.ToString();
            patient.DeductibleBalance = policy.Deductible - policy.DeductibleMet;
        }
    }

    /// <summary>A provider accepting new patients, whose clinic is in Massachusetts at UTC-05:00.</summary>
    public static Provider Provider(string id, string first, string last, string specialty, bool primaryCare,
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

    /// <summary>A patient living at 12 Elm Street in a Massachusetts city, allergic to peanuts.</summary>
    public static Patient Patient(string id, string first, string last, Sex sex, DateTime dateOfBirth, int age,
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

    /// <summary>
    /// An active policy of Bluewater Health from 1 July 2025 to 30 June 2026, with part of its deductible met.
    /// </summary>
    public static InsurancePolicy Policy(string number, Patient patient, Patient subscriber, string relationship,
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

    /// <summary>An appointment for a routine visit.</summary>
    public static Appointment Appointment(string id, Patient patient, Provider provider, string type,
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
}

using System;
using System.IO;

namespace HealthMock.Tests.Api;

/// <summary>
/// A small hand-built dataset that keeps every consistency rule, for the front-desk tests. The reference date is
/// Thursday 15 January 2026, so the service's current time is 2026-01-15T23:59-05:00 and the first bookable day is
/// Friday the 16th. All clinics are at UTC-05:00.
/// </summary>
/// <remarks>
/// <para>Providers: Lee (Family Medicine, Mon-Fri 08:00-16:00, 15-minute slots), Kim (Pediatrics, Mon, Wed, Fri
/// 09:00-17:00), Roy (Cardiology, Tue and Thu 08:00-16:00, 30-minute slots, not accepting new patients) and Diaz
/// (Obstetrics and Gynecology, Mon and Wed 09:00-15:00).</para>
/// <para>Patients: Sara (40, PPO family policy), her son Leo (7, on her policy), Ana (70, Medicare), Tom (50,
/// HDHP with nothing of the deductible met), Max (30, uninsured) and Eve (35, an EPO policy that expired on
/// 30 June 2025). Everyone but Leo has Lee as primary care provider; Leo has Kim.</para>
/// <para>Appointments: apt_000001 Sara with Lee on the 12th (completed), apt_000002 Sara with Roy on Tuesday the
/// 20th 10:00-11:00 (scheduled), apt_000003 Leo with Kim on Friday the 16th 09:30 (confirmed), apt_000004 Ana with
/// Lee on the 21st 14:00 (canceled), apt_000005 Ana with Lee on the 8th (no-show), apt_000006 Sara with Lee on the
/// reference date at 14:00 (scheduled, already past the service's current time for changes), apt_000007 Ana with
/// Lee on Thursday the 22nd 10:00 (scheduled).</para>
/// </remarks>
internal static class FrontDeskSample
{
    public static readonly DateTime ReferenceDate = new DateTime(2026, 1, 15);

    public static readonly TimeSpan Offset = TimeSpan.FromHours(-5);

    public static MockDataset Create()
    {
        var dataset = new MockDataset { Seed = 7, ReferenceDate = ReferenceDate, ModuleVersion = "0.1.0" };
        var lee = Provider("dr_lee_family_medicine_01", "Mei", "Lee", "Family Medicine", true, WeekDays, 8, 16, 15);
        var kim = Provider("dr_kim_pediatrics_02", "Joon", "Kim", "Pediatrics", true,
            new[] { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday }, 9, 17, 15);
        var roy = Provider("dr_roy_cardiology_03", "Ana", "Roy", "Cardiology", false,
            new[] { DayOfWeek.Tuesday, DayOfWeek.Thursday }, 8, 16, 30);
        roy.AcceptingNewPatients = false;
        var diaz = Provider("dr_diaz_obgyn_04", "Lucia", "Diaz", "Obstetrics and Gynecology", false,
            new[] { DayOfWeek.Monday, DayOfWeek.Wednesday }, 9, 15, 15);
        dataset.Providers.AddRange(new[] { lee, kim, roy, diaz });

        var sara = Patient("sara_doe_4821", "Sara", "Doe", Sex.Female, new DateTime(1985, 6, 2), 40, lee);
        var leo = Patient("leo_doe_1234", "Leo", "Doe", Sex.Male, new DateTime(2018, 9, 10), 7, kim);
        var ana = Patient("ana_nunez_0007", "Ana", "Núñez", Sex.Female, new DateTime(1955, 3, 1), 70, lee);
        ana.Email = "ana.nunez0007@example.net";
        var tom = Patient("tom_hill_0042", "Tom", "Hill", Sex.Male, new DateTime(1975, 5, 5), 50, lee);
        var max = Patient("max_ray_0099", "Max", "Ray", Sex.Male, new DateTime(1995, 8, 20), 30, lee);
        var eve = Patient("eve_long_0500", "Eve", "Long", Sex.Female, new DateTime(1990, 2, 14), 35, lee);
        dataset.Patients.AddRange(new[] { sara, leo, ana, tom, max, eve });

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
        var hdhp = Policy("POL-000004", tom, tom, "self", PlanType.HDHP, CoverageTier.Individual);
        hdhp.Deductible = 3000m;
        hdhp.DeductibleMet = 0m;
        hdhp.OutOfPocketMax = 7000m;
        hdhp.OutOfPocketMet = 0m;
        hdhp.Coinsurance = 0.3m;
        hdhp.CopaysAfterDeductible = true;
        hdhp.Copays = new Copays
        {
            PrimaryCare = 30,
            Specialist = 60,
            UrgentCare = 90,
            Telehealth = 0,
            Emergency = 300,
        };
        var expired = Policy("POL-000005", eve, eve, "self", PlanType.EPO, CoverageTier.Individual);
        expired.EffectiveDate = new DateTime(2024, 7, 1);
        expired.EndDate = new DateTime(2025, 6, 30);
        expired.Status = PolicyStatus.Expired;
        dataset.Policies.AddRange(new[] { family, child, medicare, hdhp, expired });
        foreach (var policy in dataset.Policies)
        {
            var patient = dataset.Patients.Find(p => p.Id == policy.PatientId)!;
            patient.InsurancePolicyNumber = policy.PolicyNumber;
            patient.InsuranceProvider = policy.Payer;
            patient.CoverageType = policy.PlanType.ToString();
            patient.DeductibleBalance = policy.Deductible - policy.DeductibleMet;
        }

        dataset.Appointments.Add(Appointment("apt_000001", sara, lee, "Follow-up", VisitCategory.PrimaryCare,
            At(2026, 1, 12, 9, 0), 15, AppointmentStatus.Completed, At(2025, 12, 20, 10, 0), 25m));
        dataset.Appointments.Add(Appointment("apt_000002", sara, roy, "Specialist Consultation",
            VisitCategory.Specialist, At(2026, 1, 20, 10, 0), 60, AppointmentStatus.Scheduled,
            At(2026, 1, 10, 16, 45), 50m));
        dataset.Appointments.Add(Appointment("apt_000003", leo, kim, "Well-Child Visit", VisitCategory.PrimaryCare,
            At(2026, 1, 16, 9, 30), 30, AppointmentStatus.Confirmed, At(2026, 1, 2, 8, 5), 25m));
        var canceled = Appointment("apt_000004", ana, lee, "Sick Visit", VisitCategory.PrimaryCare,
            At(2026, 1, 21, 14, 0), 15, AppointmentStatus.Canceled, At(2026, 1, 9, 11, 0), null);
        canceled.CancellationReason = "Patient request";
        canceled.CanceledAt = At(2026, 1, 14, 9, 0);
        dataset.Appointments.Add(canceled);
        var noShow = Appointment("apt_000005", ana, lee, "Telehealth Visit", VisitCategory.Telehealth,
            At(2026, 1, 8, 11, 0), 15, AppointmentStatus.NoShow, At(2026, 1, 5, 13, 20), 0m);
        noShow.Mode = AppointmentMode.Telehealth;
        dataset.Appointments.Add(noShow);
        dataset.Appointments.Add(Appointment("apt_000006", sara, lee, "Follow-up", VisitCategory.PrimaryCare,
            At(2026, 1, 15, 14, 0), 15, AppointmentStatus.Scheduled, At(2026, 1, 5, 9, 0), 25m));
        dataset.Appointments.Add(Appointment("apt_000007", ana, lee, "Follow-up", VisitCategory.PrimaryCare,
            At(2026, 1, 22, 10, 0), 15, AppointmentStatus.Scheduled, At(2026, 1, 6, 12, 0), 0m));
        return dataset;
    }

    /// <summary>Writes a fresh sample into a new folder under the temporary folder and returns its path.</summary>
    public static string CreateFolder(MockDataset? dataset = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "healthmock-api-" + Guid.NewGuid().ToString("N"));
        new DatasetWriter().Write(dataset ?? Create(), folder);
        return folder;
    }

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, Offset);

    private static readonly DayOfWeek[] WeekDays =
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
    };

    private static Provider Provider(string id, string first, string last, string specialty, bool primaryCare,
        DayOfWeek[] days, int startHour, int endHour, int slot) => new Provider
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
            City = "Boston",
            State = "MA",
            Zip = "02115",
            UtcOffset = "-05:00",
        },
        Phone = "617-555-0110",
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
        Provider pcp)
    {
        var line1 = "12 Elm Street";
        var number = id.Substring(id.LastIndexOf('_') + 1);
        return new Patient
        {
            Id = id,
            FirstName = first,
            LastName = last,
            Sex = sex,
            DateOfBirth = dateOfBirth,
            Age = age,
            Email = first.ToLowerInvariant() + "." + last.ToLowerInvariant() + number + "@example.com",
            Phone = "617-555-01" + number.Substring(2),
            AddressLine1 = line1,
            City = "Boston",
            State = "MA",
            Zip = "02118",
            Address = line1 + ", Boston, MA 02118",
            PreferredContactMethod = ContactMethod.Email,
            PrimaryCareProviderId = pcp.Id,
            PrimaryCareProvider = pcp.DisplayName,
            Allergies = Array.Empty<string>(),
            EmergencyContact = new EmergencyContact("Sam Doe", "Spouse", "617-555-0199"),
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
        VisitCategory category, DateTimeOffset start, int minutes, AppointmentStatus status, DateTimeOffset bookedAt,
        decimal? copay) => new Appointment
    {
        Id = id,
        PatientId = patient.Id,
        ProviderId = provider.Id,
        Type = type,
        VisitCategory = category,
        Start = start,
        DurationMinutes = minutes,
        Mode = AppointmentMode.InPerson,
        Reason = "Routine visit",
        Status = status,
        BookedAt = bookedAt,
        Copay = copay,
    };
}

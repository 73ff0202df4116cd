using System;
using System.IO;
using HealthMock.Tests.Datasets;

namespace HealthMock.Tests.Api;

/// <summary>
/// The hand-built <see cref="ClinicSample"/> with what the front-desk tests need besides, still keeping every
/// consistency rule. The reference date is Thursday 15 January 2026, so the service's current time is
/// 2026-01-15T23:59-05:00 and the first bookable day is Friday the 16th. All clinics are at UTC-05:00.
/// </summary>
/// <remarks>
/// <para>Providers: the sample's Lee (Family Medicine, Mon-Fri 08:00-16:00, 15-minute slots), Kim (Pediatrics, Mon,
/// Wed, Fri 09:00-17:00) and Roy (Cardiology, Tue and Thu 08:00-16:00, 30-minute slots), here not accepting new
/// patients, and Diaz (dr_diaz_obgyn_04, Obstetrics and Gynecology, Mon and Wed 09:00-15:00).</para>
/// <para>Patients: the sample's Sara (40, PPO family policy), her son Leo (7, on her policy) and Ana (70,
/// Medicare), and Tom (50, HDHP with nothing of the deductible met), Max (30, uninsured) and Eve (35, an EPO policy
/// that expired on 30 June 2025). Everyone but Leo has Lee as primary care provider; Leo has Kim.</para>
/// <para>Appointments: the sample's apt_000001 Sara with Lee on the 12th (completed), apt_000002 Sara with Roy on
/// Tuesday the 20th 10:00-11:00 (scheduled), apt_000003 Leo with Kim on Friday the 16th 09:30 (confirmed),
/// apt_000004 Ana with Lee on the 21st 14:00 (canceled) and apt_000005 Ana with Lee on the 8th (no-show), and
/// apt_000006 Sara with Lee on the reference date at 14:00 (scheduled, already past the service's current time for
/// changes) and apt_000007 Ana with Lee on Thursday the 22nd 10:00 (scheduled).</para>
/// </remarks>
internal static class FrontDeskSample
{
    public static readonly DateTime ReferenceDate = ClinicSample.ReferenceDate;

    public static MockDataset Create()
    {
        var dataset = ClinicSample.Create();
        var lee = dataset.ProviderById("dr_lee_family_medicine_01");
        dataset.ProviderById("dr_roy_cardiology_03").AcceptingNewPatients = false;
        var diaz = ClinicSample.Provider("dr_diaz_obgyn_04", "Lucia", "Diaz", "Obstetrics and Gynecology", false,
            "Boston", "02115", "617-555-0110", new[] { DayOfWeek.Monday, DayOfWeek.Wednesday }, 9, 15, 15);
        dataset.Providers.Add(diaz);

        var tom = ClinicSample.Patient("tom_hill_0042", "Tom", "Hill", Sex.Male, new DateTime(1975, 5, 5), 50,
            "tom.hill0042@example.com", "Boston", "02118", "617-555-0143", lee);
        var max = ClinicSample.Patient("max_ray_0099", "Max", "Ray", Sex.Male, new DateTime(1995, 8, 20), 30,
            "max.ray0099@example.com", "Boston", "02118", "617-555-0199", lee);
        var eve = ClinicSample.Patient("eve_long_0500", "Eve", "Long", Sex.Female, new DateTime(1990, 2, 14), 35,
            "eve.long0500@example.com", "Boston", "02118", "617-555-0100", lee);
        dataset.Patients.AddRange(new[] { tom, max, eve });

        var hdhp = ClinicSample.Policy("POL-000004", tom, tom, "self", PlanType.HDHP, CoverageTier.Individual);
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
        var expired = ClinicSample.Policy("POL-000005", eve, eve, "self", PlanType.EPO, CoverageTier.Individual);
        expired.EffectiveDate = new DateTime(2024, 7, 1);
        expired.EndDate = new DateTime(2025, 6, 30);
        expired.Status = PolicyStatus.Expired;
        ClinicSample.AddPolicies(dataset, hdhp, expired);

        var sara = dataset.PatientById("sara_doe_4821");
        var ana = dataset.PatientById("ana_nunez_0007");
        dataset.Appointments.Add(ClinicSample.Appointment("apt_000006", sara, lee, "Follow-up",
            VisitCategory.PrimaryCare, At(2026, 1, 15, 14, 0), 15, AppointmentMode.InPerson,
            AppointmentStatus.Scheduled, At(2026, 1, 5, 9, 0), 25m));
        dataset.Appointments.Add(ClinicSample.Appointment("apt_000007", ana, lee, "Follow-up",
            VisitCategory.PrimaryCare, At(2026, 1, 22, 10, 0), 15, AppointmentMode.InPerson,
            AppointmentStatus.Scheduled, At(2026, 1, 6, 12, 0), 0m));
        return dataset;
    }

    /// <summary>Writes a fresh sample into a new folder under the temporary folder and returns its path.</summary>
    public static string CreateFolder(MockDataset? dataset = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "healthmock-api-" + Guid.NewGuid().ToString("N"));
        new DatasetWriter().Write(dataset ?? Create(), folder);
        return folder;
    }

    /// <inheritdoc cref="ClinicSample.At"/>
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute) =>
        ClinicSample.At(year, month, day, hour, minute);
}

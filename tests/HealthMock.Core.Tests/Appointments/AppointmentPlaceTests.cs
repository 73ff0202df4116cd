using System;
using System.Globalization;
using System.Linq;
using HealthMock.Generation;
using HealthMock.Seeds;
using Xunit;

namespace HealthMock.Tests.Appointments;

/// <summary>
/// Where patients are seen, and how appointments are numbered. When a provider in the patient's state can see the
/// patient, in-person visits stay in that state and providers elsewhere see the patient only by telehealth.
/// </summary>
public class AppointmentPlaceTests
{
    private static Provider[] Providers(int seed, int start, int count, string state, string[]? specialties = null,
        double? primaryCareShare = null) =>
        new ProviderGenerator(SeedCatalog.Default, new ProviderOptions
        {
            Seed = seed,
            States = new[] { state },
            Specialties = specialties ?? Array.Empty<string>(),
            PrimaryCareShare = primaryCareShare,
        }).Generate(start, count).ToArray();

    private static Patient[] Patients(int seed, int count, string state, Provider[] primaryCare) =>
        new PatientGenerator(SeedCatalog.Default, new PatientOptions
        {
            Seed = seed,
            ReferenceDate = AppointmentSample.ReferenceDate,
            States = new[] { state },
            Providers = primaryCare,
        }).Generate(0, count).ToArray();

    private static Appointment[] Book(int seed, Provider[] providers, Patient[] patients, int count,
        long startIndex = 0) =>
        Generator(seed, providers, count, startIndex).Book(patients);

    private static AppointmentGenerator Generator(int seed, Provider[] providers, int count, long startIndex = 0) =>
        new AppointmentGenerator(SeedCatalog.Default, new AppointmentOptions
        {
            Seed = seed,
            ReferenceDate = AppointmentSample.ReferenceDate,
            MinPerPatient = count,
            MaxPerPatient = count,
            StartIndex = startIndex,
        }, providers);

    [Fact]
    public void Patients_with_providers_in_their_state_are_seen_in_person_only_there()
    {
        var local = Providers(51, 0, 4, "OR", new[] { "Family Medicine" });
        var elsewhere = Providers(51, 4, 12, "WA", primaryCareShare: 0);
        var patients = Patients(51, 60, "OR", local);

        var appointments = Book(51, local.Concat(elsewhere).ToArray(), patients, 4);
        var away = appointments.Where(a => elsewhere.Any(p => p.Id == a.ProviderId)).ToArray();

        Assert.Equal(240, appointments.Length);
        Assert.All(appointments.Where(a => a.Mode == AppointmentMode.InPerson),
            a => Assert.Contains(local, p => p.Id == a.ProviderId));
        Assert.NotEmpty(away);
        Assert.All(away, a => Assert.Equal(AppointmentMode.Telehealth, a.Mode));
    }

    [Fact]
    public void A_patient_no_provider_in_its_state_can_see_is_booked_with_the_providers_elsewhere()
    {
        var elsewhere = Providers(52, 0, 8, "WA");
        var primaryCare = Providers(52, 8, 1, "WA", new[] { "Family Medicine" });
        var patients = Patients(52, 30, "OR", primaryCare);

        var appointments = Book(52, elsewhere.Concat(primaryCare).ToArray(), patients, 3);

        Assert.Equal(90, appointments.Length);
        Assert.Contains(appointments, a => a.Mode == AppointmentMode.InPerson);
    }

    [Fact]
    public void A_patient_whose_local_providers_are_full_is_seen_elsewhere_by_telehealth()
    {
        var local = Providers(53, 0, 1, "OR", new[] { "Family Medicine" });
        local[0].Schedule = new WeeklySchedule
        {
            Days = new[] { DayOfWeek.Monday },
            Start = TimeSpan.FromHours(8),
            End = TimeSpan.FromHours(9),
            SlotMinutes = 30,
        };
        var elsewhere = Providers(53, 1, 1, "WA", new[] { "Family Medicine" });
        var patient = Patients(53, 1, "OR", local);

        var appointments = Book(53, local.Concat(elsewhere).ToArray(), patient, 200);

        Assert.Equal(200, appointments.Length);
        Assert.Contains(appointments, a => a.ProviderId == elsewhere[0].Id);
        Assert.All(appointments.Where(a => a.ProviderId == elsewhere[0].Id),
            a => Assert.Equal(AppointmentMode.Telehealth, a.Mode));
    }

    [Fact]
    public void Ids_start_after_the_start_index_and_the_next_index_follows_the_last()
    {
        var providers = Providers(54, 0, 6, "OR", new[] { "Family Medicine", "Cardiology" });
        var patients = Patients(54, 10, "OR", providers.Where(p => p.IsPrimaryCare).ToArray());
        var generator = Generator(54, providers, 2, 500);

        var appointments = generator.Book(patients);

        Assert.Equal(
            Enumerable.Range(501, 20).Select(n => "apt_" + n.ToString("D6", CultureInfo.InvariantCulture)),
            appointments.Select(a => a.Id));
        Assert.Equal(20, generator.Count);
        Assert.Equal(520, generator.NextIndex);
    }

    [Fact]
    public void Two_runs_given_consecutive_ranges_make_distinct_ids()
    {
        var providers = Providers(55, 0, 6, "OR", new[] { "Family Medicine" });
        var patients = Patients(55, 20, "OR", providers);
        var first = Generator(55, providers, 3);
        var firstIds = first.Book(patients.Take(10).ToArray()).Select(a => a.Id).ToArray();

        var secondIds = Book(55, providers, patients.Skip(10).ToArray(), 3, first.NextIndex).Select(a => a.Id);

        Assert.Empty(firstIds.Intersect(secondIds));
        Assert.Equal("apt_000031", secondIds.First());
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(AppointmentOptions.MostStartIndex + 1)]
    public void A_start_index_out_of_range_is_refused_by_name(long startIndex)
    {
        var providers = Providers(56, 0, 1, "OR");

        var error = Assert.Throws<InvalidOptionException>(() => Generator(56, providers, 1, startIndex));

        Assert.Equal(nameof(AppointmentOptions.StartIndex), error.Option);
        Assert.Contains(startIndex.ToString(CultureInfo.InvariantCulture), error.Message);
    }
}

/// <summary>Books each patient of a list in order, as New-MockAppointment does for its pipeline input.</summary>
internal static class AppointmentGeneratorBooking
{
    public static Appointment[] Book(this AppointmentGenerator generator, Patient[] patients) =>
        patients.SelectMany((p, i) => generator.Generate(i, p)).ToArray();
}

using System;
using System.Linq;
using HealthMock.Generation;
using HealthMock.Seeds;
using HealthMock.Tests.Generation;
using Xunit;

namespace HealthMock.Tests.Appointments;

/// <summary>Determinism, the errors for patients that cannot be booked, and the checks on the providers.</summary>
public class AppointmentBookingTests
{
    private static Patient[] Patients(int seed, int count, Provider[] providers, int minAge = 0, int maxAge = 90) =>
        new PatientGenerator(SeedCatalog.Default, new PatientOptions
        {
            Seed = seed,
            ReferenceDate = AppointmentSample.ReferenceDate,
            MinAge = minAge,
            MaxAge = maxAge,
            Providers = providers,
        }).Generate(0, count).ToArray();

    private static Provider Provider(int seed, string specialty, int index = 0) =>
        new ProviderGenerator(SeedCatalog.Default,
            new ProviderOptions { Seed = seed, Specialties = new[] { specialty } }).Generate(index);

    [Fact]
    public void The_same_seed_and_inputs_give_identical_appointments()
    {
        var first = AppointmentSample.Make(31, 10, 60, 1, 4);
        var second = AppointmentSample.Make(31, 10, 60, 1, 4);

        Assert.Equal(PatientText.Canonical(first.Appointments), PatientText.Canonical(second.Appointments));
    }

    [Fact]
    public void The_appointments_of_the_first_patients_do_not_depend_on_later_patients()
    {
        var providers = AppointmentSample.Providers(32, 10).Append(Provider(32, "Family Medicine", 10)).ToArray();
        var patients = Patients(32, 80, providers);
        var whole = AppointmentSample.Generator(32, providers, null, 2, 3);
        var part = AppointmentSample.Generator(32, providers, null, 2, 3);

        var all = patients.SelectMany((p, i) => whole.Generate(i, p)).ToArray();
        var first = patients.Take(30).SelectMany((p, i) => part.Generate(i, p)).ToArray();

        Assert.Equal(PatientText.Canonical(all.Take(first.Length)), PatientText.Canonical(first));
    }

    [Fact]
    public void A_different_seed_gives_different_appointments()
    {
        var first = AppointmentSample.Make(33, 10, 20, 2, 2);
        var second = AppointmentSample.Make(34, 10, 20, 2, 2);

        Assert.NotEqual(first.Appointments.Select(a => a.Start), second.Appointments.Select(a => a.Start));
    }

    [Fact]
    public void An_adult_with_only_a_pediatrician_is_a_NoSuitableProvider_error_naming_the_patient_and_age()
    {
        var pediatrician = Provider(35, "Pediatrics");
        var adult = Patients(35, 1, new[] { Provider(35, "Family Medicine") }, minAge: 30, maxAge: 50)[0];
        var generator = AppointmentSample.Generator(35, new[] { pediatrician });

        var error = Assert.Throws<RecordException>(() => generator.Generate(0, adult));

        Assert.Equal("NoSuitableProvider", error.ErrorId);
        Assert.Same(adult, error.Target);
        Assert.Contains(adult.Id, error.Message);
        Assert.Contains(Ages.At(adult.DateOfBirth, AppointmentSample.ReferenceDate).ToString(), error.Message);
    }

    [Fact]
    public void A_patient_given_no_appointments_needs_no_suitable_provider()
    {
        var adult = Patients(36, 1, new[] { Provider(36, "Family Medicine") }, minAge: 30, maxAge: 50)[0];
        var generator = AppointmentSample.Generator(36, new[] { Provider(36, "Pediatrics") }, null, 0, 0);

        Assert.Empty(generator.Generate(0, adult));
    }

    [Fact]
    public void A_full_schedule_is_a_NoFreeSlot_error_that_books_nothing_for_that_patient()
    {
        var provider = Provider(37, "Family Medicine");
        provider.Schedule = new WeeklySchedule
        {
            Days = new[] { DayOfWeek.Monday },
            Start = TimeSpan.FromHours(8),
            End = TimeSpan.FromHours(9),
            SlotMinutes = 30,
        };
        var patients = Patients(37, 2, new[] { provider }, minAge: 20, maxAge: 60);
        var generator = AppointmentSample.Generator(37, new[] { provider }, null, 400, 400);

        var error = Assert.Throws<RecordException>(() => generator.Generate(0, patients[0]));
        var retry = AppointmentSample.Generator(37, new[] { provider }, null, 3, 3);

        Assert.Equal("NoFreeSlot", error.ErrorId);
        Assert.Equal(0, generator.Count);
        Assert.Equal(3, retry.Generate(1, patients[1]).Count);
    }

    [Fact]
    public void A_provider_whose_specialty_is_not_in_the_seeds_is_refused_by_id()
    {
        var provider = Provider(38, "Cardiology");
        provider.Specialty = "Astrology";

        var error = Assert.Throws<InvalidOptionException>(() => AppointmentSample.Generator(38, new[] { provider }));

        Assert.Equal(provider.Id, error.Value);
        Assert.Contains("Astrology", error.Message);
    }

    [Fact]
    public void A_provider_with_an_unusable_schedule_or_offset_is_refused_by_id()
    {
        var noDays = Provider(39, "Cardiology");
        noDays.Schedule.Days = Array.Empty<DayOfWeek>();
        var badOffset = Provider(39, "Cardiology", 1);
        badOffset.Clinic.UtcOffset = "EST";

        Assert.Equal(noDays.Id, Assert.Throws<InvalidOptionException>(
            () => AppointmentSample.Generator(39, new[] { noDays })).Value);
        Assert.Contains("EST", Assert.Throws<InvalidOptionException>(
            () => AppointmentSample.Generator(39, new[] { badOffset })).Message);
    }

    [Fact]
    public void No_provider_is_refused()
    {
        var error = Assert.Throws<InvalidOptionException>(
            () => AppointmentSample.Generator(40, Array.Empty<Provider>()));

        Assert.Equal("Providers", error.Option);
    }

    [Fact]
    public void A_count_range_upside_down_is_refused()
    {
        var error = Assert.Throws<InvalidOptionException>(() =>
            AppointmentSample.Generator(41, new[] { Provider(41, "Cardiology") }, null, 3, 1));

        Assert.Equal(nameof(AppointmentOptions.MaxPerPatient), error.Option);
    }

    [Fact]
    public void A_newborn_is_never_seen_before_birth()
    {
        var family = Provider(42, "Family Medicine");
        var babies = Patients(42, 40, new[] { family }, maxAge: 0);
        var generator = AppointmentSample.Generator(42, new[] { family, Provider(42, "Pediatrics", 1) }, null, 3, 3);

        var appointments = babies.SelectMany((p, i) => generator.Generate(i, p).Select(a => (p, a))).ToArray();

        Assert.All(appointments,
            x => Assert.True(x.a.Start.Date > x.p.DateOfBirth && x.a.BookedAt.Date >= x.p.DateOfBirth));
    }
}

using System;
using System.Linq;
using HealthMock.Api;
using Xunit;

namespace HealthMock.Tests.Api;

/// <summary>Finding and reading records, and listing appointments, providers and free slots.</summary>
public class FrontDeskQueryTests
{
    private const string Lee = "dr_lee_family_medicine_01";
    private const string Roy = "dr_roy_cardiology_03";

    private static FrontDeskService Service() => new FrontDeskService(FrontDeskSample.Create());

    [Fact]
    public void A_patient_is_found_by_email_ignoring_case()
    {
        var patient = Service().FindPatientByEmail("  SARA.doe4821@Example.com ");

        Assert.Equal("sara_doe_4821", patient.Id);
    }

    [Fact]
    public void An_unknown_email_is_not_found()
    {
        var error = Assert.Throws<FrontDeskException>(() => Service().FindPatientByEmail("nobody@example.com"));

        Assert.Equal(FrontDeskErrorCode.NotFound, error.Code);
        Assert.Contains("nobody@example.com", error.Message);
    }

    [Fact]
    public void A_patient_is_found_by_name_and_date_of_birth_ignoring_case_and_accents()
    {
        var service = Service();

        Assert.Equal("ana_nunez_0007", service.FindPatientByNameAndDateOfBirth("ana", "NÚÑEZ",
            new DateTime(1955, 3, 1)).Id);
        Assert.Equal("ana_nunez_0007", service.FindPatientByNameAndDateOfBirth("Ana", "Nunez",
            new DateTime(1955, 3, 1)).Id);
        Assert.Equal(FrontDeskErrorCode.NotFound, Assert.Throws<FrontDeskException>(() =>
            service.FindPatientByNameAndDateOfBirth("Ana", "Nunez", new DateTime(1955, 3, 2))).Code);
    }

    [Fact]
    public void Two_patients_with_one_email_are_an_ambiguous_match()
    {
        var dataset = FrontDeskSample.Create();
        dataset.Patients[5].Email = dataset.Patients[0].Email;

        var error = Assert.Throws<FrontDeskException>(() =>
            new FrontDeskService(dataset).FindPatientByEmail(dataset.Patients[0].Email));

        Assert.Equal(FrontDeskErrorCode.AmbiguousMatch, error.Code);
    }

    [Fact]
    public void Records_are_read_by_id_and_unknown_ids_are_not_found()
    {
        var service = Service();

        Assert.Equal("Leo", service.GetPatient("leo_doe_1234").FirstName);
        Assert.Equal("Cardiology", service.GetProvider(Roy).Specialty);
        Assert.Equal(60, service.GetAppointment("apt_000002").DurationMinutes);
        Assert.Equal("POL-000003", service.GetPatientInsurance("ana_nunez_0007").PolicyNumber);
        Assert.Equal(PlanType.HDHP, service.GetInsurancePolicy("POL-000004").PlanType);
        Assert.Equal(FrontDeskErrorCode.NotFound,
            Assert.Throws<FrontDeskException>(() => service.GetPatientInsurance("max_ray_0099")).Code);
        Assert.Equal(FrontDeskErrorCode.NotFound,
            Assert.Throws<FrontDeskException>(() => service.GetAppointment("apt_x")).Code);
        Assert.Equal(FrontDeskErrorCode.InvalidArgument,
            Assert.Throws<FrontDeskException>(() => service.GetPatient(" ")).Code);
    }

    [Fact]
    public void A_patient_s_appointments_are_listed_by_start_and_filtered_by_status()
    {
        var service = Service();

        var all = service.ListPatientAppointments("sara_doe_4821");
        var scheduled = service.ListPatientAppointments("sara_doe_4821", new[] { AppointmentStatus.Scheduled });

        Assert.Equal(new[] { "apt_000001", "apt_000006", "apt_000002" }, all.Select(a => a.Id));
        Assert.Equal(new[] { "apt_000006", "apt_000002" }, scheduled.Select(a => a.Id));
        Assert.Equal(FrontDeskErrorCode.NotFound, Assert.Throws<FrontDeskException>(() =>
            service.ListPatientAppointments("nobody")).Code);
    }

    [Fact]
    public void Providers_are_listed_by_specialty_name_or_slug_and_by_whether_they_accept_new_patients()
    {
        var service = Service();

        Assert.Equal(4, service.ListProviders().Count);
        Assert.Equal(Lee, Assert.Single(service.ListProviders("family_medicine")).Id);
        Assert.Equal(Roy, Assert.Single(service.ListProviders("cardiology")).Id);
        Assert.Equal(Roy, Assert.Single(service.ListProviders(acceptingNewPatients: false)).Id);
        Assert.Empty(service.ListProviders("Dermatology"));
        Assert.Equal(FrontDeskErrorCode.InvalidArgument,
            Assert.Throws<FrontDeskException>(() => service.ListProviders("Astrology")).Code);
    }

    [Fact]
    public void Free_slots_are_the_schedule_after_the_current_time_minus_active_appointments()
    {
        var service = Service();

        var slots = service.ListAvailableSlots(Lee, new DateTime(2026, 1, 15), new DateTime(2026, 1, 22));

        Assert.DoesNotContain(slots, s => s.Start.Date <= new DateTime(2026, 1, 15));
        Assert.DoesNotContain(slots, s => s.Start.DayOfWeek == DayOfWeek.Saturday);
        Assert.DoesNotContain(slots, s => s.Start == FrontDeskSample.At(2026, 1, 22, 10, 0));
        Assert.Contains(slots, s => s.Start == FrontDeskSample.At(2026, 1, 21, 14, 0));
        Assert.Equal(FrontDeskSample.At(2026, 1, 16, 8, 0), slots[0].Start);
        Assert.Equal(32 * 5 - 1, slots.Count);
        Assert.All(slots, s => Assert.Equal(15, s.DurationMinutes));
    }

    [Fact]
    public void Slots_for_a_type_and_a_patient_fit_the_whole_appointment_and_the_patient_s_own_bookings()
    {
        var service = Service();
        var day = new DateTime(2026, 1, 20);

        var slots = service.ListAvailableSlots(Lee, day, day, "Routine Check-up", "sara_doe_4821");

        Assert.All(slots, s => Assert.Equal(30, s.DurationMinutes));
        Assert.Equal(FrontDeskSample.At(2026, 1, 20, 15, 30), slots.Last().Start);
        Assert.DoesNotContain(slots, s => s.Start > FrontDeskSample.At(2026, 1, 20, 9, 30)
            && s.Start < FrontDeskSample.At(2026, 1, 20, 11, 0));
        Assert.All(slots, s => Service().ScheduleAppointment(new AppointmentRequest
        {
            PatientId = "sara_doe_4821",
            ProviderId = Lee,
            Start = s.Start,
            AppointmentType = "Routine Check-up",
        }));
    }

    [Fact]
    public void Slots_are_refused_for_a_patient_the_type_does_not_suit()
    {
        var service = Service();

        var error = Assert.Throws<FrontDeskException>(() =>
            service.ListAvailableSlots(Roy, null, null, "Follow-up", "tom_hill_0042"));

        Assert.Equal(FrontDeskErrorCode.NotAcceptingNewPatients, error.Code);
    }

    [Fact]
    public void A_slot_range_that_is_reversed_or_too_long_is_refused()
    {
        var service = Service();

        Assert.Equal(FrontDeskErrorCode.InvalidArgument, Assert.Throws<FrontDeskException>(() =>
            service.ListAvailableSlots(Lee, new DateTime(2026, 2, 1), new DateTime(2026, 1, 1))).Code);
        Assert.Equal(FrontDeskErrorCode.InvalidArgument, Assert.Throws<FrontDeskException>(() =>
            service.ListAvailableSlots(Lee, new DateTime(2026, 2, 1), new DateTime(2026, 5, 1))).Code);
    }

    [Fact]
    public void Without_dates_the_slots_cover_the_current_date_and_six_days_after()
    {
        var slots = Service().ListAvailableSlots(Lee);

        Assert.Equal(new DateTime(2026, 1, 16), slots.First().Start.Date);
        Assert.Equal(new DateTime(2026, 1, 21), slots.Last().Start.Date);
    }
}

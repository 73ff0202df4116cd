using System;
using System.Linq;
using HealthMock.Api;
using Xunit;

namespace HealthMock.Tests.Api;

/// <summary>Each booking rule of the front desk, accepted and refused, on the hand-built sample.</summary>
public class ScheduleAppointmentTests
{
    private const string Lee = "dr_lee_family_medicine_01";
    private const string Kim = "dr_kim_pediatrics_02";
    private const string Roy = "dr_roy_cardiology_03";
    private const string Diaz = "dr_diaz_obgyn_04";

    private static (FrontDeskService Service, MockDataset Dataset) Sample()
    {
        var dataset = FrontDeskSample.Create();
        return (new FrontDeskService(dataset), dataset);
    }

    private static AppointmentRequest Request(string patient, string provider, DateTimeOffset start,
        string type = "Follow-up") => new AppointmentRequest
    {
        PatientId = patient,
        ProviderId = provider,
        Start = start,
        AppointmentType = type,
    };

    private static FrontDeskErrorCode Refusal(FrontDeskService service, AppointmentRequest request) =>
        Assert.Throws<FrontDeskException>(() => service.ScheduleAppointment(request)).Code;

    [Fact]
    public void A_free_slot_is_booked_as_scheduled_with_the_policy_copay_and_the_next_id()
    {
        var (service, dataset) = Sample();

        var booked = service.ScheduleAppointment(Request("sara_doe_4821", Lee, FrontDeskSample.At(2026, 1, 19, 9, 0)));

        Assert.Equal("apt_000008", booked.Id);
        Assert.Equal(AppointmentStatus.Scheduled, booked.Status);
        Assert.Equal(VisitCategory.PrimaryCare, booked.VisitCategory);
        Assert.Equal(15, booked.DurationMinutes);
        Assert.Equal(AppointmentMode.InPerson, booked.Mode);
        Assert.Equal(25m, booked.Copay);
        Assert.Equal(FrontDeskSample.At(2026, 1, 15, 23, 59), booked.BookedAt);
        Assert.Equal("Hypertension follow-up", booked.Reason);
        Assert.Same(booked, dataset.Appointments.Last());
        Assert.Empty(new DatasetValidator().Validate(dataset));
    }

    [Fact]
    public void A_time_without_an_offset_is_the_clinic_local_time_and_an_offset_is_converted()
    {
        var (service, _) = Sample();

        var local = service.ScheduleAppointment(Request("sara_doe_4821", Lee, default)
            .With(new ClinicTime(new DateTime(2026, 1, 19, 9, 0, 0))));
        var converted = service.ScheduleAppointment(Request("max_ray_0099", Lee, default)
            .With(ClinicTime.Parse("2026-01-19T14:30:00Z")));

        Assert.Equal(FrontDeskSample.At(2026, 1, 19, 9, 0), local.Start);
        Assert.Equal(TimeSpan.FromHours(-5), converted.Start.Offset);
        Assert.Equal(FrontDeskSample.At(2026, 1, 19, 9, 30), converted.Start);
    }

    [Fact]
    public void The_mode_and_reason_may_be_chosen()
    {
        var (service, _) = Sample();
        var request = Request("sara_doe_4821", Lee, FrontDeskSample.At(2026, 1, 19, 9, 0));
        request.Mode = AppointmentMode.Telehealth;
        request.Reason = "  Blood pressure readings  ";

        var booked = service.ScheduleAppointment(request);

        Assert.Equal(AppointmentMode.Telehealth, booked.Mode);
        Assert.Equal("Blood pressure readings", booked.Reason);
    }

    [Fact]
    public void The_type_name_is_matched_ignoring_case_and_stored_as_the_seeds_spell_it()
    {
        var (service, _) = Sample();

        var booked = service.ScheduleAppointment(Request("sara_doe_4821", Lee, FrontDeskSample.At(2026, 1, 19, 9, 0),
            "routine CHECK-UP"));

        Assert.Equal("Routine Check-up", booked.Type);
        Assert.Equal(30, booked.DurationMinutes);
    }

    [Theory]
    [InlineData(2026, 1, 17, 9, 0)]
    [InlineData(2026, 1, 19, 9, 5)]
    [InlineData(2026, 1, 19, 7, 45)]
    [InlineData(2026, 1, 19, 15, 50)]
    public void A_start_off_the_schedule_is_refused_as_slot_unavailable(int year, int month, int day, int hour,
        int minute)
    {
        var (service, _) = Sample();

        var code = Refusal(service, Request("sara_doe_4821", Lee, FrontDeskSample.At(year, month, day, hour, minute)));

        Assert.Equal(FrontDeskErrorCode.SlotUnavailable, code);
    }

    [Fact]
    public void An_appointment_that_would_run_past_closing_is_refused_as_slot_unavailable()
    {
        var (service, _) = Sample();

        var code = Refusal(service, Request("sara_doe_4821", Lee, FrontDeskSample.At(2026, 1, 19, 15, 45),
            "Routine Check-up"));

        Assert.Equal(FrontDeskErrorCode.SlotUnavailable, code);
    }

    [Fact]
    public void An_overlap_with_an_active_appointment_of_the_provider_is_refused_as_provider_double_booked()
    {
        var (service, _) = Sample();

        var code = Refusal(service, Request("sara_doe_4821", Lee, FrontDeskSample.At(2026, 1, 22, 10, 0)));
        var partial = Refusal(service, Request("max_ray_0099", Lee, FrontDeskSample.At(2026, 1, 22, 9, 45),
            "Routine Check-up"));

        Assert.Equal(FrontDeskErrorCode.ProviderDoubleBooked, code);
        Assert.Equal(FrontDeskErrorCode.ProviderDoubleBooked, partial);
    }

    [Fact]
    public void A_canceled_appointment_frees_its_slot()
    {
        var (service, _) = Sample();

        var booked = service.ScheduleAppointment(Request("tom_hill_0042", Lee, FrontDeskSample.At(2026, 1, 21, 14, 0)));

        Assert.Equal(AppointmentStatus.Scheduled, booked.Status);
    }

    [Fact]
    public void An_overlap_with_another_appointment_of_the_patient_is_refused_as_patient_double_booked()
    {
        var (service, _) = Sample();

        var code = Refusal(service, Request("sara_doe_4821", Lee, FrontDeskSample.At(2026, 1, 20, 10, 30)));

        Assert.Equal(FrontDeskErrorCode.PatientDoubleBooked, code);
    }

    [Fact]
    public void A_type_the_specialty_does_not_offer_is_refused_as_type_not_offered()
    {
        var (service, _) = Sample();

        var error = Assert.Throws<FrontDeskException>(() => service.ScheduleAppointment(Request("sara_doe_4821", Lee,
            FrontDeskSample.At(2026, 1, 19, 9, 0), "Echocardiogram")));

        Assert.Equal(FrontDeskErrorCode.TypeNotOffered, error.Code);
        Assert.Contains("Well-Child Visit", error.Message);
        Assert.Equal("type_not_offered", error.CodeText);
    }

    [Fact]
    public void A_mode_the_type_does_not_take_place_in_is_refused_as_mode_not_offered()
    {
        var (service, _) = Sample();
        var request = Request("sara_doe_4821", Lee, FrontDeskSample.At(2026, 1, 19, 9, 0), "Routine Check-up");
        request.Mode = AppointmentMode.Telehealth;

        Assert.Equal(FrontDeskErrorCode.ModeNotOffered, Refusal(service, request));
    }

    [Fact]
    public void An_adult_with_a_pediatrician_is_refused_as_age_not_served()
    {
        var (service, _) = Sample();

        var code = Refusal(service, Request("sara_doe_4821", Kim, FrontDeskSample.At(2026, 1, 19, 9, 0)));

        Assert.Equal(FrontDeskErrorCode.AgeNotServed, code);
    }

    [Fact]
    public void A_child_with_a_type_for_adults_is_refused_as_age_not_served_and_accepted_with_a_type_for_children()
    {
        var (service, _) = Sample();

        var code = Refusal(service, Request("leo_doe_1234", Lee, FrontDeskSample.At(2026, 1, 19, 9, 0),
            "Routine Check-up"));
        var booked = service.ScheduleAppointment(Request("leo_doe_1234", Lee, FrontDeskSample.At(2026, 1, 19, 9, 0),
            "Well-Child Visit"));

        Assert.Equal(FrontDeskErrorCode.AgeNotServed, code);
        Assert.Equal(25m, booked.Copay);
    }

    [Fact]
    public void A_specialty_of_one_sex_refuses_the_other_as_sex_not_served()
    {
        var (service, _) = Sample();

        var code = Refusal(service, Request("tom_hill_0042", Diaz, FrontDeskSample.At(2026, 1, 19, 9, 0)));
        var booked = service.ScheduleAppointment(Request("eve_long_0500", Diaz, FrontDeskSample.At(2026, 1, 19, 9, 0)));

        Assert.Equal(FrontDeskErrorCode.SexNotServed, code);
        Assert.Equal(VisitCategory.Specialist, booked.VisitCategory);
    }

    [Fact]
    public void A_provider_not_accepting_new_patients_books_only_patients_they_already_see()
    {
        var (service, _) = Sample();

        var code = Refusal(service, Request("tom_hill_0042", Roy, FrontDeskSample.At(2026, 1, 22, 9, 0)));
        var booked = service.ScheduleAppointment(Request("sara_doe_4821", Roy, FrontDeskSample.At(2026, 1, 22, 9, 0)));

        Assert.Equal(FrontDeskErrorCode.NotAcceptingNewPatients, code);
        Assert.Equal(50m, booked.Copay);
    }

    [Theory]
    [InlineData(2026, 1, 15, 10, 0)]
    [InlineData(2026, 1, 14, 9, 0)]
    public void A_start_not_after_the_end_of_the_reference_date_is_refused_as_in_the_past(int year, int month,
        int day, int hour, int minute)
    {
        var (service, _) = Sample();

        var code = Refusal(service, Request("sara_doe_4821", Lee, FrontDeskSample.At(year, month, day, hour, minute)));

        Assert.Equal(FrontDeskErrorCode.InThePast, code);
    }

    [Fact]
    public void An_injected_clock_moves_the_current_time()
    {
        var dataset = FrontDeskSample.Create();
        var service = new FrontDeskService(dataset,
            new FrontDeskOptions { Clock = () => FrontDeskSample.At(2026, 1, 15, 12, 0) });

        var booked = service.ScheduleAppointment(Request("max_ray_0099", Lee, FrontDeskSample.At(2026, 1, 15, 13, 0)));

        Assert.Equal(FrontDeskSample.At(2026, 1, 15, 12, 0), booked.BookedAt);
        Assert.Empty(new DatasetValidator().Validate(dataset));
    }

    [Fact]
    public void Patients_without_a_policy_in_force_are_charged_no_copay()
    {
        var (service, dataset) = Sample();
        var monday = FrontDeskSample.At(2026, 1, 19, 9, 0);

        var uninsured = service.ScheduleAppointment(Request("max_ray_0099", Lee, monday));
        var expired = service.ScheduleAppointment(Request("eve_long_0500", Lee, monday.AddMinutes(15)));
        var hdhp = service.ScheduleAppointment(Request("tom_hill_0042", Lee, monday.AddMinutes(30)));

        Assert.Null(uninsured.Copay);
        Assert.Null(expired.Copay);
        Assert.Equal(30m, hdhp.Copay);
        Assert.Empty(new DatasetValidator().Validate(dataset));
    }

    [Fact]
    public void Missing_or_unknown_records_are_refused_as_invalid_argument_or_not_found()
    {
        var (service, _) = Sample();
        var start = FrontDeskSample.At(2026, 1, 19, 9, 0);

        Assert.Equal(FrontDeskErrorCode.NotFound, Refusal(service, Request("nobody_0000", Lee, start)));
        Assert.Equal(FrontDeskErrorCode.NotFound, Refusal(service, Request("sara_doe_4821", "dr_nobody", start)));
        Assert.Equal(FrontDeskErrorCode.InvalidArgument, Refusal(service, Request("sara_doe_4821", Lee, start, " ")));
        var tooLong = Request("sara_doe_4821", Lee, start);
        tooLong.Reason = new string('x', 201);
        Assert.Equal(FrontDeskErrorCode.InvalidArgument, Refusal(service, tooLong));
    }

    [Fact]
    public void A_refused_booking_changes_nothing()
    {
        var (service, dataset) = Sample();
        var count = dataset.Appointments.Count;

        Refusal(service, Request("sara_doe_4821", Lee, FrontDeskSample.At(2026, 1, 22, 10, 0)));
        var booked = service.ScheduleAppointment(Request("sara_doe_4821", Lee, FrontDeskSample.At(2026, 1, 19, 9, 0)));

        Assert.Equal(count + 1, dataset.Appointments.Count);
        Assert.Equal("apt_000008", booked.Id);
    }

    [Fact]
    public void New_ids_skip_ids_already_taken()
    {
        var dataset = FrontDeskSample.Create();
        dataset.Appointments[6].Id = "apt_000900";
        var service = new FrontDeskService(dataset);

        var booked = service.ScheduleAppointment(Request("sara_doe_4821", Lee, FrontDeskSample.At(2026, 1, 19, 9, 0)));

        Assert.Equal("apt_000901", booked.Id);
    }
}

/// <summary>Helpers for building requests in tests.</summary>
internal static class RequestExtensions
{
    public static AppointmentRequest With(this AppointmentRequest request, ClinicTime start)
    {
        request.Start = start;
        return request;
    }
}

using System;
using System.Linq;
using HealthMock.Api;
using Xunit;

namespace HealthMock.Tests.Api;

/// <summary>Rescheduling and canceling: which appointments may change, and that a move is one change.</summary>
public class RescheduleAndCancelTests
{
    private const string Lee = "dr_lee_family_medicine_01";

    private static (FrontDeskService Service, MockDataset Dataset) Sample()
    {
        var dataset = FrontDeskSample.Create();
        return (new FrontDeskService(dataset), dataset);
    }

    [Fact]
    public void Rescheduling_books_the_new_start_and_cancels_the_old_appointment_as_rescheduled()
    {
        var (service, dataset) = Sample();

        var result = service.RescheduleAppointment("apt_000007", FrontDeskSample.At(2026, 1, 23, 11, 0));

        Assert.Equal("apt_000008", result.Appointment.Id);
        Assert.Equal(AppointmentStatus.Scheduled, result.Appointment.Status);
        Assert.Equal(FrontDeskSample.At(2026, 1, 23, 11, 0), result.Appointment.Start);
        Assert.Equal("Follow-up", result.Appointment.Type);
        Assert.Equal("ana_nunez_0007", result.Appointment.PatientId);
        Assert.Equal("Routine visit", result.Appointment.Reason);
        Assert.Equal(AppointmentStatus.Canceled, result.CanceledAppointment.Status);
        Assert.Equal(CancellationReasons.Rescheduled, result.CanceledAppointment.CancellationReason);
        Assert.Equal(FrontDeskSample.At(2026, 1, 15, 23, 59), result.CanceledAppointment.CanceledAt);
        Assert.Same(result.CanceledAppointment, dataset.Appointments.Single(a => a.Id == "apt_000007"));
        Assert.Empty(new DatasetValidator().Validate(dataset));
    }

    [Fact]
    public void An_appointment_may_move_to_a_start_that_overlaps_only_itself()
    {
        var (service, dataset) = Sample();
        var booked = service.ScheduleAppointment(new AppointmentRequest
        {
            PatientId = "sara_doe_4821",
            ProviderId = Lee,
            Start = FrontDeskSample.At(2026, 1, 19, 9, 0),
            AppointmentType = "Routine Check-up",
        });

        var result = service.RescheduleAppointment(booked.Id, FrontDeskSample.At(2026, 1, 19, 9, 15));

        Assert.Equal(FrontDeskSample.At(2026, 1, 19, 9, 15), result.Appointment.Start);
        Assert.Empty(new DatasetValidator().Validate(dataset));
    }

    [Fact]
    public void A_refused_new_booking_leaves_the_old_appointment_untouched()
    {
        var (service, dataset) = Sample();
        var before = dataset.Appointments.Single(a => a.Id == "apt_000007");
        var count = dataset.Appointments.Count;

        var error = Assert.Throws<FrontDeskException>(() =>
            service.RescheduleAppointment("apt_000007", FrontDeskSample.At(2026, 1, 15, 14, 0)));
        var clash = Assert.Throws<FrontDeskException>(() =>
            service.RescheduleAppointment("apt_000002", FrontDeskSample.At(2026, 1, 22, 9, 15)));

        Assert.Equal(FrontDeskErrorCode.InThePast, error.Code);
        Assert.Equal(FrontDeskErrorCode.SlotUnavailable, clash.Code);
        Assert.Same(before, dataset.Appointments.Single(a => a.Id == "apt_000007"));
        Assert.Equal(AppointmentStatus.Scheduled, before.Status);
        Assert.Null(before.CancellationReason);
        Assert.Equal(count, dataset.Appointments.Count);
    }

    [Fact]
    public void Rescheduling_into_a_slot_the_provider_has_booked_is_refused_as_provider_double_booked()
    {
        var (service, dataset) = Sample();
        service.ScheduleAppointment(new AppointmentRequest
        {
            PatientId = "max_ray_0099",
            ProviderId = Lee,
            Start = FrontDeskSample.At(2026, 1, 23, 11, 0),
            AppointmentType = "Follow-up",
        });

        var error = Assert.Throws<FrontDeskException>(() =>
            service.RescheduleAppointment("apt_000007", FrontDeskSample.At(2026, 1, 23, 11, 0)));

        Assert.Equal(FrontDeskErrorCode.ProviderDoubleBooked, error.Code);
        Assert.Equal(AppointmentStatus.Scheduled, dataset.Appointments.Single(a => a.Id == "apt_000007").Status);
    }

    [Theory]
    [InlineData("apt_000001", FrontDeskErrorCode.InvalidStatus)]
    [InlineData("apt_000004", FrontDeskErrorCode.InvalidStatus)]
    [InlineData("apt_000005", FrontDeskErrorCode.InvalidStatus)]
    [InlineData("apt_000006", FrontDeskErrorCode.InThePast)]
    [InlineData("apt_999999", FrontDeskErrorCode.NotFound)]
    public void Only_scheduled_or_confirmed_appointments_that_have_not_started_can_be_rescheduled(string id,
        FrontDeskErrorCode expected)
    {
        var (service, _) = Sample();

        var error = Assert.Throws<FrontDeskException>(() =>
            service.RescheduleAppointment(id, FrontDeskSample.At(2026, 1, 23, 11, 0)));

        Assert.Equal(expected, error.Code);
    }

    [Fact]
    public void Rescheduling_to_the_same_start_is_refused_as_invalid_argument()
    {
        var (service, _) = Sample();

        var error = Assert.Throws<FrontDeskException>(() =>
            service.RescheduleAppointment("apt_000007", FrontDeskSample.At(2026, 1, 22, 10, 0)));

        Assert.Equal(FrontDeskErrorCode.InvalidArgument, error.Code);
    }

    [Fact]
    public void Canceling_records_the_reason_code_and_the_current_time()
    {
        var (service, dataset) = Sample();

        var canceled = service.CancelAppointment("apt_000003", "Feeling better");

        Assert.Equal(AppointmentStatus.Canceled, canceled.Status);
        Assert.Equal("feeling_better", canceled.CancellationReason);
        Assert.Equal(FrontDeskSample.At(2026, 1, 15, 23, 59), canceled.CanceledAt);
        Assert.Empty(new DatasetValidator().Validate(dataset));
    }

    [Theory]
    [InlineData("because")]
    [InlineData("rescheduled")]
    [InlineData("")]
    public void A_reason_off_the_list_is_refused_as_invalid_reason(string reason)
    {
        var (service, dataset) = Sample();

        var error = Assert.Throws<FrontDeskException>(() => service.CancelAppointment("apt_000007", reason));

        Assert.Equal(FrontDeskErrorCode.InvalidReason, error.Code);
        Assert.Contains("patient_request", error.Message);
        Assert.Equal(AppointmentStatus.Scheduled, dataset.Appointments.Single(a => a.Id == "apt_000007").Status);
    }

    [Theory]
    [InlineData("apt_000001", FrontDeskErrorCode.InvalidStatus)]
    [InlineData("apt_000004", FrontDeskErrorCode.InvalidStatus)]
    [InlineData("apt_000006", FrontDeskErrorCode.InThePast)]
    [InlineData("apt_999999", FrontDeskErrorCode.NotFound)]
    public void Only_scheduled_or_confirmed_appointments_that_have_not_started_can_be_canceled(string id,
        FrontDeskErrorCode expected)
    {
        var (service, _) = Sample();

        var error = Assert.Throws<FrontDeskException>(() => service.CancelAppointment(id, "patient_request"));

        Assert.Equal(expected, error.Code);
    }

    [Fact]
    public void Every_listed_reason_is_accepted_as_words_or_as_a_code()
    {
        foreach (var reason in CancellationReasons.All)
        {
            Assert.Equal(reason, CancellationReasons.Normalize(reason.Replace('_', ' ').ToUpperInvariant()));
            Assert.Equal(reason, CancellationReasons.Normalize(reason.Replace('_', '-')));
        }
    }

    [Fact]
    public void A_clock_after_the_reference_date_makes_changes_fail_the_dataset_check_and_changes_nothing()
    {
        var dataset = FrontDeskSample.Create();
        var service = new FrontDeskService(dataset,
            new FrontDeskOptions { Clock = () => FrontDeskSample.At(2026, 1, 16, 8, 0) });

        var error = Assert.Throws<FrontDeskException>(() => service.CancelAppointment("apt_000007", "weather"));

        Assert.Equal(FrontDeskErrorCode.RuleViolation, error.Code);
        Assert.Contains("Rule 9", error.Message);
        Assert.Equal(AppointmentStatus.Scheduled, dataset.Appointments.Single(a => a.Id == "apt_000007").Status);
    }
}

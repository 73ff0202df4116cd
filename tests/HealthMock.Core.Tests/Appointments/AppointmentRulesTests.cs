using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HealthMock.Generation;
using HealthMock.Seeds;
using HealthMock.Tests.Generation;
using Xunit;

namespace HealthMock.Tests.Appointments;

/// <summary>Rules 6 to 9 and 11, checked on every appointment of a large sample.</summary>
public class AppointmentRulesTests : IClassFixture<AppointmentSample>
{
    private static readonly DateTime ReferenceDate = AppointmentSample.ReferenceDate;

    private readonly AppointmentSample _sample;

    public AppointmentRulesTests(AppointmentSample sample)
    {
        _sample = sample;
    }

    private static string Time(DateTimeOffset time) => time.ToString("o", CultureInfo.InvariantCulture);

    [Fact]
    public void The_sample_is_large_and_holds_every_status()
    {
        var all = _sample.Appointments.Select(x => x.Appointment).ToArray();

        Assert.True(all.Length > 5000, $"{all.Length} appointments");
        Assert.All(Enum.GetValues(typeof(AppointmentStatus)).Cast<AppointmentStatus>(),
            status => Assert.Contains(all, a => a.Status == status));
    }

    [Fact]
    public void The_type_is_one_the_specialty_offers_to_a_patient_of_that_age_and_sex()
    {
        PatientSample.AssertNone(_sample.Appointments.Where(x =>
        {
            var specialty = SeedCatalog.Default.FindSpecialty(x.Run.ProviderOf(x.Appointment).Specialty)!;
            var patient = x.Run.PatientOf(x.Appointment);
            var age = Ages.At(patient.DateOfBirth, ReferenceDate);
            var type = specialty.AppointmentTypes.SingleOrDefault(t => t.Name == x.Appointment.Type);
            return type is null || !type.Serves(age) || !specialty.Serves(age, patient.Sex)
                || !type.Modes.Contains(x.Appointment.Mode) || type.VisitCategory != x.Appointment.VisitCategory
                || type.DurationMinutes != x.Appointment.DurationMinutes
                || !type.Reasons.Contains(x.Appointment.Reason);
        }).Select(x => $"{x.Appointment.Id}: {x.Appointment.Type} ({x.Appointment.Mode}) with "
            + $"{x.Appointment.ProviderId} for {x.Appointment.PatientId}"));
    }

    [Fact]
    public void A_pediatric_provider_sees_only_minors()
    {
        var pediatric = _sample.Appointments
            .Where(x => x.Run.ProviderOf(x.Appointment).Specialty == "Pediatrics").ToArray();

        Assert.NotEmpty(pediatric);
        Assert.All(pediatric,
            x => Assert.True(Ages.At(x.Run.PatientOf(x.Appointment).DateOfBirth, ReferenceDate) < 18));
    }

    [Fact]
    public void The_start_is_a_slot_of_the_provider_schedule_in_the_clinic_offset()
    {
        PatientSample.AssertNone(_sample.Appointments.Where(x =>
        {
            var provider = x.Run.ProviderOf(x.Appointment);
            var schedule = provider.Schedule;
            var start = x.Appointment.Start;
            var fromOpening = start.TimeOfDay - schedule.Start;
            return start.Offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture)
                    != provider.Clinic.UtcOffset.TrimStart('+', '-')
                || (start.Offset < TimeSpan.Zero) != provider.Clinic.UtcOffset.StartsWith("-", StringComparison.Ordinal)
                || !schedule.Days.Contains(start.DayOfWeek)
                || fromOpening < TimeSpan.Zero
                || fromOpening.Ticks % TimeSpan.FromMinutes(schedule.SlotMinutes).Ticks != 0
                || x.Appointment.End.TimeOfDay > schedule.End || x.Appointment.End.Date != start.Date;
        }).Select(x => $"{x.Appointment.Id} at {Time(x.Appointment.Start)} for {x.Appointment.DurationMinutes} min, "
            + $"{x.Run.ProviderOf(x.Appointment).Schedule} {x.Run.ProviderOf(x.Appointment).Clinic.UtcOffset}"));
    }

    [Fact]
    public void No_provider_and_no_patient_has_two_active_appointments_that_overlap()
    {
        var violations = new List<string>();
        foreach (var run in _sample.Runs)
        {
            var active = run.Appointments.Where(a => a.Status != AppointmentStatus.Canceled).ToArray();
            foreach (var owner in new Func<Appointment, string>[] { a => a.ProviderId, a => a.PatientId })
            {
                foreach (var group in active.GroupBy(owner))
                {
                    var sorted = group.OrderBy(a => a.Start.UtcTicks).ToArray();
                    for (var k = 1; k < sorted.Length; k++)
                    {
                        if (sorted[k].Start < sorted[k - 1].End)
                        {
                            violations.Add($"{sorted[k].Id} overlaps {sorted[k - 1].Id} for {group.Key}");
                        }
                    }
                }
            }
        }

        PatientSample.AssertNone(violations);
    }

    [Fact]
    public void Appointments_fall_from_twelve_months_before_to_three_months_after_the_reference_date()
    {
        Assert.All(_sample.Appointments, x => Assert.InRange(x.Appointment.Start.Date,
            ReferenceDate.AddMonths(-12), ReferenceDate.AddMonths(3)));
        var all = _sample.Appointments.Select(x => x.Appointment).ToArray();
        Assert.InRange(all.Count(a => a.Start.Date >= ReferenceDate) / (double)all.Length, 0.1, 0.35);
    }

    [Fact]
    public void The_status_follows_the_reference_date()
    {
        var past = new[] { AppointmentStatus.Completed, AppointmentStatus.Canceled, AppointmentStatus.NoShow };
        var future = new[] { AppointmentStatus.Scheduled, AppointmentStatus.Confirmed, AppointmentStatus.Canceled };

        PatientSample.AssertNone(_sample.Appointments
            .Where(x => !(x.Appointment.Start.Date < ReferenceDate ? past : future).Contains(x.Appointment.Status))
            .Select(x => $"{x.Appointment.Id}: {x.Appointment.Status} on {Time(x.Appointment.Start)}"));
    }

    [Fact]
    public void Past_appointments_are_mostly_completed()
    {
        var past = _sample.Appointments.Select(x => x.Appointment).Where(a => a.Start.Date < ReferenceDate).ToArray();

        Assert.InRange(past.Count(a => a.Status == AppointmentStatus.Completed) / (double)past.Length, 0.7, 0.9);
    }

    [Fact]
    public void Cancellation_fields_are_present_exactly_on_canceled_appointments_and_fall_in_the_booking()
    {
        PatientSample.AssertNone(_sample.Appointments.Select(x => x.Appointment).Where(a =>
            a.Status == AppointmentStatus.Canceled
                ? string.IsNullOrWhiteSpace(a.CancellationReason) || a.CanceledAt is null
                    || a.CanceledAt < a.BookedAt || a.CanceledAt > a.Start || a.CanceledAt.Value.Date > ReferenceDate
                : a.CancellationReason is not null || a.CanceledAt is not null)
            .Select(a => $"{a.Id}: {a.Status}, reason {a.CancellationReason}, canceled {a.CanceledAt:o}, booked "
                + $"{Time(a.BookedAt)}, start {Time(a.Start)}"));
    }

    [Fact]
    public void Booking_precedes_the_start_and_the_reference_date_and_follows_the_birth()
    {
        PatientSample.AssertNone(_sample.Appointments.Where(x =>
                x.Appointment.BookedAt >= x.Appointment.Start || x.Appointment.BookedAt.Date > ReferenceDate
                || x.Appointment.BookedAt.Date < x.Run.PatientOf(x.Appointment).DateOfBirth
                || x.Appointment.BookedAt.Offset != x.Appointment.Start.Offset
                || x.Appointment.Start.Date <= x.Run.PatientOf(x.Appointment).DateOfBirth)
            .Select(x => $"{x.Appointment.Id}: booked {Time(x.Appointment.BookedAt)}, start "
                + $"{Time(x.Appointment.Start)}, born {x.Run.PatientOf(x.Appointment).DateOfBirth:yyyy-MM-dd}"));
    }

    [Fact]
    public void Booking_follows_the_account_creation_when_the_window_allows()
    {
        var early = _sample.Appointments.Count(x =>
            x.Appointment.BookedAt.Date < x.Run.PatientOf(x.Appointment).AccountCreationDate);

        Assert.True(early < _sample.Appointments.Count() / 50, $"{early} booked before the account was made");
    }

    [Fact]
    public void The_copay_is_the_policy_copay_for_the_visit_category_when_the_policy_is_in_force()
    {
        PatientSample.AssertNone(_sample.Appointments.Where(x =>
        {
            var policy = x.Run.PolicyOf(x.Run.PatientOf(x.Appointment));
            var expected = policy is not null && policy.IsActiveOn(x.Appointment.Start.Date)
                ? policy.Copays.For(x.Appointment.VisitCategory)
                : (decimal?)null;
            return x.Appointment.Copay != expected;
        }).Select(x => $"{x.Appointment.Id}: copay {x.Appointment.Copay} ({x.Appointment.VisitCategory})"));
        Assert.Contains(_sample.Appointments, x => x.Appointment.Copay is not null);
        Assert.Contains(_sample.Appointments, x => x.Appointment.Copay is null);
    }

    [Fact]
    public void Telehealth_is_held_only_for_types_that_allow_it_and_both_modes_occur()
    {
        var all = _sample.Appointments.Select(x => x.Appointment).ToArray();

        Assert.Contains(all, a => a.Mode == AppointmentMode.Telehealth && a.VisitCategory != VisitCategory.Telehealth);
        Assert.Contains(all, a => a.VisitCategory == VisitCategory.Telehealth);
        Assert.All(all.Where(a => a.VisitCategory == VisitCategory.Telehealth),
            a => Assert.Equal(AppointmentMode.Telehealth, a.Mode));
    }

    [Fact]
    public void Ids_are_unique_and_numbered_from_apt_000001()
    {
        Assert.All(_sample.Runs, run =>
        {
            Assert.Equal(run.Appointments.Length, run.Appointments.Select(a => a.Id).Distinct().Count());
            Assert.Equal(
                Enumerable.Range(1, run.Appointments.Length)
                    .Select(n => "apt_" + n.ToString("D6", CultureInfo.InvariantCulture)),
                run.Appointments.Select(a => a.Id));
        });
    }

    [Fact]
    public void Primary_care_visits_mostly_go_to_the_patient_own_primary_care_provider()
    {
        var primary = _sample.Appointments.Where(x => x.Run.ProviderOf(x.Appointment).IsPrimaryCare).ToArray();
        var own = primary.Count(x => x.Run.PatientOf(x.Appointment).PrimaryCareProviderId == x.Appointment.ProviderId);

        Assert.InRange(own / (double)primary.Length, 0.6, 1.0);
        Assert.InRange(primary.Length / (double)_sample.Appointments.Count(), 0.3, 0.7);
    }

    [Fact]
    public void The_count_per_patient_stays_in_the_range()
    {
        Assert.All(_sample.Runs, run =>
        {
            var counts = run.Patients.Select(p => run.Appointments.Count(a => a.PatientId == p.Id)).ToArray();
            Assert.All(counts, c => Assert.InRange(c, 0, 5));
            Assert.Contains(0, counts);
            Assert.Contains(5, counts);
        });
    }
}

using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HealthMock.Api;
using HealthMock.Generation;
using HealthMock.Seeds;
using Xunit;

namespace HealthMock.Tests.Api;

/// <summary>
/// The front desk over a dataset folder: changes are saved whole, refused changes touch nothing, several services
/// on one folder see each other's changes, and of many simultaneous bookings of one slot exactly one succeeds.
/// </summary>
public sealed class FrontDeskPersistenceTests : IDisposable
{
    private const string Lee = "dr_lee_family_medicine_01";

    private readonly string _folder = FrontDeskSample.CreateFolder();

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static AppointmentRequest FollowUp(string patient, string provider, DateTimeOffset start) =>
        new AppointmentRequest
        {
            PatientId = patient,
            ProviderId = provider,
            Start = start,
            AppointmentType = "Follow-up",
        };

    private static MockDataset ReadBack(string folder, out DatasetReader reader)
    {
        reader = new DatasetReader();
        return reader.Read(folder);
    }

    private byte[] Appointments() => File.ReadAllBytes(Path.Combine(_folder, DatasetFiles.Appointments));

    [Fact]
    public void Each_change_is_saved_with_a_manifest_that_matches_and_the_folder_stays_valid()
    {
        var service = FrontDeskService.Open(_folder);

        var booked = service.ScheduleAppointment(FollowUp("max_ray_0099", Lee, FrontDeskSample.At(2026, 1, 19, 9, 0)));
        var moved = service.RescheduleAppointment(booked.Id, FrontDeskSample.At(2026, 1, 19, 11, 0));
        service.CancelAppointment("apt_000003", "weather");
        var saved = ReadBack(_folder, out var reader);

        Assert.Empty(reader.ManifestMismatches);
        Assert.Equal(9, saved.Appointments.Count);
        Assert.Equal(9, reader.Manifest!.Counts[DatasetFiles.Appointments]);
        Assert.Equal("rescheduled", saved.Appointments.Single(a => a.Id == booked.Id).CancellationReason);
        Assert.Equal(AppointmentStatus.Scheduled, saved.Appointments.Single(a => a.Id == moved.Appointment.Id).Status);
        Assert.Equal("weather", saved.Appointments.Single(a => a.Id == "apt_000003").CancellationReason);
        Assert.Empty(new DatasetValidator().Validate(saved));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp*"));
        Assert.Empty(Directory.GetDirectories(_folder));
    }

    [Fact]
    public void The_saved_appointments_are_byte_for_byte_what_export_writes()
    {
        var service = FrontDeskService.Open(_folder);
        service.ScheduleAppointment(FollowUp("max_ray_0099", Lee, FrontDeskSample.At(2026, 1, 19, 9, 0)));
        var exported = Path.Combine(Path.GetTempPath(), "healthmock-api-export-" + Guid.NewGuid().ToString("N"));

        try
        {
            new DatasetWriter().Write(ReadBack(_folder, out _), exported);

            Assert.Equal(File.ReadAllBytes(Path.Combine(exported, DatasetFiles.Appointments)), Appointments());
            Assert.Equal(File.ReadAllText(Path.Combine(exported, DatasetFiles.Manifest)),
                File.ReadAllText(Path.Combine(_folder, DatasetFiles.Manifest)));
        }
        finally
        {
            Directory.Delete(exported, recursive: true);
        }
    }

    [Fact]
    public void A_refused_change_leaves_the_folder_and_the_service_as_they_were()
    {
        var service = FrontDeskService.Open(_folder);
        var before = Appointments();

        Assert.Throws<FrontDeskException>(() =>
            service.ScheduleAppointment(FollowUp("sara_doe_4821", Lee, FrontDeskSample.At(2026, 1, 22, 10, 0))));
        Assert.Throws<FrontDeskException>(() =>
            service.RescheduleAppointment("apt_000007", FrontDeskSample.At(2026, 1, 17, 10, 0)));
        Assert.Throws<FrontDeskException>(() => service.CancelAppointment("apt_000001", "weather"));

        Assert.Equal(before, Appointments());
        Assert.Equal(7, service.Summarize().Appointments);
        Assert.Equal(AppointmentStatus.Scheduled, service.GetAppointment("apt_000007").Status);
    }

    [Fact]
    public void A_change_that_cannot_lock_the_folder_fails_as_storage_failed_and_changes_nothing()
    {
        var service = FrontDeskService.Open(_folder);
        Directory.CreateDirectory(Path.Combine(_folder, DatasetFolderStore.LockFileName));
        var before = Appointments();

        var error = Assert.Throws<FrontDeskException>(() =>
            service.ScheduleAppointment(FollowUp("max_ray_0099", Lee, FrontDeskSample.At(2026, 1, 19, 9, 0))));

        Assert.Equal(FrontDeskErrorCode.StorageFailed, error.Code);
        Assert.Equal(before, Appointments());
        Assert.Equal(7, service.Summarize().Appointments);
    }

    [Fact]
    public void Services_on_one_folder_see_each_other_s_changes_and_lose_none()
    {
        var first = FrontDeskService.Open(_folder);
        var second = FrontDeskService.Open(_folder);
        var slot = FrontDeskSample.At(2026, 1, 19, 9, 0);

        var booked = first.ScheduleAppointment(FollowUp("max_ray_0099", Lee, slot));
        var clash = Assert.Throws<FrontDeskException>(() =>
            second.ScheduleAppointment(FollowUp("tom_hill_0042", Lee, slot)));
        var other = second.ScheduleAppointment(FollowUp("tom_hill_0042", Lee, slot.AddMinutes(15)));

        Assert.Equal(FrontDeskErrorCode.ProviderDoubleBooked, clash.Code);
        Assert.NotEqual(booked.Id, other.Id);
        Assert.Equal(other.Id, first.GetAppointment(other.Id).Id);
        var saved = ReadBack(_folder, out _);
        Assert.Contains(saved.Appointments, a => a.Id == booked.Id);
        Assert.Contains(saved.Appointments, a => a.Id == other.Id);
    }

    [Fact]
    public async Task Of_many_simultaneous_bookings_of_one_slot_through_one_service_exactly_one_succeeds()
    {
        var (folder, provider, patients, slot) = GeneratedFolder();
        try
        {
            var service = FrontDeskService.Open(folder);
            using var start = new ManualResetEventSlim();
            var tasks = patients.Select(patient => Task.Run(() =>
            {
                start.Wait();
                try
                {
                    service.ScheduleAppointment(FollowUp(patient, provider, slot));
                    return "booked";
                }
                catch (FrontDeskException e)
                {
                    return e.CodeText;
                }
            })).ToArray();
            start.Set();
            var outcomes = await Task.WhenAll(tasks);

            Assert.Equal(1, outcomes.Count(o => o == "booked"));
            Assert.All(outcomes.Where(o => o != "booked"), o => Assert.Equal("provider_double_booked", o));
            var saved = ReadBack(folder, out var reader);
            Assert.Single(saved.Appointments, a => a.ProviderId == provider && a.Start == slot);
            Assert.Empty(reader.ManifestMismatches);
            Assert.Empty(new DatasetValidator().Validate(saved));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Of_many_simultaneous_bookings_of_one_slot_through_separate_services_exactly_one_succeeds()
    {
        var (folder, provider, patients, slot) = GeneratedFolder();
        try
        {
            var services = patients.Select(_ => FrontDeskService.Open(folder)).ToArray();
            using var start = new ManualResetEventSlim();
            var tasks = patients.Select((patient, i) => Task.Run(() =>
            {
                start.Wait();
                try
                {
                    services[i].ScheduleAppointment(FollowUp(patient, provider, slot));
                    return true;
                }
                catch (FrontDeskException e) when (e.Code == FrontDeskErrorCode.ProviderDoubleBooked)
                {
                    return false;
                }
            })).ToArray();
            start.Set();
            var outcomes = await Task.WhenAll(tasks);

            Assert.Equal(1, outcomes.Count(o => o));
            var saved = ReadBack(folder, out var reader);
            Assert.Single(saved.Appointments, a => a.ProviderId == provider && a.Start == slot);
            Assert.Empty(reader.ManifestMismatches);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Simultaneous_bookings_of_different_slots_are_all_kept()
    {
        var (folder, provider, patients, _) = GeneratedFolder();
        try
        {
            var service = FrontDeskService.Open(folder);
            var free = service.ListAvailableSlots(provider, null, null, "Follow-up");
            var bookings = patients.Zip(free.Where((s, i) => i % 4 == 0), (p, s) => (Patient: p, s.Start)).ToList();

            var outcomes = await Task.WhenAll(bookings.Select(b => Task.Run(() =>
            {
                try
                {
                    return FrontDeskService.Open(folder).ScheduleAppointment(FollowUp(b.Patient, provider, b.Start)).Id;
                }
                catch (FrontDeskException e) when (e.Code == FrontDeskErrorCode.PatientDoubleBooked)
                {
                    return null;
                }
            })));

            var saved = ReadBack(folder, out var reader);
            var ids = outcomes.Where(id => id is not null).ToList();
            Assert.NotEmpty(ids);
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.All(ids, id => Assert.Contains(saved.Appointments, a => a.Id == id));
            Assert.Empty(reader.ManifestMismatches);
            Assert.Empty(new DatasetValidator().Validate(saved));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// A generated dataset folder, a primary care provider that takes new patients, twenty adult patients free at
    /// the provider's first free Follow-up slot, and that slot.
    /// </summary>
    private static (string Folder, string Provider, string[] Patients, DateTimeOffset Slot) GeneratedFolder()
    {
        var dataset = new DatasetGenerator(SeedCatalog.Default, new DatasetOptions
        {
            Seed = 11,
            ReferenceDate = new DateTime(2026, 1, 15),
            PatientCount = 120,
            ProviderCount = 8,
            AppointmentsPerPatient = 2,
        }).Generate();
        var service = new FrontDeskService(dataset);
        var provider = dataset.Providers.First(p => p.AcceptingNewPatients
            && (p.Specialty == "Primary Care" || p.Specialty == "Family Medicine"));
        var slot = service.ListAvailableSlots(provider.Id, null, null, "Follow-up")[0].Start;
        var patients = dataset.Patients.Where(p => p.Age >= 18 && !dataset.Appointments.Any(a => a.PatientId == p.Id
                && a.Status != AppointmentStatus.Canceled && a.Start < slot.AddMinutes(30) && a.End > slot))
            .Take(20).Select(p => p.Id).ToArray();
        Assert.Equal(20, patients.Length);
        return (FrontDeskSample.CreateFolder(dataset), provider.Id, patients, slot);
    }
}

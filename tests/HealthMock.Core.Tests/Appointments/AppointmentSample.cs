using System;
using System.Collections.Generic;
using System.Linq;
using HealthMock.Generation;
using HealthMock.Seeds;
using HealthMock.Tests.Generation;

namespace HealthMock.Tests.Appointments;

/// <summary>One booking run: the providers, patients and policies given, and the appointments made.</summary>
public sealed class AppointmentRun
{
    public AppointmentRun(int seed, Provider[] providers, Patient[] patients, InsurancePolicy[] policies,
        Appointment[] appointments)
    {
        Seed = seed;
        Providers = providers;
        Patients = patients;
        Policies = policies;
        Appointments = appointments;
    }

    public int Seed { get; }

    public Provider[] Providers { get; }

    public Patient[] Patients { get; }

    public InsurancePolicy[] Policies { get; }

    public Appointment[] Appointments { get; }

    public Provider ProviderOf(Appointment appointment) => Providers.Single(p => p.Id == appointment.ProviderId);

    public Patient PatientOf(Appointment appointment) => Patients.Single(p => p.Id == appointment.PatientId);

    public InsurancePolicy? PolicyOf(Patient patient) =>
        Policies.SingleOrDefault(p => p.PolicyNumber == patient.InsurancePolicyNumber);
}

/// <summary>Booking runs over many seeds, made once per test class: the sample the rules are checked on.</summary>
public class AppointmentSample
{
    public const int SeedCount = 60;

    public static readonly DateTime ReferenceDate = new DateTime(2026, 12, 3);

    public AppointmentSample()
    {
        Runs = PatientSample.Seeds(SeedCount).Select(seed => Make(seed, 12, 40, 0, 5)).ToArray();
    }

    public IReadOnlyList<AppointmentRun> Runs { get; }

    public IEnumerable<(AppointmentRun Run, Appointment Appointment)> Appointments =>
        Runs.SelectMany(run => run.Appointments.Select(a => (run, a)));

    public static Provider[] Providers(int seed, int count) =>
        new ProviderGenerator(SeedCatalog.Default, new ProviderOptions { Seed = seed }).Generate(0, count).ToArray();

    /// <summary>
    /// Providers, patients assigned to the primary care providers among them, individual policies for most patients
    /// (recorded on the patients), and appointments booked with the policies.
    /// </summary>
    public static AppointmentRun Make(int seed, int providerCount, int patientCount, int minCount, int maxCount)
    {
        var providers = Providers(seed, providerCount);
        if (!providers.Any(p => p.Specialty == "Family Medicine"))
        {
            providers[providers.Length - 1] = new ProviderGenerator(SeedCatalog.Default,
                new ProviderOptions { Seed = seed, Specialties = new[] { "Family Medicine" } }).Generate(providerCount);
        }

        var patients = new PatientGenerator(SeedCatalog.Default, new PatientOptions
        {
            Seed = seed,
            ReferenceDate = ReferenceDate,
            Providers = providers,
        }).Generate(0, patientCount).ToArray();
        var policyGenerator = new PolicyGenerator(SeedCatalog.Default,
            new PolicyOptions { Seed = seed, ReferenceDate = ReferenceDate });
        var policies = new List<InsurancePolicy>();
        for (var i = 0; i < patients.Length; i++)
        {
            if (i % 7 != 3)
            {
                var policy = policyGenerator.Generate(i, patients[i]);
                PolicyGenerator.AssignTo(patients[i], policy);
                policies.Add(policy);
            }
        }

        var generator = Generator(seed, providers, policies, minCount, maxCount);
        var appointments = patients.SelectMany((p, i) => generator.Generate(i, p)).ToArray();
        return new AppointmentRun(seed, providers, patients, policies.ToArray(), appointments);
    }

    public static AppointmentGenerator Generator(int seed, IEnumerable<Provider> providers,
        IEnumerable<InsurancePolicy>? policies = null, int minCount = 1, int maxCount = 1) =>
        new AppointmentGenerator(SeedCatalog.Default, new AppointmentOptions
        {
            Seed = seed,
            ReferenceDate = ReferenceDate,
            MinPerPatient = minCount,
            MaxPerPatient = maxCount,
        }, providers, policies);
}

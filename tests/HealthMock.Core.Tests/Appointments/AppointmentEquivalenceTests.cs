using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using HealthMock.Generation;
using HealthMock.Randomness;
using HealthMock.Seeds;
using HealthMock.Tests.Generation;
using Xunit;

namespace HealthMock.Tests.Appointments;

/// <summary>
/// The generator against <see cref="ReferenceAppointmentGenerator"/>, the algorithm it replaced, kept verbatim: given
/// the same seed, options, providers, policies and patients in the same order, both make the same appointments field
/// for field, fail on the same patients with the same errors, and count the same, over many seeds, from one provider
/// to hundreds over several states, and patients of every kind, fully booked ones included.
/// </summary>
public class AppointmentEquivalenceTests
{
    private static readonly DateTime ReferenceDate = AppointmentSample.ReferenceDate;

    private static readonly PropertyInfo[] AppointmentProperties = typeof(Appointment)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .OrderBy(property => property.MetadataToken)
        .ToArray();

    private static readonly int[] ProviderCounts = { 1, 2, 3, 5, 8, 13, 21, 40, 75, 120, 200, 300 };

    [Fact]
    public void Any_number_of_providers_over_several_states_gives_the_old_appointments()
    {
        var seeds = PatientSample.Seeds(48).ToArray();
        for (var k = 0; k < seeds.Length; k++)
        {
            var seed = seeds[k];
            var states = States(seed, 1 + k % 4);
            var providers = Providers(seed, ProviderCounts[k % ProviderCounts.Length], states);
            var patients = Patients(seed, 30, states.Append("NV").Distinct().ToArray(), providers);
            var policies = Insure(seed, patients);

            AssertSameBookings(seed, Options(seed, 0, 4), providers, patients, policies);
        }
    }

    [Fact]
    public void Patients_of_every_kind_are_booked_as_before()
    {
        foreach (var seed in PatientSample.Seeds(24))
        {
            var states = States(seed, 3);
            var providers = Providers(seed, 25, states)
                .Concat(Providers(seed, 3, states, "Obstetrics and Gynecology", 25))
                .Concat(Providers(seed, 2, states, "Geriatrics", 28))
                .ToArray();
            var patients = Patients(seed, 50, states.Append("NV").Distinct().ToArray(), providers);
            var policies = Insure(seed, patients);
            Vary(seed, patients, providers, policies);

            AssertSameBookings(seed, Options(seed, 1, 3), providers, patients, policies);
        }
    }

    [Fact]
    public void Fully_booked_providers_fail_with_NoFreeSlot_and_roll_back_as_before()
    {
        var failures = 0;
        foreach (var seed in PatientSample.Seeds(16))
        {
            var states = States(seed, 2);
            var providers = Providers(seed, 4, states, "Family Medicine")
                .Concat(Providers(seed, 3, states, start: 4))
                .ToArray();
            foreach (var provider in providers)
            {
                provider.Schedule = new WeeklySchedule
                {
                    Days = new[] { DayOfWeek.Tuesday },
                    Start = TimeSpan.FromHours(9),
                    End = TimeSpan.FromHours(11),
                    SlotMinutes = 15,
                };
            }

            var patients = Patients(seed, 60, states, providers);
            var policies = Insure(seed, patients);
            for (var i = 5; i < patients.Length; i += 5)
            {
                patients[i] = patients[i - 4];
            }

            failures += AssertSameBookings(seed, Options(seed, 1, 150), providers, patients, policies);
        }

        Assert.True(failures > 20, $"Expected many patients to find the providers full, got {failures}.");
    }

    [Fact]
    public void Unusual_schedules_offsets_and_provider_lists_are_booked_as_before()
    {
        foreach (var seed in PatientSample.Seeds(16))
        {
            var states = States(seed, 2);
            var providers = Providers(seed, 12, states).ToList();
            var random = new RecordRandom((ulong)(uint)seed);
            providers[0].Schedule = Schedule(TimeSpan.Zero, TimeSpan.FromDays(1), 5, DayOfWeek.Sunday);
            providers[1].Schedule = Schedule(TimeSpan.FromHours(7.5), TimeSpan.FromHours(20), 10,
                DayOfWeek.Monday, DayOfWeek.Saturday, DayOfWeek.Sunday);
            providers[2].Schedule = Schedule(TimeSpan.FromHours(8), TimeSpan.FromHours(8.5), 30, DayOfWeek.Friday);
            providers[3].Clinic.UtcOffset = "+09:30";
            providers[4].Clinic.UtcOffset = "-03:30";
            providers[5].Clinic.State = providers[5].Clinic.State.ToLowerInvariant();
            providers[6].Clinic.State = "";
            providers[7].Schedule = Schedule(TimeSpan.FromHours(8), TimeSpan.FromHours(16), 20,
                DayOfWeek.Tuesday, DayOfWeek.Wednesday);
            providers[8].Schedule = Schedule(new TimeSpan(8, 0, 30), TimeSpan.FromHours(15), 15, DayOfWeek.Monday);
            providers.Insert(random.Next(providers.Count), providers[random.Next(providers.Count)]);
            providers.Insert(random.Next(providers.Count), null!);
            var patients = Patients(seed, 30, states, providers.Where(p => p is not null).ToArray());
            var policies = Insure(seed, patients);

            AssertSameBookings(seed, Options(seed, 1, 6), providers.ToArray(), patients, policies);
        }
    }

    [Fact]
    public void Forgetting_each_patient_and_adding_policies_as_they_come_changes_no_appointment()
    {
        foreach (var seed in PatientSample.Seeds(24))
        {
            var states = States(seed, 2);
            var providers = Providers(seed, 30, states);
            var patients = Patients(seed, 60, states, providers);
            var policies = Insure(seed, patients);

            AssertSameBookings(seed, Options(seed, 1, 5), providers, patients, policies, forgetAndStream: true);
        }
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(999_990L)]
    [InlineData(123_456_789_012L)]
    [InlineData(AppointmentOptions.MostStartIndex - 200)]
    public void Any_start_index_gives_the_old_ids(long startIndex)
    {
        var states = States(5, 2);
        var providers = Providers(5, 10, states);
        var patients = Patients(5, 40, states, providers);
        var options = Options(5, 1, 4);
        options.StartIndex = startIndex;

        AssertSameBookings(5, options, providers, patients, Insure(5, patients));
    }

    [Fact]
    public void A_forgotten_patient_has_no_copay_until_its_policy_is_added_again()
    {
        var states = States(7, 1);
        var providers = Providers(7, 6, states);
        var patient = Patients(7, 1, states, providers)[0];
        var policy = Insure(7, new[] { patient }).Single();
        policy.EffectiveDate = ReferenceDate.AddYears(-3);
        policy.EndDate = ReferenceDate.AddYears(3);
        var generator = AppointmentSample.Generator(7, providers, new[] { policy }, 3, 3);

        var insured = generator.Generate(0, patient);
        generator.Forget(patient);
        var forgotten = generator.Generate(1, patient);
        generator.AddPolicy(policy);
        var again = generator.Generate(2, patient);

        Assert.All(insured, a => Assert.Equal(policy.Copays.For(a.VisitCategory), a.Copay));
        Assert.All(forgotten, a => Assert.Null(a.Copay));
        Assert.All(again, a => Assert.Equal(policy.Copays.For(a.VisitCategory), a.Copay));
    }

    [Fact]
    public void A_forgotten_patient_keeps_the_provider_slots_it_took()
    {
        var provider = Providers(8, 1, States(8, 1), "Family Medicine")[0];
        provider.Schedule = Schedule(TimeSpan.FromHours(9), TimeSpan.FromHours(10), 30, DayOfWeek.Wednesday);
        var patients = Patients(8, 30, States(8, 1), new[] { provider });
        var generator = AppointmentSample.Generator(8, new[] { provider }, null, 4, 4);

        var appointments = new List<Appointment>();
        for (var i = 0; i < patients.Length; i++)
        {
            appointments.AddRange(generator.Generate(i, patients[i]));
            generator.Forget(patients[i]);
        }

        var active = appointments.Where(a => a.Status != AppointmentStatus.Canceled).OrderBy(a => a.Start).ToArray();
        Assert.Equal(120, appointments.Count);
        Assert.All(active.Zip(active.Skip(1), (a, b) => (First: a, Next: b)),
            pair => Assert.True(pair.First.Start.AddMinutes(pair.First.DurationMinutes) <= pair.Next.Start,
                $"{pair.First.Id} and {pair.Next.Id} overlap."));
    }

    [Fact]
    public void A_null_policy_or_patient_is_refused_by_name()
    {
        var generator = AppointmentSample.Generator(9, Providers(9, 2, States(9, 1)));

        Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => generator.AddPolicy(null!)).ParamName);
        Assert.Equal("patient", Assert.Throws<ArgumentNullException>(() => generator.Forget(null!)).ParamName);
    }

    /// <summary>
    /// Books every patient in order with both generators and asserts the same outcome for each: the same
    /// appointments, or the same error; and the same count and next index after it. Returns how many patients
    /// failed. With <paramref name="forgetAndStream"/> the new generator is given each patient's policies just before
    /// booking it and forgets the patient after, while the reference has every policy from the start.
    /// </summary>
    private static int AssertSameBookings(int seed, AppointmentOptions options, Provider[] providers,
        Patient[] patients, IReadOnlyList<InsurancePolicy> policies, bool forgetAndStream = false)
    {
        var reference = new ReferenceAppointmentGenerator(SeedCatalog.Default, options, providers, policies);
        var generator = new AppointmentGenerator(SeedCatalog.Default, options, providers,
            forgetAndStream ? null : policies);
        var failures = 0;
        for (var i = 0; i < patients.Length; i++)
        {
            var patient = patients[i];
            if (forgetAndStream)
            {
                foreach (var policy in policies.Where(p => p.PatientId == patient.Id))
                {
                    generator.AddPolicy(policy);
                }
            }

            var expected = Outcome(() => reference.Generate(i, patient));
            var actual = Outcome(() => generator.Generate(i, patient));
            Assert.True(expected == actual,
                $"Seed {seed}, patient {i} ({patient.Id}):\nexpected {expected}\nactual   {actual}");
            Assert.Equal(reference.Count, generator.Count);
            Assert.Equal(reference.NextIndex, generator.NextIndex);
            failures += expected.StartsWith("error ", StringComparison.Ordinal) ? 1 : 0;
            if (forgetAndStream)
            {
                generator.Forget(patient);
            }
        }

        return failures;
    }

    /// <summary>Every field of every appointment made, one line each, or the error's id, target and message.</summary>
    private static string Outcome(Func<IReadOnlyList<Appointment>> generate)
    {
        try
        {
            return string.Join("\n", generate().Select(Text));
        }
        catch (RecordException error)
        {
            return $"error {error.ErrorId} {error.Target}: {error.Message}";
        }
    }

    private static string Text(Appointment appointment) => string.Join(" | ", AppointmentProperties.Select(p =>
        p.GetValue(appointment) switch
        {
            null => "null",
            DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
            IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
            var value => value.ToString(),
        }));

    private static AppointmentOptions Options(int seed, int minCount, int maxCount) => new AppointmentOptions
    {
        Seed = seed,
        ReferenceDate = ReferenceDate,
        MinPerPatient = minCount,
        MaxPerPatient = maxCount,
        PrimaryCareShare = (uint)seed % 3 == 0 ? 0.5 : (uint)seed % 3 == 1 ? 0.9 : 0.1,
    };

    /// <summary><paramref name="count"/> states of the seeds, a different run of them for each seed.</summary>
    private static string[] States(int seed, int count)
    {
        var all = SeedCatalog.Default.States;
        var first = (int)((uint)seed % (uint)all.Count);
        return Enumerable.Range(0, count).Select(i => all[(first + i * 7) % all.Count]).Distinct().ToArray();
    }

    private static Provider[] Providers(int seed, int count, string[] states, string? specialty = null,
        int start = 0) =>
        new ProviderGenerator(SeedCatalog.Default, new ProviderOptions
        {
            Seed = seed,
            States = states,
            Specialties = specialty is null ? Array.Empty<string>() : new[] { specialty },
        }).Generate(start, count).ToArray();

    /// <summary>
    /// Patients of all ages and sexes in the states, assigned to primary care providers from the providers given
    /// and two of a pool of their own (family medicine in each state), so some primary care providers are no
    /// candidates of the generators.
    /// </summary>
    private static Patient[] Patients(int seed, int count, string[] states, Provider[] providers)
    {
        var pool = states.SelectMany((state, i) => Providers(seed, 1, new[] { state }, "Family Medicine", 900 + i))
            .Concat(providers)
            .ToArray();
        return new PatientGenerator(SeedCatalog.Default, new PatientOptions
        {
            Seed = seed,
            ReferenceDate = ReferenceDate,
            MinAge = 0,
            MaxAge = 110,
            States = states,
            Sexes = new[] { Sex.Female, Sex.Male, Sex.Other, Sex.Unknown },
            Providers = pool,
        }).Generate(0, count).ToArray();
    }

    /// <summary>
    /// Individual policies for most patients: recorded on the patient, or for one in five known only by the patient's
    /// id; every seventh patient has none.
    /// </summary>
    private static List<InsurancePolicy> Insure(int seed, Patient[] patients)
    {
        var generator = new PolicyGenerator(SeedCatalog.Default,
            new PolicyOptions { Seed = seed, ReferenceDate = ReferenceDate });
        var policies = new List<InsurancePolicy>();
        for (var i = 0; i < patients.Length; i++)
        {
            if (i % 7 == 3)
            {
                continue;
            }

            var policy = generator.Generate(i, patients[i]);
            if (i % 5 != 1)
            {
                PolicyGenerator.AssignTo(patients[i], policy);
            }

            policies.Add(policy);
        }

        return policies;
    }

    /// <summary>
    /// Makes patients the generators must handle apart: no state, a state in other letter case, a specialist or an
    /// unknown id or none as primary care provider, born or registered late in the window or after it, two policies
    /// for one patient id, and a patient booked twice.
    /// </summary>
    private static void Vary(int seed, Patient[] patients, Provider[] providers, List<InsurancePolicy> policies)
    {
        var random = new RecordRandom((ulong)(uint)seed);
        var specialist = providers.FirstOrDefault(p => !p.IsPrimaryCare);
        for (var i = 0; i < patients.Length; i++)
        {
            var patient = patients[i];
            switch (random.Next(16))
            {
                case 0:
                    patient.State = "";
                    break;
                case 1:
                    patient.State = patient.State.ToLowerInvariant();
                    break;
                case 2:
                    patient.PrimaryCareProviderId = specialist?.Id;
                    break;
                case 3:
                    patient.PrimaryCareProviderId = random.Chance(0.5) ? null : "dr_nobody_00";
                    break;
                case 4:
                    patient.DateOfBirth = ReferenceDate.AddDays(-random.Next(200));
                    break;
                case 5:
                    patient.DateOfBirth = ReferenceDate.AddMonths(4);
                    break;
                case 6:
                    patient.AccountCreationDate = ReferenceDate.AddDays(random.Next(120) - 30);
                    break;
                case 7:
                    patient.AccountCreationDate = ReferenceDate.AddYears(2);
                    break;
                case 8:
                    var second = new PolicyGenerator(SeedCatalog.Default,
                        new PolicyOptions { Seed = seed + 1, ReferenceDate = ReferenceDate });
                    policies.Add(second.Generate(500 + i, patient));
                    break;
                case 9 when i > 0:
                    patients[i] = patients[i - 1];
                    break;
            }
        }
    }

    private static WeeklySchedule Schedule(TimeSpan start, TimeSpan end, int slotMinutes, params DayOfWeek[] days) =>
        new WeeklySchedule { Days = days, Start = start, End = end, SlotMinutes = slotMinutes };
}

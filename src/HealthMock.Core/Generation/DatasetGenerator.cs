using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using HealthMock.Randomness;
using HealthMock.Seeds;

namespace HealthMock.Generation;

/// <summary>
/// Builds a whole linked dataset from one seed: providers, patients whose primary care provider is one of those
/// providers, insurance policies (most patients insured, a few not, some under family policies) and appointments
/// with those providers whose copays come from the policies. The same options always give the same dataset.
/// </summary>
/// <remarks>
/// <para>A dataset is one clinic network, local as a real one is: the providers' clinics are in the states of
/// <see cref="DatasetOptions.States"/>, or else in one state drawn from the seed among the states with two seeded
/// cities or more, weighted by their number of cities. Patients live only in the states where the primary care
/// providers of the network together see every patient age, so each patient's primary care provider practises in
/// the patient's own state. Appointments follow <see cref="AppointmentGenerator"/>: every patient can
/// be seen in its own state (by its primary care provider at least), so every in-person appointment is with a
/// provider in the patient's state unless all of them are fully booked; providers of other states of the network
/// see the patient only by telehealth.</para>
/// <para>The providers are records 0 to n - 1 of the provider stream with the network's states, so they equal what
/// New-MockProvider -State makes with the same seed and options, except that when no state has primary care
/// providers for every patient age, the last provider is a family medicine provider in the state with the most
/// providers instead. The patients are records 0 to n - 1 of the patient stream with those providers as the
/// primary care pool and the states where patients live as its states. Policies are numbered in the order they are
/// made, patient by patient.</para>
/// </remarks>
public sealed class DatasetGenerator
{
    /// <summary>The youngest age at which a patient subscribes to a family policy.</summary>
    public const int FamilySubscriberMinAge = 25;

    private readonly SeedCatalog _seeds;
    private readonly DateTime _referenceDate;

    /// <summary>
    /// Creates a generator. Throws an <see cref="InvalidOptionException"/> for bad options (option States for a
    /// state the seeds do not know), and a <see cref="PrimaryCarePoolException"/> (NoPrimaryCareProvider) when
    /// patients are asked for without providers.
    /// </summary>
    public DatasetGenerator(SeedCatalog seeds, DatasetOptions options)
    {
        options.Validate(seeds);
        if (options.PatientCount > 0 && options.ProviderCount == 0)
        {
            throw new PrimaryCarePoolException(PrimaryCarePoolException.NoPrimaryCareProvider, 0,
                $"ProviderCount is 0, but the {options.PatientCount} patient(s) each need a primary care provider: "
                + "expected a ProviderCount of 1 or more, with primary care providers among them.");
        }

        _seeds = seeds;
        Options = options;
        _referenceDate = DateTime.SpecifyKind(options.ReferenceDate.Date, DateTimeKind.Unspecified);
        States = options.States.Count == 0
            ? new[] { DrawState(seeds, options.Seed) }
            : options.States.Select(s => seeds.FindState(s)!).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The options the dataset is made with.</summary>
    internal DatasetOptions Options { get; }

    /// <summary>The reference date, without a time of day.</summary>
    internal DateTime ReferenceDate => _referenceDate;

    /// <summary>
    /// The two-letter codes of the states the clinic network practises in: those of
    /// <see cref="DatasetOptions.States"/> in the order given, each once, or the one state drawn from the seed.
    /// </summary>
    public IReadOnlyList<string> States { get; }

    /// <summary>
    /// The version of HealthMock recorded on datasets: the Core assembly's informational version without build
    /// metadata, else its assembly version.
    /// </summary>
    public static string ModuleVersion { get; } = ReadModuleVersion();

    /// <summary>
    /// Builds the dataset. <paramref name="progress"/>, when given, is called with the current step and the percent
    /// done; <paramref name="cancellationToken"/> stops the work between records with an
    /// <see cref="OperationCanceledException"/>. Throws the errors of the streams: a
    /// <see cref="PrimaryCarePoolException"/> when the providers cannot serve every patient as primary care
    /// providers, an <see cref="InvalidOptionException"/> for stream options that cannot be met, and a
    /// <see cref="RecordException"/> when a patient's appointments cannot all be booked.
    /// </summary>
    public MockDataset Generate(CancellationToken cancellationToken = default, Action<string, int>? progress = null)
    {
        var options = Options;
        var dataset = new MockDataset
        {
            Seed = options.Seed,
            ReferenceDate = _referenceDate,
            ModuleVersion = ModuleVersion,
        };
        var total = options.ProviderCount + (long)options.PatientCount;
        var done = 0L;
        var lastPercent = -1;
        void Step(string activity)
        {
            cancellationToken.ThrowIfCancellationRequested();
            done++;
            var percent = total == 0 ? 100 : (int)(done * 100 / total);
            if (progress is not null && percent != lastPercent)
            {
                lastPercent = percent;
                progress(activity, percent);
            }
        }

        var records = Start();
        foreach (var provider in records.Providers)
        {
            dataset.Providers.Add(provider);
            Step("Generating providers");
        }

        for (var i = 0; i < options.PatientCount; i++)
        {
            var part = records.Next(i);
            dataset.Patients.Add(part.Patient);
            dataset.Policies.AddRange(part.Policies);
            dataset.Appointments.AddRange(part.Appointments);
            Step("Generating patients with their policies and appointments");
        }

        return dataset;
    }

    /// <summary>
    /// Returns the dataset without making its records yet: they are made, all at once, when one of its record lists
    /// is first read, or one patient at a time, never all held, when <see cref="DatasetWriter"/> writes it. Either
    /// way they are the records <see cref="Generate"/> makes. The errors that can be found without making the
    /// patients (no primary care provider for some age, a provider schedule that cannot be booked) are thrown now.
    /// </summary>
    public MockDataset Defer()
    {
        Start();
        return MockDataset.Deferred(this);
    }

    /// <summary>
    /// Starts a pass over the dataset's records: makes the providers and prepares the streams of patients,
    /// policies and appointments, throwing the errors they find in their options.
    /// </summary>
    internal DatasetRecordStream Start()
    {
        var options = Options;
        var providerStream = new ProviderGenerator(_seeds, new ProviderOptions
        {
            Seed = options.Seed,
            PrimaryCareShare = options.PrimaryCareShare,
            States = States,
        });
        var providers = new List<Provider>(options.ProviderCount);
        for (var i = 0; i < options.ProviderCount; i++)
        {
            providers.Add(providerStream.Generate(i));
        }

        if (options.PatientCount == 0)
        {
            return new DatasetRecordStream(this, providers, null, null, null);
        }

        var patientOptions = new PatientOptions
        {
            Seed = options.Seed,
            ReferenceDate = _referenceDate,
            Providers = providers,
        };
        EnsurePrimaryCare(providers, patientOptions.MinAge, patientOptions.MaxAge);
        patientOptions.States = PatientStates(providers, patientOptions.MinAge, patientOptions.MaxAge);
        var patients = new PatientGenerator(_seeds, patientOptions);
        var policies = new PolicyGenerator(_seeds, new PolicyOptions
        {
            Seed = options.Seed,
            ReferenceDate = _referenceDate,
            MedicareAge = options.MedicareAge,
        });
        var appointments = new AppointmentGenerator(_seeds, new AppointmentOptions
        {
            Seed = options.Seed,
            ReferenceDate = _referenceDate,
            MinPerPatient = options.AppointmentsPerPatient,
            MaxPerPatient = options.AppointmentsPerPatient,
        }, providers);
        return new DatasetRecordStream(this, providers, patients, policies, appointments);
    }

    /// <summary>
    /// The states where patients live, in the seeds' order: those where the primary care providers together see
    /// every age from <paramref name="minAge"/> to <paramref name="maxAge"/>, so that every patient's primary care
    /// provider practises in the patient's state. When no state is served that fully (seeds of your own whose
    /// primary care specialties leave an age out), the states with any primary care provider; failing that, the
    /// network's states.
    /// </summary>
    private IReadOnlyList<string> PatientStates(IReadOnlyList<Provider> providers, int minAge, int maxAge)
    {
        var coverage = PrimaryCareAges(providers);
        var served = _seeds.States.Where(state => coverage.TryGetValue(state, out var ages)
            && Enumerable.Range(minAge, maxAge - minAge + 1).All(age => ages[age])).ToArray();
        if (served.Length > 0)
        {
            return served;
        }

        var withPrimaryCare = _seeds.States.Where(coverage.ContainsKey).ToArray();
        return withPrimaryCare.Length > 0 ? withPrimaryCare : States;
    }

    /// <summary>
    /// When no state has primary care providers for every patient age, replaces the last provider by the provider
    /// of the same index from the stream of the primary care specialty that sees the widest ages (family medicine in
    /// the default seeds), placed in the state with the most other providers, so a dataset of a few providers still
    /// gives every patient a primary care provider in the patient's own state. Ids and NPIs stay unique: both are
    /// keyed by the index.
    /// </summary>
    private void EnsurePrimaryCare(List<Provider> providers, int minAge, int maxAge)
    {
        var widest = _seeds.Specialties.Where(s => s.IsPrimaryCare)
            .OrderByDescending(s => Math.Min(s.MaxAge, maxAge) - Math.Max(s.MinAge, minAge))
            .FirstOrDefault();
        var fullyServed = PrimaryCareAges(providers).Values
            .Any(ages => Enumerable.Range(minAge, maxAge - minAge + 1).All(age => ages[age]));
        if (providers.Count == 0 || widest is null || fullyServed)
        {
            return;
        }

        var last = providers.Count - 1;
        var state = providers.Take(last).Select(p => p.Clinic?.State ?? "").Where(s => s.Length > 0)
            .GroupBy(s => s, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault() ?? providers[last].Clinic?.State ?? States[0];
        providers[last] = new ProviderGenerator(_seeds, new ProviderOptions
        {
            Seed = Options.Seed,
            Specialties = new[] { widest.Name },
            States = new[] { state },
        }).Generate(last);
    }

    /// <summary>For each state with a primary care provider, which ages its primary care providers see.</summary>
    private Dictionary<string, bool[]> PrimaryCareAges(IReadOnlyList<Provider> providers)
    {
        var coverage = new Dictionary<string, bool[]>(StringComparer.Ordinal);
        foreach (var provider in providers)
        {
            var state = provider.Clinic?.State;
            if (!provider.IsPrimaryCare || string.IsNullOrEmpty(state)
                || _seeds.FindSpecialty(provider.Specialty ?? "") is not SpecialtySeed specialty
                || !specialty.IsPrimaryCare)
            {
                continue;
            }

            if (!coverage.TryGetValue(state!, out var ages))
            {
                ages = new bool[PatientOptions.OldestAge + 1];
                coverage[state!] = ages;
            }

            var oldest = Math.Min(specialty.MaxAge, PatientOptions.OldestAge);
            for (var age = Math.Max(0, specialty.MinAge); age <= oldest; age++)
            {
                ages[age] = true;
            }
        }

        return coverage;
    }

    /// <summary>
    /// One state drawn from the seed: the state of a city picked from the seeds' cities in states with two cities
    /// or more (all cities when no state has two), so patients live in a few cities and a state's chance grows with
    /// the number of its cities.
    /// </summary>
    private static string DrawState(SeedCatalog seeds, int seed)
    {
        var cities = seeds.Cities.GroupBy(c => c.State, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .SelectMany(g => g).ToArray();
        var random = new RecordRandom(seed, RecordKind.DatasetState, 0);
        return random.Pick(cities.Length > 0 ? cities : seeds.Cities).State;
    }

    private static string ReadModuleVersion()
    {
        var assembly = typeof(DatasetGenerator).GetTypeInfo().Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            var plus = informational!.IndexOf('+');
            return plus < 0 ? informational : informational.Substring(0, plus);
        }

        return assembly.GetName().Version?.ToString() ?? "0.0.0";
    }
}

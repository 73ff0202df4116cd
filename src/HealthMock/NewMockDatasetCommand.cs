using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using HealthMock.Generation;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Generates a whole linked clinic dataset in one call: providers, patients, insurance
/// policies and appointments.</para>
/// <para type="description">
/// New-MockDataset makes -ProviderCount providers, then -PatientCount patients whose primary care providers are
/// drawn from those providers, then insurance policies (most patients insured, a share uninsured, some working-age
/// patients subscribing to a family policy that covers a spouse or children among the other patients), then
/// -AppointmentsPerPatient appointments per patient with those providers, with copays from the policies. Every
/// reference resolves and every consistency rule holds, so Test-MockDataset finds nothing.
/// </para>
/// <para type="description">
/// A dataset is one local clinic network. The providers' clinics are in the states given by -State; without it,
/// in one state drawn from the seed among the states with two or more cities in the seeds (states with more cities
/// are likelier), written to the verbose stream. Patients live only in the states where the network's primary care
/// providers together see every patient age, so every patient's primary care provider practises in the patient's
/// own state. Every in-person appointment is with a provider in the patient's state; providers in the network's
/// other states see the patient only by telehealth (a provider elsewhere is booked in person only when every
/// provider in the patient's state who can see the patient is fully booked).
/// </para>
/// <para type="description">
/// Insurance: each insured patient's policy is its current coverage, a twelve-month plan year that is Active at
/// the reference date for about 95 patients in 100; a few are Pending (starting within the next 60 days) and a few
/// Expired (ended within the last 90 days, not yet renewed).
/// </para>
/// <para type="description">
/// It returns one HealthMock.MockDataset holding the four collections with the seed, reference date and module
/// version that made them. The same seed, reference date and options always give the same dataset. The providers
/// are those New-MockProvider -State makes with the same seed and the network's states, except that when no state
/// has primary care providers for every patient age, the last provider is a family medicine provider instead, in
/// the state with the most providers.
/// </para>
/// <para type="description">
/// Without -Seed a seed is drawn, written to the verbose stream and kept on the dataset, so the run can be repeated.
/// Datasets of 10,000 records or more show progress once they have run a second with two more to go; Ctrl+C stops the
/// run and returns nothing. The vocabularies come from the seeds in effect: -SeedPath, else the folder set with
/// Set-MockSeedPath, else the seeds embedded in the module.
/// </para>
/// <para type="description">
/// Large datasets are made as they are used. Up to 100,000 records (counting patients, providers, appointments and
/// a policy per patient: about 20,000 patients with three appointments each) the records are made before the
/// command returns. A larger dataset is returned at once, its options checked, and its records are made the
/// same, all together, when one of its collections is first read; piped to Export-MockDataset it is written as
/// it is made, one patient at a time, so a dataset of millions of patients never has to fit in memory. Errors
/// that only making the records reveals, such as NoFreeSlot when the providers' schedules are full, then come
/// from the command that reads or writes it.
/// </para>
/// <example title="Build a clinic">
///   <code>$clinic = New-MockDataset -PatientCount 1000 -ProviderCount 40 -AppointmentsPerPatient 3 -Seed 1</code>
///   <para>Builds a clinic of a thousand patients, forty providers and three thousand appointments.</para>
/// </example>
/// <example title="Build a clinic network in two states">
///   <code>$clinic = New-MockDataset -PatientCount 500 -ProviderCount 40 -State OR, WA -Seed 4
/// $clinic.Patients | Group-Object State -NoElement
/// $clinic.Appointments | Group-Object Mode -NoElement</code>
///   <para>Builds a network with clinics in Oregon and Washington, counts the patients of each state and the
///   appointments held in person and by telehealth. A patient sees providers of the other state only by
///   telehealth.</para>
/// </example>
/// <example title="Write a large dataset as it is made">
///   <code>New-MockDataset -PatientCount 30000 -ProviderCount 300 -Seed 8 | Export-MockDataset ./big -Force</code>
///   <para>Writes 30,000 patients with their policies and 90,000 appointments as they are made, into the four
///   files at once while a second thread makes the next patients. Memory stays flat, so the same command works
///   for millions of patients.</para>
/// </example>
/// <example title="Count appointments by status">
///   <code>(New-MockDataset -PatientCount 50 -ProviderCount 8 -Seed 2).Appointments | Group-Object Status</code>
///   <para>Counts the appointments of a small dataset by status.</para>
/// </example>
/// <example title="Write, check and reload a dataset folder">
///   <code>New-MockDataset -PatientCount 200 -ProviderCount 12 -Seed 3 -ReferenceDate 2026-01-15 |
///     Export-MockDataset -Path ./clinic -PassThru
/// Test-MockDataset -Path ./clinic -Quiet
/// $again = Import-MockDataset ./clinic</code>
///   <para>Writes the dataset in the benchmark layout with its manifest, checks every consistency rule on the
///   files ($true) and reads the folder back into a dataset object.</para>
/// </example>
/// </summary>
/// <seealso cref="ExportMockDatasetCommand"/>
/// <seealso cref="TestMockDatasetCommand"/>
/// <seealso cref="ImportMockDatasetCommand"/>
/// <seealso cref="ConvertToMockFlatObjectCommand"/>
/// <seealso cref="NewMockPatientCommand"/>
/// <para type="link">about_HealthMock</para>
[Cmdlet(VerbsCommon.New, "MockDataset")]
[OutputType(typeof(MockDataset))]
public sealed class NewMockDatasetCommand : PSCmdlet, IDisposable
{
    private const int ProgressId = 5;

    /// <summary>
    /// The most records (patients, policies, appointments and providers, counting a policy per patient) a dataset
    /// may have to be made at once; a larger one is made when first read, or as Export-MockDataset writes it.
    /// </summary>
    internal const long MadeAtOnceUpTo = 100_000;

    private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

    /// <summary>
    /// <para type="description">The number of patients; 100 by default.</para>
    /// </summary>
    [Parameter(Position = 0)]
    [ValidateRange(0, DatasetOptions.MostRecords)]
    public int PatientCount { get; set; } = 100;

    /// <summary>
    /// <para type="description">The number of providers; 10 by default. Patients need a primary care provider, so
    /// with patients asked for it must be 1 or more.</para>
    /// </summary>
    [Parameter(Position = 1)]
    [ValidateRange(0, DatasetOptions.MostRecords)]
    public int ProviderCount { get; set; } = 10;

    /// <summary>
    /// <para type="description">The number of appointments booked for each patient; 3 by default.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(0, AppointmentOptions.MostPerPatient)]
    public int AppointmentsPerPatient { get; set; } = 3;

    /// <summary>
    /// <para type="description">The seed; the same seed, reference date and options give the same dataset. Without
    /// it a seed is drawn, written to the verbose stream and kept on the dataset.</para>
    /// </summary>
    /// <value>A drawn seed</value>
    [Parameter]
    public int? Seed { get; set; }

    /// <summary>
    /// <para type="description">The date ages, policy periods and appointment statuses hang on; today by
    /// default.</para>
    /// </summary>
    /// <value>Today</value>
    [Parameter]
    public DateTime? ReferenceDate { get; set; }

    /// <summary>
    /// <para type="description">The share of providers, from 0 to 1, drawn from primary care specialties; the
    /// provider stream's default (0.4) when not given.</para>
    /// </summary>
    /// <value>0.4</value>
    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double? PrimaryCareShare { get; set; }

    /// <summary>
    /// <para type="description">The share of patients, from 0 to 1, left without insurance (outside families);
    /// 0.08 by default.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double UninsuredShare { get; set; } = DatasetOptions.DefaultUninsuredShare;

    /// <summary>
    /// <para type="description">The age from which patients get Medicare; 65 by default.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(0, PatientOptions.OldestAge)]
    public int MedicareAge { get; set; } = PolicyOptions.DefaultMedicareAge;

    /// <summary>
    /// <para type="description">The US states the clinic network practises in, as two-letter codes (OR) or names
    /// (Oregon) of states with cities in the seeds. Providers' clinics are spread over the cities of these states;
    /// patients live in those of them where primary care providers practise for every age. Without it, one state
    /// with two or more seeded cities is drawn from the seed. A state the seeds do not know stops the command with
    /// an UnknownState error. Press Tab to complete the codes.</para>
    /// </summary>
    /// <value>One state drawn from the seed</value>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(StateCompleter))]
    public string[]? State { get; set; }

    /// <summary>
    /// <para type="description">A seeds folder of your own, relative to the current location, whose seeds files
    /// replace the embedded ones of the same name for this command. Without it the folder set with
    /// Set-MockSeedPath is used, else the seeds embedded in the module.</para>
    /// </summary>
    /// <value>The session's seeds (Get-MockSeedPath)</value>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SeedPath { get; set; }

    /// <inheritdoc />
    public void Dispose()
    {
        _cancellation.Dispose();
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var seed = Seed ?? SeedSource.Draw();
        var options = new DatasetOptions
        {
            Seed = seed,
            ReferenceDate = (ReferenceDate ?? DateTime.Today).Date,
            PatientCount = PatientCount,
            ProviderCount = ProviderCount,
            AppointmentsPerPatient = AppointmentsPerPatient,
            PrimaryCareShare = PrimaryCareShare,
            UninsuredShare = UninsuredShare,
            MedicareAge = MedicareAge,
            States = State ?? Array.Empty<string>(),
        };
        WriteVerbose((Seed.HasValue ? $"Seed {seed}" : $"Seed {seed} (drawn: pass -Seed {seed} to repeat this run)")
            + $", reference date {options.ReferenceDate:yyyy-MM-dd}, {PatientCount} patient(s), {ProviderCount} "
            + $"provider(s), {AppointmentsPerPatient} appointment(s) per patient.");
        var seeds = ActiveSeeds.Resolve(this, SeedPath);
        var records = (long)PatientCount * (2 + AppointmentsPerPatient) + ProviderCount;
        var step = "Starting";
        var progress = new ProgressThrottle(this, ProgressId, "New-MockDataset", "records", records, _ => step);
        MockDataset dataset;
        try
        {
            var generator = new DatasetGenerator(seeds, options);
            WriteVerbose($"Clinics in {string.Join(", ", generator.States)}"
                + (State is null ? " (drawn from the seed; choose with -State)." : "."));
            if (records > MadeAtOnceUpTo)
            {
                dataset = generator.Defer();
                WriteVerbose($"{dataset}: over {MadeAtOnceUpTo:N0} records, so they are made when first read. "
                    + "Export-MockDataset writes them as they are made, without holding them in memory.");
                WriteObject(dataset);
                return;
            }

            dataset = generator.Generate(_cancellation.Token, (activity, percent) =>
            {
                step = activity;
                progress.Report(records * Math.Min(100, percent) / 100);
            });
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (InvalidOptionException e)
        {
            var id = e.Option switch
            {
                nameof(DatasetOptions.ReferenceDate) => "InvalidReferenceDate",
                nameof(DatasetOptions.States) => "UnknownState",
                nameof(ProviderOptions.PrimaryCareShare) => "InvalidPrimaryCareShare",
                _ => "InvalidDatasetOption",
            };
            ThrowTerminatingError(new ErrorRecord(e, id, ErrorCategory.InvalidArgument, e.Value));
            return;
        }
        catch (PrimaryCarePoolException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, e.ErrorId, ErrorCategory.InvalidArgument, e.Value));
            return;
        }
        catch (RecordException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, e.ErrorId, ErrorCategory.LimitsExceeded, e.Target));
            return;
        }

        progress.Complete();
        var homes = dataset.Patients.Select(p => p.State).Distinct(StringComparer.Ordinal)
            .OrderBy(s => s, StringComparer.Ordinal).ToArray();
        WriteVerbose($"Made {dataset}"
            + (homes.Length == 0 ? "." : $"; patients live in {string.Join(", ", homes)}."));
        WriteObject(dataset);
    }

    /// <inheritdoc />
    protected override void StopProcessing()
    {
        _cancellation.Cancel();
    }
}

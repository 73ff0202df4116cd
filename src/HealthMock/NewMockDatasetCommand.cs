using System;
using System.Management.Automation;
using System.Threading;
using HealthMock.Generation;
using HealthMock.Seeds;

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
/// It returns one HealthMock.MockDataset holding the four collections with the seed, reference date and module
/// version that made them. The same seed, reference date and options always give the same dataset. The providers
/// are those New-MockProvider makes with the same seed, except that when their primary care providers would leave
/// some patient age without one, the last provider is a family medicine provider instead.
/// </para>
/// <example>
///   <code>$clinic = New-MockDataset -PatientCount 1000 -ProviderCount 40 -AppointmentsPerPatient 3 -Seed 1</code>
///   <para>Builds a clinic of a thousand patients, forty providers and three thousand appointments.</para>
/// </example>
/// <example>
///   <code>(New-MockDataset -PatientCount 50 -ProviderCount 8 -Seed 2).Appointments | Group-Object Status</code>
///   <para>Counts the appointments of a small dataset by status.</para>
/// </example>
/// </summary>
[Cmdlet(VerbsCommon.New, "MockDataset")]
[OutputType(typeof(MockDataset))]
public sealed class NewMockDatasetCommand : PSCmdlet, IDisposable
{
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
    [Parameter]
    public int? Seed { get; set; }

    /// <summary>
    /// <para type="description">The date ages, policy periods and appointment statuses hang on; today by
    /// default.</para>
    /// </summary>
    [Parameter]
    public DateTime? ReferenceDate { get; set; }

    /// <summary>
    /// <para type="description">The share of providers, from 0 to 1, drawn from primary care specialties; the
    /// provider stream's default (0.4) when not given.</para>
    /// </summary>
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
        };
        WriteVerbose((Seed.HasValue ? $"Seed {seed}" : $"Seed {seed} (drawn: pass -Seed {seed} to repeat this run)")
            + $", reference date {options.ReferenceDate:yyyy-MM-dd}, {PatientCount} patient(s), {ProviderCount} "
            + $"provider(s), {AppointmentsPerPatient} appointment(s) per patient.");
        var progress = new ProgressRecord(1, "New-MockDataset", "Starting");
        MockDataset dataset;
        try
        {
            var generator = new DatasetGenerator(SeedCatalog.Default, options);
            dataset = generator.Generate(_cancellation.Token, (activity, percent) =>
            {
                progress.StatusDescription = activity;
                progress.PercentComplete = Math.Min(100, percent);
                WriteProgress(progress);
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

        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);
        WriteVerbose($"Made {dataset}.");
        WriteObject(dataset);
    }

    /// <inheritdoc />
    protected override void StopProcessing()
    {
        _cancellation.Cancel();
    }
}

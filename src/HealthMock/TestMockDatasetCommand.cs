using System;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using HealthMock.Seeds;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Checks a dataset against every consistency rule and reports each violation.</para>
/// <para type="description">
/// Test-MockDataset checks a dataset object from the pipeline, or a dataset folder given by -Path, against the
/// eleven consistency rules of the design: references resolve, primary care providers suit the patient's age,
/// emails and identities are unique, addresses agree, conditions fit the age, appointment types fit the specialty,
/// appointments keep the provider's schedule without overlaps, statuses follow the reference date, cancellations
/// are complete, policy amounts hold together and copays match the policy. The checker shares no code with the
/// generators. It emits one HealthMock.RuleViolation per violation (rule, record kind, id and message), or with
/// -Quiet only $true when the dataset is consistent and $false when it is not.
/// </para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "MockDataset", DefaultParameterSetName = DatasetSet)]
[OutputType(typeof(RuleViolation), typeof(bool))]
public sealed class TestMockDatasetCommand : PSCmdlet, IDisposable
{
    private const string DatasetSet = "Dataset";

    private const string PathSet = "Path";

    private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

    private DatasetValidator? _validator;

    /// <summary>
    /// <para type="description">The dataset to check, such as the output of New-MockDataset or
    /// Import-MockDataset.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = DatasetSet)]
    public MockDataset? Dataset { get; set; }

    /// <summary>
    /// <para type="description">A dataset folder written by Export-MockDataset, relative to the current
    /// location.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>
    /// <para type="description">Returns only $true when the dataset keeps every rule and $false otherwise,
    /// stopping at the first violation.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    /// <summary>
    /// <para type="description">The youngest age a patient may have at the reference date; 0 by default.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(0, 120)]
    public int MinAge { get; set; }

    /// <summary>
    /// <para type="description">The oldest age a patient may have at the reference date; 120 by default.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(0, 120)]
    public int MaxAge { get; set; } = 120;

    /// <summary>
    /// <para type="description">The youngest age at which a patient may hold a Medicare policy; 65 by default.
    /// Use the value the dataset was generated with.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(0, 120)]
    public int MedicareAge { get; set; } = 65;

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose() => _cancellation.Dispose();

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        try
        {
            _validator = new DatasetValidator(SeedCatalog.Default, new DatasetValidatorOptions
            {
                MinAge = MinAge,
                MaxAge = MaxAge,
                MedicareAge = MedicareAge,
            });
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "InvalidAgeRange", ErrorCategory.InvalidArgument,
                $"{MinAge}-{MaxAge}"));
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var dataset = ParameterSetName == PathSet
            ? ImportMockDatasetCommand.Read(this, Path!, _cancellation.Token)
            : Dataset;
        if (dataset is null)
        {
            return;
        }

        var count = 0;
        foreach (var violation in _validator!.Validate(dataset))
        {
            if (_cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }

            count++;
            if (Quiet)
            {
                break;
            }

            WriteObject(violation);
        }

        WriteVerbose($"Checked {dataset.Patients.Count} patients, {dataset.Providers.Count} providers, "
            + $"{dataset.Policies.Count} policies and {dataset.Appointments.Count} appointments (seed {dataset.Seed}, "
            + $"reference date {Day(dataset.ReferenceDate)}): "
            + (Quiet && count > 0 ? "stopped at the first violation." : $"{count} violation(s)."));
        if (Quiet)
        {
            WriteObject(count == 0);
        }
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _cancellation.Cancel();

    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

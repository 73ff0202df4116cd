using System;
using System.Globalization;
using System.Management.Automation;
using System.Threading;

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
/// <para type="description">
/// Cities, conditions and specialties are checked against the seeds the dataset was made from: -SeedPath, else the
/// folder set with Set-MockSeedPath, else the seeds embedded in the module. Folders can be piped in as folder objects
/// from Get-Item or Get-ChildItem. The verbose stream gives the counts checked and the number of violations; datasets
/// of 10,000 records or more show progress once they have run a second with two more to go.
/// </para>
/// <example title="Check a generated dataset">
///   <code>New-MockDataset -PatientCount 100 -ProviderCount 10 -Seed 1 | Test-MockDataset</code>
///   <para>Prints nothing: a generated dataset keeps every rule.</para>
/// </example>
/// <example title="Check a dataset folder in a script">
///   <code>New-MockDataset -PatientCount 50 -ProviderCount 8 -Seed 2 | Export-MockDataset ./clinic
/// if (-not (Test-MockDataset -Path ./clinic -Quiet)) { throw 'The clinic dataset breaks a consistency rule.' }</code>
///   <para>Writes a dataset folder and stops the script if the files break a rule.</para>
/// </example>
/// <example title="Find what an edit broke">
///   <code>$clinic = New-MockDataset -PatientCount 20 -ProviderCount 4 -Seed 3
/// $clinic.Patients[0].State = 'ZZ'
/// $clinic.Appointments[0].ProviderId = 'dr_nobody_01'
/// $clinic | Test-MockDataset | Group-Object RuleName -NoElement</code>
///   <para>Breaks an address and a reference on purpose and counts the violations by rule: the checker names the
///   record, the rule and what was expected.</para>
/// </example>
/// </summary>
/// <seealso cref="NewMockDatasetCommand"/>
/// <seealso cref="ImportMockDatasetCommand"/>
/// <seealso cref="ExportMockDatasetCommand"/>
/// <para type="link">about_HealthMock</para>
/// <returns cref="RuleViolation">One object per broken rule: Rule (its number), RuleName, EntityKind and EntityId
/// of the record, and a Message that says what was expected.</returns>
/// <returns cref="bool">With -Quiet, $true when the dataset keeps every rule and $false otherwise.</returns>
[Cmdlet(VerbsDiagnostic.Test, "MockDataset", DefaultParameterSetName = DatasetSet)]
[OutputType(typeof(RuleViolation), typeof(bool))]
public sealed class TestMockDatasetCommand : PSCmdlet, IDisposable
{
    private const string DatasetSet = "Dataset";

    private const string PathSet = "Path";

    private const int ReadProgressId = 8;

    private const int CheckProgressId = 9;

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
    /// location. Folder objects from Get-Item or Get-ChildItem bind by their FullName.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = PathSet)]
    [Alias("FullName")]
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

    /// <summary>
    /// <para type="description">A seeds folder of your own, relative to the current location: the seeds the
    /// dataset was made from. Without it the folder set with Set-MockSeedPath is used, else the seeds embedded in
    /// the module.</para>
    /// </summary>
    /// <value>The session's seeds (Get-MockSeedPath)</value>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SeedPath { get; set; }

    /// <summary>Releases the cancellation source.</summary>
    public void Dispose() => _cancellation.Dispose();

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        var seeds = ActiveSeeds.Resolve(this, SeedPath);
        try
        {
            _validator = new DatasetValidator(seeds, new DatasetValidatorOptions
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
            ? ImportMockDatasetCommand.Read(this, Path!, ReadProgressId, _cancellation.Token)
            : Dataset;
        if (dataset is null)
        {
            return;
        }

        var total = (long)dataset.Patients.Count + dataset.Providers.Count + dataset.Policies.Count
            + dataset.Appointments.Count;
        var checking = "patients";
        var progress = new ProgressThrottle(this, CheckProgressId, "Test-MockDataset", "records", total,
            done => $"Checking {checking}: {done:N0} of {total:N0} records");
        var count = 0;
        foreach (var violation in _validator!.Validate(dataset, (what, done, _) =>
        {
            checking = what;
            progress.Report(done);
        }))
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

        progress.Complete();
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

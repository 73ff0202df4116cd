using System.Management.Automation;
using HealthMock.Api;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Gets providers of a dataset by id, or lists them by specialty and whether they accept new
/// patients.</para>
/// <para type="description">
/// Get-MockProvider returns the provider with each id given: specialty, clinic, weekly schedule, languages and
/// whether they accept new patients. Without -ProviderId it lists the providers, only those of -Specialty (a name
/// such as Cardiology or a slug such as family_medicine) and, with -AcceptingNewPatients, only those who accept new
/// patients (-AcceptingNewPatients:$false for only those who do not).
/// </para>
/// <para type="description">
/// Ids can be piped in as strings or from objects: a ProviderId property (appointments, slots), a
/// PrimaryCareProviderId property (patients, to get their primary care provider) or an Id property. The dataset is
/// a folder written by Export-MockDataset (-Path) or a dataset object (-Dataset).
/// </para>
/// <example title="List the providers accepting new patients">
///   <code>New-MockDataset -PatientCount 40 -ProviderCount 8 -Seed 3 -ReferenceDate 2026-01-15 |
///     Export-MockDataset -Path clinic -Force
/// Get-MockProvider -Path clinic -AcceptingNewPatients | Select-Object Id, Specialty, Schedule</code>
///   <para>Writes a dataset folder and lists the providers who take new patients, with their weekly
///   schedules.</para>
/// </example>
/// <example title="Get the primary care providers of patients">
///   <code>$clinic = New-MockDataset -PatientCount 40 -ProviderCount 8 -Seed 3 -ReferenceDate 2026-01-15
/// $clinic.Patients | Select-Object -First 5 | Get-MockProvider -Dataset $clinic |
///     Select-Object Id, DisplayName, Specialty</code>
///   <para>Pipes five patients and gets the primary care provider of each: the patients' PrimaryCareProviderId
///   binds to -ProviderId.</para>
/// </example>
/// </summary>
/// <seealso cref="GetMockAvailableSlotCommand"/>
/// <seealso cref="AddMockAppointmentCommand"/>
/// <seealso cref="NewMockProviderCommand"/>
/// <para type="link">about_HealthMock</para>
[Cmdlet(VerbsCommon.Get, "MockProvider", DefaultParameterSetName = ListPath)]
[OutputType(typeof(Provider))]
public sealed class GetMockProviderCommand : PSCmdlet
{
    private const string ListPath = "ListPath";
    private const string ListDataset = "ListDataset";
    private const string IdPath = "IdPath";
    private const string IdDataset = "IdDataset";

    private FrontDeskService? _service;

    /// <summary>
    /// <para type="description">The dataset folder, written by Export-MockDataset, relative to the current
    /// location.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ListPath)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdPath)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>
    /// <para type="description">A dataset object, such as the output of New-MockDataset or
    /// Import-MockDataset.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = ListDataset)]
    [Parameter(Mandatory = true, ParameterSetName = IdDataset)]
    [ValidateNotNull]
    public MockDataset? Dataset { get; set; }

    /// <summary>
    /// <para type="description">The ids of the providers, such as dr_lee_family_medicine_01. Objects bind by their
    /// ProviderId, PrimaryCareProviderId or Id property, in that order.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
        ParameterSetName = IdPath)]
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
        ParameterSetName = IdDataset)]
    [Alias("PrimaryCareProviderId", "Id")]
    [ValidateNotNullOrEmpty]
    public string[]? ProviderId { get; set; }

    /// <summary>
    /// <para type="description">Lists only the providers of this specialty: a name such as Family Medicine or a
    /// slug such as family_medicine, ignoring case. A specialty neither the seeds nor the dataset know is an
    /// InvalidArgument error.</para>
    /// </summary>
    [Parameter(ParameterSetName = ListPath)]
    [Parameter(ParameterSetName = ListDataset)]
    [ArgumentCompleter(typeof(SpecialtyCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Specialty { get; set; }

    /// <summary>
    /// <para type="description">Lists only the providers who accept new patients; -AcceptingNewPatients:$false
    /// lists only those who do not.</para>
    /// </summary>
    [Parameter(ParameterSetName = ListPath)]
    [Parameter(ParameterSetName = ListDataset)]
    public SwitchParameter AcceptingNewPatients { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => _service = FrontDeskCommand.Open(this, Path, Dataset);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ProviderId is null)
        {
            bool? accepting = MyInvocation.BoundParameters.ContainsKey(nameof(AcceptingNewPatients))
                ? AcceptingNewPatients.IsPresent
                : null;
            if (FrontDeskCommand.TryRun(this, () => _service!.ListProviders(Specialty, accepting), out var providers))
            {
                WriteObject(providers, enumerateCollection: true);
            }

            return;
        }

        foreach (var id in ProviderId)
        {
            if (FrontDeskCommand.TryRun(this, () => _service!.GetProvider(id), out var provider))
            {
                WriteObject(provider);
            }
        }
    }
}

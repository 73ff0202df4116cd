using System.Management.Automation;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Gets patients of a dataset by id.</para>
/// <para type="description">
/// Get-MockPatient returns the patient with each id given: contact details, address, primary care provider,
/// insurance, conditions, allergies and medications. An id that no patient has is a NotFound error. Ids can be
/// piped in as strings or from objects: a PatientId property (appointments, slots, policies) or an Id property
/// (patients).
/// </para>
/// <para type="description">
/// The dataset is a folder written by Export-MockDataset (-Path) or a dataset object such as the output of
/// New-MockDataset (-Dataset).
/// </para>
/// <example title="Get a patient by id">
///   <code>New-MockDataset -PatientCount 30 -ProviderCount 5 -Seed 2 -ReferenceDate 2026-01-15 |
///     Export-MockDataset -Path clinic -Force
/// $id = (Import-MockDataset -Path clinic).Patients[0].Id
/// Get-MockPatient -Path clinic -PatientId $id |
///     Format-List Id, FirstName, LastName, Email, InsurancePolicyNumber</code>
///   <para>Writes a dataset folder and shows a few details of its first patient.</para>
/// </example>
/// <example title="Get the patients of appointments">
///   <code>$clinic = New-MockDataset -PatientCount 30 -ProviderCount 5 -Seed 2 -ReferenceDate 2026-01-15
/// $clinic.Appointments | Where-Object Status -EQ 'Canceled' | Get-MockPatient -Dataset $clinic |
///     Sort-Object Id -Unique | Select-Object Id, Phone, PreferredContactMethod</code>
///   <para>Pipes the canceled appointments of a dataset held in memory and gets the patients to call back; each
///   appointment's PatientId binds to -PatientId.</para>
/// </example>
/// </summary>
/// <seealso cref="FindMockPatientCommand"/>
/// <seealso cref="GetMockAppointmentCommand"/>
/// <seealso cref="GetMockInsurancePolicyCommand"/>
/// <para type="link">about_HealthMock</para>
/// <returns>The patient with each id, with the same properties as the patients of New-MockPatient.</returns>
[Cmdlet(VerbsCommon.Get, "MockPatient", DefaultParameterSetName = FrontDeskCommandSets.Path)]
[OutputType(typeof(Patient))]
public sealed class GetMockPatientCommand : FrontDeskCommand
{
    /// <summary>
    /// <para type="description">The dataset folder, written by Export-MockDataset, relative to the current
    /// location.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = FrontDeskCommandSets.Path)]
    [ValidateNotNullOrEmpty]
    public override string? Path { get; set; }

    /// <summary>
    /// <para type="description">A dataset object, such as the output of New-MockDataset or
    /// Import-MockDataset.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = FrontDeskCommandSets.Dataset)]
    [ValidateNotNull]
    public override MockDataset? Dataset { get; set; }

    /// <summary>
    /// <para type="description">The ids of the patients, such as sara_doe_4821. Objects with a PatientId or Id
    /// property bind by that property.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    public string[]? PatientId { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => WriteEach(PatientId, (service, id) => service.GetPatient(id));
}

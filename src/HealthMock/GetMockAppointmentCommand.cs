using System.Management.Automation;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Gets appointments of a dataset by id, or lists a patient's appointments.</para>
/// <para type="description">
/// Get-MockAppointment returns the appointment with each -AppointmentId: patient, provider, type, start, status,
/// copay and, when canceled, the reason and date. With -PatientId it lists the patient's appointments by start
/// time, only those with one of the -Status values when given. An unknown id is a NotFound error.
/// </para>
/// <para type="description">
/// Patients piped in bind their Id to -PatientId, and appointments their PatientId, so a pipeline of patients
/// lists their appointments. The dataset is a folder written by Export-MockDataset (-Path) or a dataset object
/// (-Dataset).
/// </para>
/// <example title="List a patient's upcoming appointments">
///   <code>New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 4 -ReferenceDate 2026-01-15 |
///     Export-MockDataset -Path clinic -Force
/// $patient = (Import-MockDataset -Path clinic).Patients[0]
/// Get-MockAppointment -Path clinic -PatientId $patient.Id -Status Scheduled, Confirmed</code>
///   <para>Writes a dataset folder and lists the scheduled and confirmed appointments of its first
///   patient.</para>
/// </example>
/// <example title="Get appointments by id">
///   <code>$clinic = New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 4 -ReferenceDate 2026-01-15
/// Get-MockAppointment -Dataset $clinic -AppointmentId apt_000001, apt_000002 |
///     Select-Object Id, PatientId, Type, Start, Status</code>
///   <para>Gets two appointments of a dataset held in memory by id.</para>
/// </example>
/// </summary>
/// <seealso cref="AddMockAppointmentCommand"/>
/// <seealso cref="MoveMockAppointmentCommand"/>
/// <seealso cref="StopMockAppointmentCommand"/>
/// <seealso cref="GetMockVisitCostCommand"/>
/// <para type="link">about_HealthMock</para>
[Cmdlet(VerbsCommon.Get, "MockAppointment", DefaultParameterSetName = PatientPath)]
[OutputType(typeof(Appointment))]
public sealed class GetMockAppointmentCommand : FrontDeskCommand
{
    private const string PatientPath = "PatientPath";
    private const string PatientDataset = "PatientDataset";
    private const string IdPath = "IdPath";
    private const string IdDataset = "IdDataset";

    /// <summary>
    /// <para type="description">The dataset folder, written by Export-MockDataset, relative to the current
    /// location.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PatientPath)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdPath)]
    [ValidateNotNullOrEmpty]
    public override string? Path { get; set; }

    /// <summary>
    /// <para type="description">A dataset object, such as the output of New-MockDataset or
    /// Import-MockDataset.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = PatientDataset)]
    [Parameter(Mandatory = true, ParameterSetName = IdDataset)]
    [ValidateNotNull]
    public override MockDataset? Dataset { get; set; }

    /// <summary>
    /// <para type="description">The ids of the appointments, such as apt_000123. Objects with an AppointmentId
    /// property bind by it.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdPath)]
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdDataset)]
    [ValidateNotNullOrEmpty]
    public string[]? AppointmentId { get; set; }

    /// <summary>
    /// <para type="description">The patient whose appointments to list. Objects bind by their PatientId or Id
    /// property.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
        ParameterSetName = PatientPath)]
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
        ParameterSetName = PatientDataset)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    public string? PatientId { get; set; }

    /// <summary>
    /// <para type="description">Lists only the patient's appointments with one of these statuses.</para>
    /// </summary>
    /// <value>Every status</value>
    [Parameter(ParameterSetName = PatientPath)]
    [Parameter(ParameterSetName = PatientDataset)]
    [ValidateNotNullOrEmpty]
    public AppointmentStatus[]? Status { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (AppointmentId is null)
        {
            WriteList(service => service.ListPatientAppointments(PatientId!, Status));
            return;
        }

        WriteEach(AppointmentId, (service, id) => service.GetAppointment(id));
    }
}

using System.Management.Automation;
using HealthMock.Api;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Reschedules appointments of a dataset to a new start, as one change.</para>
/// <para type="description">
/// Move-MockAppointment moves a scheduled or confirmed appointment that has not started to -Start: it books a new
/// appointment with the same patient, provider, type, mode and reason under every rule of Add-MockAppointment (the
/// appointment being moved does not count as a clash), and cancels the old one with the reason rescheduled. Both
/// happen or neither does: when the new start is refused, the old appointment is left as it was.
/// </para>
/// <para type="description">
/// A completed, canceled or missed appointment is an InvalidStatus error, and one that has started an InThePast
/// error. Appointments piped in bind their Id. With -PassThru the new appointment is written to the pipeline. With
/// -Path the change is saved to the dataset folder at once; with -Dataset the dataset object is changed.
/// </para>
/// <example title="Move an appointment by an hour">
///   <code>New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 8 -ReferenceDate 2026-01-15 |
///     Export-MockDataset -Path clinic -Force
/// $patient = (Import-MockDataset -Path clinic).Patients[0]
/// $slots = Get-MockAvailableSlot -Path clinic -ProviderId $patient.PrimaryCareProviderId -PatientId $patient.Id `
///     -AppointmentType Follow-up
/// $booked = $slots[0] | Add-MockAppointment -Path clinic
/// $moved = $booked | Move-MockAppointment -Path clinic -Start $slots[4].Start -PassThru
/// Get-MockAppointment -Path clinic -AppointmentId $booked.Id, $moved.Id | Select-Object Id, Start, Status,
///     CancellationReason</code>
///   <para>Books a follow-up, moves it to a later free slot, and shows the old appointment canceled as
///   rescheduled beside the new one.</para>
/// </example>
/// <example title="Preview a move">
///   <code>$clinic = New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 8 -ReferenceDate 2026-01-15
/// $clinic.Appointments | Where-Object Status -EQ 'Scheduled' | Select-Object -First 1 |
///     Move-MockAppointment -Dataset $clinic -Start '2026-03-02 09:00' -WhatIf</code>
///   <para>Shows which appointment would move, without moving it.</para>
/// </example>
/// </summary>
/// <seealso cref="AddMockAppointmentCommand"/>
/// <seealso cref="StopMockAppointmentCommand"/>
/// <seealso cref="GetMockAvailableSlotCommand"/>
/// <para type="link">about_HealthMock</para>
[Cmdlet(VerbsCommon.Move, "MockAppointment", DefaultParameterSetName = FrontDeskCommandSets.Path,
    SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Appointment))]
public sealed class MoveMockAppointmentCommand : FrontDeskCommand
{
    /// <summary>
    /// <para type="description">The dataset folder, written by Export-MockDataset, relative to the current
    /// location; the change is saved to it.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = FrontDeskCommandSets.Path)]
    [ValidateNotNullOrEmpty]
    public override string? Path { get; set; }

    /// <summary>
    /// <para type="description">A dataset object, such as the output of New-MockDataset or Import-MockDataset; the
    /// change is made to it.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = FrontDeskCommandSets.Dataset)]
    [ValidateNotNull]
    public override MockDataset? Dataset { get; set; }

    /// <summary>
    /// <para type="description">The appointments to move, such as apt_000123. Appointments piped in bind their
    /// Id.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    public string[]? AppointmentId { get; set; }

    /// <summary>
    /// <para type="description">The new start: a date and time without an offset is the clinic's local time, one
    /// with an offset is converted to the clinic's offset. Text is ISO 8601.</para>
    /// </summary>
    [Parameter(Mandatory = true)]
    public ClinicTime Start { get; set; }

    /// <summary>
    /// <para type="description">Writes the new appointment to the pipeline.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => ChangeEach(AppointmentId!, $"Reschedule to {Start}",
        (service, id) => service.RescheduleAppointment(id, Start).Appointment,
        (id, moved) => $"Rescheduled {id} as {moved.Id} at {moved.Start:yyyy-MM-dd HH:mm zzz}; {id} is canceled as "
            + "rescheduled.",
        PassThru);
}

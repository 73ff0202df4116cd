using System.Management.Automation;
using HealthMock.Api;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Cancels appointments of a dataset, with a reason from a fixed list.</para>
/// <para type="description">
/// Stop-MockAppointment cancels scheduled or confirmed appointments that have not started: each becomes canceled,
/// with the reason and the current time (the last minute of the dataset's reference date). The appointment stays in
/// the dataset, as a front desk keeps it; its slot becomes free. The reason is one of patient_request,
/// scheduling_conflict, feeling_better, patient_illness, provider_unavailable, transportation_issue, work_conflict,
/// weather, insurance_issue, family_emergency, clinic_closure and other, written as a code or in words
/// ("Patient request"); anything else is an InvalidReason error.
/// </para>
/// <para type="description">
/// A completed, canceled or missed appointment is an InvalidStatus error, and one that has started an InThePast
/// error. Appointments piped in bind their Id. With -PassThru the canceled appointment is written to the pipeline.
/// With -Path the change is saved to the dataset folder at once; with -Dataset the dataset object is changed.
/// </para>
/// <example title="Cancel a patient's upcoming appointments">
///   <code>New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 9 -ReferenceDate 2026-01-15 |
///     Export-MockDataset -Path clinic -Force
/// $upcoming = Import-MockDataset -Path clinic | ForEach-Object Appointments |
///     Where-Object { $_.Status -eq 'Scheduled' -and $_.Start.Date -gt [datetime]'2026-01-15' }
/// $upcoming[0] | Stop-MockAppointment -Path clinic -Reason 'Feeling better' -PassThru |
///     Select-Object Id, Status, CancellationReason, CanceledAt</code>
///   <para>Cancels a scheduled appointment after the reference date and shows it canceled with the reason code
///   feeling_better.</para>
/// </example>
/// <example title="Preview cancellations">
///   <code>$clinic = New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 9 -ReferenceDate 2026-01-15
/// $clinic.Appointments | Where-Object Status -EQ 'Confirmed' |
///     Stop-MockAppointment -Dataset $clinic -Reason clinic_closure -WhatIf</code>
///   <para>Shows which confirmed appointments a clinic closure would cancel, without canceling them.</para>
/// </example>
/// </summary>
/// <seealso cref="MoveMockAppointmentCommand"/>
/// <seealso cref="AddMockAppointmentCommand"/>
/// <seealso cref="GetMockAppointmentCommand"/>
/// <para type="link">about_HealthMock</para>
[Cmdlet(VerbsLifecycle.Stop, "MockAppointment", DefaultParameterSetName = FrontDeskCommandSets.Path,
    SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Appointment))]
public sealed class StopMockAppointmentCommand : FrontDeskCommand
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
    /// <para type="description">The appointments to cancel, such as apt_000123. Appointments piped in bind their
    /// Id.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    public string[]? AppointmentId { get; set; }

    /// <summary>
    /// <para type="description">Why the appointments are canceled: a code of the fixed list, such as
    /// patient_request, or the same in words.</para>
    /// </summary>
    [Parameter(Mandatory = true)]
    [ArgumentCompleter(typeof(CancellationReasonCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Reason { get; set; }

    /// <summary>
    /// <para type="description">Writes each canceled appointment to the pipeline.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (CancellationReasons.Normalize(Reason) is null)
        {
            var error = new FrontDeskException(FrontDeskErrorCode.InvalidReason,
                $"The cancellation reason '{Reason}' is not on the list; expected one of "
                + string.Join(", ", CancellationReasons.All) + ".", Reason);
            ThrowTerminatingError(ToErrorRecord(error));
        }

        base.BeginProcessing();
    }

    /// <inheritdoc />
    protected override void ProcessRecord() => ChangeEach(AppointmentId!,
        $"Cancel ({CancellationReasons.Normalize(Reason)})", (service, id) => service.CancelAppointment(id, Reason!),
        (id, canceled) => $"Canceled {id} ({canceled.CancellationReason}).", PassThru);
}

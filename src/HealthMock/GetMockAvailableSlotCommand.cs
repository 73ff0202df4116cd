using System;
using System.Management.Automation;
using HealthMock.Api;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Lists a provider's free slots between two dates.</para>
/// <para type="description">
/// Get-MockAvailableSlot lists the starts on a provider's weekly schedule, from -From to -To (clinic-local dates,
/// both included, at most 62 days), that come after the front desk's current time and that no active appointment of
/// the provider overlaps. The current time is the last minute of the dataset's reference date, so the first free
/// slots are on the day after it. Without dates the list covers the current date and the six days after it.
/// </para>
/// <para type="description">
/// With -AppointmentType only starts where a whole appointment of that type fits are listed, each as long as the
/// type; with -PatientId only starts the patient is free at too, and the type must suit the patient (an error says
/// why not). Slots pipe into Add-MockAppointment, which books them. Patients piped in bind their
/// PrimaryCareProviderId, and appointments their ProviderId, PatientId and Type.
/// </para>
/// <example title="List free slots with a patient's primary care provider">
///   <code>New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 6 -ReferenceDate 2026-01-15 |
///     Export-MockDataset -Path clinic -Force
/// $patient = (Import-MockDataset -Path clinic).Patients[0]
/// Get-MockAvailableSlot -Path clinic -ProviderId $patient.PrimaryCareProviderId -PatientId $patient.Id `
///     -AppointmentType Follow-up -From 2026-01-19 -To 2026-01-19</code>
///   <para>Lists the starts on Monday 19 January 2026 where the first patient can have a follow-up with their
///   primary care provider.</para>
/// </example>
/// <example title="Find the first free slot of each provider">
///   <code>$clinic = New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 6 -ReferenceDate 2026-01-15
/// $clinic.Providers | ForEach-Object {
///     Get-MockAvailableSlot -Dataset $clinic -ProviderId $_.Id | Select-Object -First 1
/// }</code>
///   <para>Shows the earliest free slot of every provider of a dataset held in memory.</para>
/// </example>
/// </summary>
/// <seealso cref="AddMockAppointmentCommand"/>
/// <seealso cref="GetMockProviderCommand"/>
/// <seealso cref="MoveMockAppointmentCommand"/>
/// <para type="link">about_HealthMock</para>
[Cmdlet(VerbsCommon.Get, "MockAvailableSlot", DefaultParameterSetName = FrontDeskCommandSets.Path)]
[OutputType(typeof(AvailableSlot))]
public sealed class GetMockAvailableSlotCommand : FrontDeskCommand
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
    /// <para type="description">The provider whose slots to list. Objects bind by their ProviderId,
    /// PrimaryCareProviderId or Id property, in that order.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PrimaryCareProviderId", "Id")]
    [ValidateNotNullOrEmpty]
    public string? ProviderId { get; set; }

    /// <summary>
    /// <para type="description">The first date to list, in the clinic's local time; only the date part is
    /// used.</para>
    /// </summary>
    /// <value>The current date (the reference date)</value>
    [Parameter]
    [ClockTime]
    public DateTime? From { get; set; }

    /// <summary>
    /// <para type="description">The last date to list, included; only the date part is used. At most 62 days
    /// after -From.</para>
    /// </summary>
    /// <value>Six days after -From</value>
    [Parameter]
    [ClockTime]
    public DateTime? To { get; set; }

    /// <summary>
    /// <para type="description">An appointment type the provider offers, such as Follow-up: only starts where a
    /// whole appointment of the type fits are listed. Appointments bind their Type.</para>
    /// </summary>
    /// <value>None: each slot is one slot of the schedule long</value>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Type")]
    [ArgumentCompleter(typeof(AppointmentTypeCompleter))]
    public string? AppointmentType { get; set; }

    /// <summary>
    /// <para type="description">A patient: only starts the patient is free at are listed, and the type must suit
    /// the patient. Appointments bind their PatientId.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? PatientId { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (TryCall(service => service.ListAvailableSlots(ProviderId!, From, To, AppointmentType, PatientId),
            out var slots))
        {
            WriteVerbose($"{slots.Count} free slot(s) with {ProviderId}.");
            WriteObject(slots, enumerateCollection: true);
        }
    }
}

using System.Management.Automation;
using HealthMock.Api;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Books an appointment in a dataset, with every rule a front desk enforces.</para>
/// <para type="description">
/// Add-MockAppointment books a patient with a provider at a start, for an appointment type. It refuses, with an
/// error whose id names the rule, a start that is not a slot of the provider's weekly schedule (SlotUnavailable),
/// a time the provider or the patient already has an active appointment at (ProviderDoubleBooked,
/// PatientDoubleBooked), a type the provider's specialty does not offer (TypeNotOffered) or not in that mode
/// (ModeNotOffered), a patient the specialty or type does not see (AgeNotServed, SexNotServed), a new patient of a
/// provider who takes none (NotAcceptingNewPatients), and a start that is not after the current time, the last
/// minute of the dataset's reference date (InThePast).
/// </para>
/// <para type="description">
/// The new appointment is scheduled, booked at the current time and charged the copay of the patient's policy for
/// its visit category when the policy is in force on its date. It is written to the pipeline. With -Path the
/// change is saved to the dataset folder at once (appointments.json and manifest.json are written aside and renamed
/// into place), and the folder still passes Test-MockDataset; with -Dataset the dataset object is changed.
/// </para>
/// <para type="description">
/// -Start without a UTC offset (a DateTime or text such as 2026-01-19T09:00) is the clinic's local time; a
/// DateTimeOffset or text with an offset is converted to the clinic's offset. Slots from Get-MockAvailableSlot pipe
/// in with their ProviderId, Start, AppointmentType and PatientId; patients pipe in their Id and their primary
/// care provider.
/// </para>
/// <example title="Book the first free follow-up with a patient's primary care provider">
///   <code>New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 7 -ReferenceDate 2026-01-15 |
///     Export-MockDataset -Path clinic -Force
/// $patient = (Import-MockDataset -Path clinic).Patients[0]
/// Get-MockAvailableSlot -Path clinic -ProviderId $patient.PrimaryCareProviderId -PatientId $patient.Id `
///     -AppointmentType Follow-up | Select-Object -First 1 | Add-MockAppointment -Path clinic
/// Test-MockDataset -Path clinic -Quiet</code>
///   <para>Books the first free follow-up of the first patient with their primary care provider, saves it to the
///   folder and checks that the folder still keeps every rule ($true).</para>
/// </example>
/// <example title="Book at a given time and see what a refusal says">
///   <code>$clinic = New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 7 -ReferenceDate 2026-01-15
/// $patient = $clinic.Patients[0]
/// Add-MockAppointment -Dataset $clinic -PatientId $patient.Id -ProviderId $patient.PrimaryCareProviderId `
///     -Start '2026-01-17 03:00' -AppointmentType Follow-up -ErrorAction SilentlyContinue -ErrorVariable refused
/// $refused[0].FullyQualifiedErrorId</code>
///   <para>Tries to book at three in the morning on a Saturday; the error id is SlotUnavailable and its message
///   names the provider's schedule.</para>
/// </example>
/// <example title="Preview a booking">
///   <code>$clinic = New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 7 -ReferenceDate 2026-01-15
/// $clinic.Patients[0] | Add-MockAppointment -Dataset $clinic -Start '2026-01-19 09:00' -AppointmentType Follow-up `
///     -WhatIf</code>
///   <para>Pipes a patient, who brings their id and primary care provider, and shows what would be booked
///   without booking it.</para>
/// </example>
/// </summary>
/// <seealso cref="GetMockAvailableSlotCommand"/>
/// <seealso cref="MoveMockAppointmentCommand"/>
/// <seealso cref="StopMockAppointmentCommand"/>
/// <seealso cref="TestMockDatasetCommand"/>
/// <para type="link">about_HealthMock</para>
[Cmdlet(VerbsCommon.Add, "MockAppointment", DefaultParameterSetName = FrontDeskCommandSets.Path,
    SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Appointment))]
public sealed class AddMockAppointmentCommand : FrontDeskCommand
{
    /// <summary>
    /// <para type="description">The dataset folder, written by Export-MockDataset, relative to the current
    /// location; the booking is saved to it.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = FrontDeskCommandSets.Path)]
    [ValidateNotNullOrEmpty]
    public override string? Path { get; set; }

    /// <summary>
    /// <para type="description">A dataset object, such as the output of New-MockDataset or Import-MockDataset; the
    /// booking is added to it.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = FrontDeskCommandSets.Dataset)]
    [ValidateNotNull]
    public override MockDataset? Dataset { get; set; }

    /// <summary>
    /// <para type="description">The patient to book. Objects bind by their PatientId or Id property.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    public string? PatientId { get; set; }

    /// <summary>
    /// <para type="description">The provider to book with. Objects bind by their ProviderId or
    /// PrimaryCareProviderId property, so a patient piped in is booked with their primary care provider.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PrimaryCareProviderId")]
    [ValidateNotNullOrEmpty]
    public string? ProviderId { get; set; }

    /// <summary>
    /// <para type="description">The start: a date and time without an offset is the clinic's local time, one with
    /// an offset (a DateTimeOffset, or text such as 2026-01-19T09:00:00-05:00) is converted to the clinic's offset.
    /// Text is ISO 8601.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public ClinicTime Start { get; set; }

    /// <summary>
    /// <para type="description">An appointment type the provider's specialty offers, such as Follow-up or Routine
    /// Check-up, ignoring case; it sets the length, the visit category and the copay.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Type")]
    [ArgumentCompleter(typeof(AppointmentTypeCompleter))]
    [ValidateNotNullOrEmpty]
    public string? AppointmentType { get; set; }

    /// <summary>
    /// <para type="description">InPerson or Telehealth; the type must take place in that mode.</para>
    /// </summary>
    /// <value>The type's first mode, usually InPerson</value>
    [Parameter]
    public AppointmentMode? Mode { get; set; }

    /// <summary>
    /// <para type="description">The reason for the visit, at most 200 characters.</para>
    /// </summary>
    /// <value>The type's first listed reason</value>
    [Parameter]
    public string? Reason { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var target = $"{AppointmentType} for patient {PatientId} with {ProviderId} at {Start}";
        if (!ShouldProcess(target, "Book appointment"))
        {
            return;
        }

        var request = new AppointmentRequest
        {
            PatientId = PatientId!,
            ProviderId = ProviderId!,
            Start = Start,
            AppointmentType = AppointmentType!,
            Mode = Mode,
            Reason = Reason,
        };
        if (TryCall(service => service.ScheduleAppointment(request), out var appointment))
        {
            WriteVerbose($"Booked {appointment.Id}: {appointment.Type} for {appointment.PatientId} with "
                + $"{appointment.ProviderId} at {appointment.Start:yyyy-MM-dd HH:mm zzz}.");
            WriteObject(appointment);
        }
    }
}

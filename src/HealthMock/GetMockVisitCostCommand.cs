using System;
using System.Management.Automation;
using HealthMock.Api;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Estimates what a visit will cost a patient under their insurance, line by line.</para>
/// <para type="description">
/// Get-MockVisitCost prices a visit at its allowed amount (a mock table: primary care 150.00, specialist 275.00,
/// urgent care 200.00, telehealth 90.00, emergency 1,200.00) and works out the patient's share under the policy in
/// force on the visit's date. Without a policy in force the visit is self-pay. Plans other than HDHP charge the
/// copay of the visit category and leave the deductible untouched. An HDHP charges toward the deductible left
/// first, so before the deductible is met the patient pays the whole allowed amount, then the copay (or, without
/// one, the coinsurance) on what remains. The share never exceeds what is left of the out-of-pocket maximum. The
/// Lines of the estimate explain each step.
/// </para>
/// <para type="description">
/// The visit is one of the patient's appointments (-AppointmentId), or a -VisitCategory, or a -ProviderId with
/// one of its -AppointmentType values, on -Date (by default the dataset's reference date). Appointments piped in
/// bind their PatientId, ProviderId, Type and Start, so they are priced as booked; patients bind their Id.
/// </para>
/// <example title="Price a patient's appointments">
///   <code>New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 10 -ReferenceDate 2026-01-15 |
///     Export-MockDataset -Path clinic -Force
/// $patient = (Import-MockDataset -Path clinic).Patients[1]
/// Get-MockAppointment -Path clinic -PatientId $patient.Id | Get-MockVisitCost -Path clinic |
///     Select-Object Date, VisitCategory, PolicyActive, Copay, PatientShare, PlanShare</code>
///   <para>Estimates every appointment of a patient under the policy in force on its date.</para>
/// </example>
/// <example title="Explain the cost of a specialist visit">
///   <code>$clinic = New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 10 -ReferenceDate 2026-01-15
/// $estimate = Get-MockVisitCost -Dataset $clinic -PatientId $clinic.Patients[0].Id -VisitCategory Specialist `
///     -Date 2026-02-02
/// $estimate.Lines</code>
///   <para>Prices a specialist visit on 2 February 2026 and lists the steps: allowed amount, policy, deductible
///   and out-of-pocket maximum left, copay or coinsurance, and the two shares.</para>
/// </example>
/// </summary>
/// <seealso cref="GetMockInsurancePolicyCommand"/>
/// <seealso cref="GetMockAppointmentCommand"/>
/// <seealso cref="AddMockAppointmentCommand"/>
/// <para type="link">about_HealthMock</para>
/// <returns>The estimate: the policy in force on the date and its plan type, the allowed amount, the copay,
/// deductible and coinsurance applied, PatientShare and PlanShare, and Lines, the steps that explain it one by
/// one.</returns>
[Cmdlet(VerbsCommon.Get, "MockVisitCost", DefaultParameterSetName = VisitPath)]
[OutputType(typeof(CostEstimate))]
public sealed class GetMockVisitCostCommand : PSCmdlet
{
    private const string VisitPath = "VisitPath";
    private const string VisitDataset = "VisitDataset";
    private const string AppointmentPath = "AppointmentPath";
    private const string AppointmentDataset = "AppointmentDataset";

    private FrontDeskService? _service;

    /// <summary>
    /// <para type="description">The dataset folder, written by Export-MockDataset, relative to the current
    /// location.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = VisitPath)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = AppointmentPath)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>
    /// <para type="description">A dataset object, such as the output of New-MockDataset or
    /// Import-MockDataset.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = VisitDataset)]
    [Parameter(Mandatory = true, ParameterSetName = AppointmentDataset)]
    [ValidateNotNull]
    public MockDataset? Dataset { get; set; }

    /// <summary>
    /// <para type="description">The appointments to price, at their own visit category and date. Objects with an
    /// AppointmentId property bind by it.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = AppointmentPath)]
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = AppointmentDataset)]
    [ValidateNotNullOrEmpty]
    public string[]? AppointmentId { get; set; }

    /// <summary>
    /// <para type="description">The patient whose visit to price. Objects bind by their PatientId or Id
    /// property.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = VisitPath)]
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = VisitDataset)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    public string? PatientId { get; set; }

    /// <summary>
    /// <para type="description">The visit category, which sets the allowed amount and the copay. Not needed with
    /// -ProviderId and -AppointmentType, which give it.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = VisitPath)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = VisitDataset)]
    public VisitCategory? VisitCategory { get; set; }

    /// <summary>
    /// <para type="description">A provider whose specialty gives -AppointmentType its visit category.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = VisitPath)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = VisitDataset)]
    public string? ProviderId { get; set; }

    /// <summary>
    /// <para type="description">An appointment type the provider offers, such as Follow-up. Appointments bind
    /// their Type.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = VisitPath)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = VisitDataset)]
    [Alias("Type")]
    [ArgumentCompleter(typeof(AppointmentTypeCompleter))]
    public string? AppointmentType { get; set; }

    /// <summary>
    /// <para type="description">The date of the visit; only the date part is used. Appointments bind their Start,
    /// read as the clinic's local date.</para>
    /// </summary>
    /// <value>The dataset's reference date</value>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = VisitPath)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = VisitDataset)]
    [Alias("Start")]
    [ClockTime]
    public DateTime? Date { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => _service = FrontDeskCommand.Open(this, Path, Dataset);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (AppointmentId is null)
        {
            Estimate(new CostEstimateRequest
            {
                PatientId = PatientId!,
                VisitCategory = VisitCategory,
                ProviderId = ProviderId,
                AppointmentType = AppointmentType,
                Date = Date,
            });
            return;
        }

        foreach (var id in AppointmentId)
        {
            if (FrontDeskCommand.TryRun(this, () => _service!.GetAppointment(id), out var appointment))
            {
                Estimate(new CostEstimateRequest { PatientId = appointment.PatientId, AppointmentId = id });
            }
        }
    }

    private void Estimate(CostEstimateRequest request)
    {
        if (FrontDeskCommand.TryRun(this, () => _service!.EstimateVisitCost(request), out var estimate))
        {
            WriteObject(estimate);
        }
    }
}

using System.Management.Automation;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Gets the insurance policy of patients, or policies by number, from a dataset.</para>
/// <para type="description">
/// Get-MockInsurancePolicy returns a policy: payer, plan and plan type, period and status, deductible and
/// out-of-pocket amounts with the parts met, copays by visit category, coinsurance and whether referrals are
/// required. With -PatientId it returns each patient's policy; a patient without one is a NotFound error. With
/// -PolicyNumber it returns the policies with those numbers.
/// </para>
/// <para type="description">
/// Patients piped in bind their Id to -PatientId. The dataset is a folder written by Export-MockDataset (-Path) or
/// a dataset object (-Dataset).
/// </para>
/// <example title="Get a patient's policy">
///   <code>New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 5 -ReferenceDate 2026-01-15 -UninsuredShare 0 |
///     Export-MockDataset -Path clinic -Force
/// $patient = (Import-MockDataset -Path clinic).Patients[0]
/// Get-MockInsurancePolicy -Path clinic -PatientId $patient.Id | Format-List PolicyNumber, Payer, PlanType, Status,
///     Deductible, DeductibleMet, Copays</code>
///   <para>Writes a dataset folder where every patient is insured and shows the main terms of the first
///   patient's policy.</para>
/// </example>
/// <example title="Get policies by number">
///   <code>$clinic = New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 5 -ReferenceDate 2026-01-15
/// $numbers = $clinic.Policies | Where-Object PlanType -EQ 'HDHP' | Select-Object -ExpandProperty PolicyNumber
/// Get-MockInsurancePolicy -Dataset $clinic -PolicyNumber $numbers |
///     Select-Object PolicyNumber, PatientId, Deductible</code>
///   <para>Gets the high-deductible policies of a dataset held in memory by number.</para>
/// </example>
/// </summary>
/// <seealso cref="GetMockVisitCostCommand"/>
/// <seealso cref="GetMockPatientCommand"/>
/// <seealso cref="NewMockInsurancePolicyCommand"/>
/// <para type="link">about_HealthMock</para>
[Cmdlet(VerbsCommon.Get, "MockInsurancePolicy", DefaultParameterSetName = PatientPath)]
[OutputType(typeof(InsurancePolicy))]
public sealed class GetMockInsurancePolicyCommand : FrontDeskCommand
{
    private const string PatientPath = "PatientPath";
    private const string PatientDataset = "PatientDataset";
    private const string NumberPath = "NumberPath";
    private const string NumberDataset = "NumberDataset";

    /// <summary>
    /// <para type="description">The dataset folder, written by Export-MockDataset, relative to the current
    /// location.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PatientPath)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NumberPath)]
    [ValidateNotNullOrEmpty]
    public override string? Path { get; set; }

    /// <summary>
    /// <para type="description">A dataset object, such as the output of New-MockDataset or
    /// Import-MockDataset.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = PatientDataset)]
    [Parameter(Mandatory = true, ParameterSetName = NumberDataset)]
    [ValidateNotNull]
    public override MockDataset? Dataset { get; set; }

    /// <summary>
    /// <para type="description">The patients whose policy to get. Objects bind by their PatientId or Id
    /// property.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
        ParameterSetName = PatientPath)]
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
        ParameterSetName = PatientDataset)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    public string[]? PatientId { get; set; }

    /// <summary>
    /// <para type="description">The policy numbers, such as pol_000001. Objects with a PolicyNumber property bind
    /// by it.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = NumberPath)]
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = NumberDataset)]
    [ValidateNotNullOrEmpty]
    public string[]? PolicyNumber { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        WriteEach(PatientId, (service, id) => service.GetPatientInsurance(id));
        WriteEach(PolicyNumber, (service, number) => service.GetInsurancePolicy(number));
    }
}

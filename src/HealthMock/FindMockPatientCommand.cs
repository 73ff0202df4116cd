using System;
using System.Management.Automation;
using HealthMock.Api;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Finds the one patient of a dataset with an email address, or with a name and date of
/// birth.</para>
/// <para type="description">
/// Find-MockPatient looks a patient up the way a front desk does: by email address (ignoring case), or by first
/// name, last name and date of birth (names ignoring case, and ignoring accents when nothing matches with them, so
/// Nunez finds Núñez). It returns the patient when exactly one matches; otherwise it writes a NotFound error, or an
/// AmbiguousMatch error naming the patients that match.
/// </para>
/// <para type="description">
/// The dataset is a folder written by Export-MockDataset (-Path) or a dataset object such as the output of
/// New-MockDataset (-Dataset). Emails can be piped in as strings, or as objects with an Email property.
/// </para>
/// <example title="Find a patient by email">
///   <code>New-MockDataset -PatientCount 50 -ProviderCount 6 -Seed 1 -ReferenceDate 2026-01-15 |
///     Export-MockDataset -Path clinic -Force
/// $email = (Import-MockDataset -Path clinic).Patients[0].Email
/// Find-MockPatient -Path clinic -Email $email.ToUpper()</code>
///   <para>Writes a dataset folder and finds its first patient by email address, typed in capitals.</para>
/// </example>
/// <example title="Find a patient by name and date of birth">
///   <code>$clinic = New-MockDataset -PatientCount 50 -ProviderCount 6 -Seed 1 -ReferenceDate 2026-01-15
/// $known = $clinic.Patients[3]
/// Find-MockPatient -Dataset $clinic -FirstName $known.FirstName -LastName $known.LastName `
///     -DateOfBirth $known.DateOfBirth | Select-Object Id, Email, PrimaryCareProvider</code>
///   <para>Finds a patient of a dataset held in memory by name and date of birth, and shows the patient's id,
///   email and primary care provider.</para>
/// </example>
/// </summary>
/// <seealso cref="GetMockPatientCommand"/>
/// <seealso cref="GetMockAppointmentCommand"/>
/// <seealso cref="StartMockHealthApiCommand"/>
/// <para type="link">about_HealthMock</para>
/// <returns>The one patient found, with the same properties as the patients of New-MockPatient.</returns>
[Cmdlet(VerbsCommon.Find, "MockPatient", DefaultParameterSetName = EmailPath)]
[OutputType(typeof(Patient))]
public sealed class FindMockPatientCommand : PSCmdlet
{
    private const string EmailPath = "EmailPath";
    private const string EmailDataset = "EmailDataset";
    private const string NamePath = "NamePath";
    private const string NameDataset = "NameDataset";

    private FrontDeskService? _service;

    /// <summary>
    /// <para type="description">The dataset folder, written by Export-MockDataset, relative to the current
    /// location.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = EmailPath)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NamePath)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>
    /// <para type="description">A dataset object, such as the output of New-MockDataset or
    /// Import-MockDataset.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = EmailDataset)]
    [Parameter(Mandatory = true, ParameterSetName = NameDataset)]
    [ValidateNotNull]
    public MockDataset? Dataset { get; set; }

    /// <summary>
    /// <para type="description">The email address to look for, ignoring case. Strings, and objects with an Email
    /// property, can be piped in.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
        ParameterSetName = EmailPath)]
    [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
        ParameterSetName = EmailDataset)]
    [ValidateNotNullOrEmpty]
    public string[]? Email { get; set; }

    /// <summary>
    /// <para type="description">The patient's first name, ignoring case (and accents when nothing matches with
    /// them).</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = NamePath)]
    [Parameter(Mandatory = true, ParameterSetName = NameDataset)]
    [ValidateNotNullOrEmpty]
    public string? FirstName { get; set; }

    /// <summary>
    /// <para type="description">The patient's last name, ignoring case (and accents when nothing matches with
    /// them).</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = NamePath)]
    [Parameter(Mandatory = true, ParameterSetName = NameDataset)]
    [ValidateNotNullOrEmpty]
    public string? LastName { get; set; }

    /// <summary>
    /// <para type="description">The patient's date of birth; only the date part is used.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = NamePath)]
    [Parameter(Mandatory = true, ParameterSetName = NameDataset)]
    [Alias("Dob")]
    public DateTime DateOfBirth { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing() => _service = FrontDeskCommand.Open(this, Path, Dataset);

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (Email is null)
        {
            if (FrontDeskCommand.TryRun(this, () => _service!.FindPatientByNameAndDateOfBirth(FirstName!, LastName!,
                DateOfBirth), out var patient))
            {
                WriteObject(patient);
            }

            return;
        }

        foreach (var email in Email)
        {
            if (FrontDeskCommand.TryRun(this, () => _service!.FindPatientByEmail(email), out var patient))
            {
                WriteObject(patient);
            }
        }
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using HealthMock.Generation;
using HealthMock.Seeds;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Generates a mock insurance policy for each patient piped in, or one family policy for a
/// household.</para>
/// <para type="description">
/// New-MockInsurancePolicy gives every patient from the pipeline its own individual policy: a payer and plan from
/// the seeds (invented names), a plan type (HMO, PPO, EPO, POS, HDHP, Medicare or Medicaid), a twelve-month plan
/// year starting on the first of a month, and amounts that hold together (deductible met within the deductible,
/// within the out-of-pocket maximum; HDHP deductibles high with copays after the deductible; Medicaid copays a few
/// dollars). Patients aged -MedicareAge or more get Medicare when -PlanType allows it; younger patients never do.
/// </para>
/// <para type="description">
/// The policy is the patient's current coverage. About 95 policies in 100 are Active: the plan year started within
/// the twelve months up to the reference date and is in force on it. A few are Pending (the plan year starts on the
/// first of a month within the next 60 days) and a few Expired (the plan year ended within the last 90 days and has
/// not been renewed), so both edge cases turn up in test data. -Status keeps only the statuses named: -Status
/// Active makes every policy current. Nobody is covered before birth: a plan year that would start before a baby
/// was born starts on its date of birth, and its status follows from that period. The deductible and
/// out-of-pocket amounts met grow with the share of the plan year gone: nothing is met on a Pending policy.
/// </para>
/// <para type="description">
/// Family policies: pipe the output of Group-Object (each group is one household), or pass the household to
/// -Member. The first member of a household is the subscriber and must be an adult; each other member is a child
/// (under 26 and at least 15 years younger than the subscriber) or the one spouse. Every member gets its own
/// policy number and shares the subscriber, payer, plan, group number, period and family amounts; the coverage
/// tier is Family with a child and EmployeePlusSpouse without. Family policies are employer plans (HMO, PPO, EPO,
/// POS or HDHP), never Medicare or Medicaid.
/// </para>
/// <para type="description">
/// The patient objects are updated in place: InsurancePolicyNumber, InsuranceProvider (the payer), CoverageType (the
/// plan type) and DeductibleBalance are set, so patients kept in a variable or piped onward carry their policy. Record
/// i of the output depends only on the seed, the options, i and its patient. Without -Seed a seed is drawn and written
/// to the verbose stream. Runs of 10,000 patients or more show progress once they have run a second with two more to
/// go.
/// </para>
/// <para type="description">
/// Payers and plans come from the seeds (those embedded in the module, or your own folder given by -SeedPath or
/// Set-MockSeedPath); press Tab after -Payer to complete the payers of the seeds in effect.
/// </para>
/// <example title="Insure patients">
///   <code>$patients = New-MockPatient -Count 20 -Seed 1; $patients | New-MockInsurancePolicy -Seed 1</code>
///   <para>Gives each of twenty patients a policy; $patients now carry their policy numbers.</para>
/// </example>
/// <example title="Choose plan types">
///   <code>New-MockPatient -Count 50 -Seed 2 | New-MockInsurancePolicy -Seed 2 -PlanType PPO, HDHP</code>
///   <para>Draws only PPO and HDHP plans (patients 65 or over too, since Medicare is not allowed).</para>
/// </example>
/// <example title="Cover a household under one family policy">
///   <code>$parents = New-MockPatient -Count 2 -Seed 3 -MinAge 30 -MaxAge 45
/// $child = New-MockPatient -Seed 4 -MaxAge 10
/// New-MockInsurancePolicy -Member ($parents + $child) -Seed 3</code>
///   <para>Covers a household under one family policy: the first parent subscribes, the second is the spouse and
///   the child is a dependant.</para>
/// </example>
/// <example title="Insure patients with current policies only">
///   <code>New-MockPatient -Count 40 -Seed 6 | New-MockInsurancePolicy -Seed 6 -Status Active |
///     Group-Object Status -NoElement</code>
///   <para>Gives forty patients policies that are all in force at the reference date (one group, Active).</para>
/// </example>
/// <example title="Insure everyone with one payer">
///   <code>New-MockPatient -Count 30 -Seed 5 -MaxAge 60 |
///     New-MockInsurancePolicy -Seed 5 -Payer 'Juniper Crest Health' | Group-Object PlanType -NoElement</code>
///   <para>Gives thirty patients under 61 policies from one payer and counts them by plan type.</para>
/// </example>
/// </summary>
/// <seealso cref="NewMockPatientCommand"/>
/// <seealso cref="NewMockAppointmentCommand"/>
/// <seealso cref="NewMockDatasetCommand"/>
/// <seealso cref="ConvertToMockFlatObjectCommand"/>
/// <para type="link">about_HealthMock</para>
[Cmdlet(VerbsCommon.New, "MockInsurancePolicy", DefaultParameterSetName = PatientSet)]
[OutputType(typeof(InsurancePolicy))]
public sealed class NewMockInsurancePolicyCommand : PSCmdlet
{
    private const string PatientSet = "Patient";

    private const string FamilySet = "Family";

    private const int ProgressId = 3;

    private volatile bool _stopping;

    private ProgressThrottle? _progress;

    private PolicyGenerator? _generator;

    private long _next;

    /// <summary>
    /// <para type="description">The patient to insure, usually from the pipeline (from New-MockPatient). A group
    /// from Group-Object is insured as one household, its first patient the subscriber; an array given by name is
    /// insured one patient at a time.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PatientSet)]
    public PSObject? Patient { get; set; }

    /// <summary>
    /// <para type="description">The members of one household to cover under one family policy. The first member is
    /// the subscriber.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = FamilySet)]
    [ValidateNotNullOrEmpty]
    public Patient[]? Member { get; set; }

    /// <summary>
    /// <para type="description">The seed; the same seed, options, reference date and patients give the same
    /// policies. Without it a seed is drawn and written to the verbose stream.</para>
    /// </summary>
    /// <value>A drawn seed</value>
    [Parameter]
    public int? Seed { get; set; }

    /// <summary>
    /// <para type="description">The date policy periods and statuses are set around; today by default. Use the
    /// reference date the patients were made with.</para>
    /// </summary>
    /// <value>Today</value>
    [Parameter]
    public DateTime? ReferenceDate { get; set; }

    /// <summary>
    /// <para type="description">The plan types to draw from; every plan type the payers of the seeds sell by
    /// default. A plan type no payer of the seeds sells stops the command with an UnknownPlanType error.</para>
    /// </summary>
    /// <value>Every plan type the payers sell</value>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public PlanType[]? PlanType { get; set; }

    /// <summary>
    /// <para type="description">The payers (insurance companies) to draw plans from, by name as the seeds list
    /// them; every payer by default. A name the seeds do not know stops the command with an UnknownPayer error.
    /// Press Tab to complete the names.</para>
    /// </summary>
    /// <value>Every seeded payer</value>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(PayerCompleter))]
    public string[]? Payer { get; set; }

    /// <summary>
    /// <para type="description">The age from which patients get Medicare (65 by default): patients this age or
    /// older get Medicare when -PlanType allows it, younger ones never do.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(0, PatientOptions.OldestAge)]
    public int MedicareAge { get; set; } = PolicyOptions.DefaultMedicareAge;

    /// <summary>
    /// <para type="description">The statuses the policies may have at the reference date: Active (in force),
    /// Pending (starting within the next 60 days) or Expired (ended within the last 90 days). By default all three,
    /// about 95 in 100 Active and the rest Pending or Expired. A baby born after the plan year would start is
    /// covered from birth, so its policy can be Active whatever is asked.</para>
    /// </summary>
    /// <value>Active, Pending, Expired (about 95 in 100 Active)</value>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public PolicyStatus[]? Status { get; set; }

    /// <summary>
    /// <para type="description">The record index of the first policy, so that policies of patient shards made
    /// apart keep distinct policy numbers (pol_ and the index plus one).</para>
    /// </summary>
    [Parameter]
    [ValidateRange(0, long.MaxValue / 2)]
    public long StartIndex { get; set; }

    /// <summary>
    /// <para type="description">A seeds folder of your own, relative to the current location, whose seeds files
    /// replace the embedded ones of the same name for this command. Without it the folder set with
    /// Set-MockSeedPath is used, else the seeds embedded in the module.</para>
    /// </summary>
    /// <value>The session's seeds (Get-MockSeedPath)</value>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SeedPath { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        var seed = Seed ?? SeedSource.Draw();
        var options = new PolicyOptions
        {
            Seed = seed,
            ReferenceDate = (ReferenceDate ?? DateTime.Today).Date,
            PlanTypes = PlanType ?? Array.Empty<PlanType>(),
            Payers = Payer ?? Array.Empty<string>(),
            MedicareAge = MedicareAge,
            Statuses = Status ?? Array.Empty<PolicyStatus>(),
        };
        var seeds = ActiveSeeds.Resolve(this, SeedPath);
        try
        {
            _generator = new PolicyGenerator(seeds, options);
        }
        catch (InvalidOptionException e)
        {
            var id = e.Option switch
            {
                nameof(PolicyOptions.PlanTypes) => "UnknownPlanType",
                nameof(PolicyOptions.Payers) => "UnknownPayer",
                nameof(PolicyOptions.MedicareAge) => "InvalidMedicareAge",
                nameof(PolicyOptions.Statuses) => "InvalidPolicyStatus",
                _ => "InvalidReferenceDate",
            };
            ThrowTerminatingError(new ErrorRecord(e, id, ErrorCategory.InvalidArgument, e.Value));
        }

        _next = StartIndex;
        WriteVerbose(Seed.HasValue
            ? $"Seed {seed}, reference date {options.ReferenceDate:yyyy-MM-dd}, first policy index {StartIndex}."
            : $"Seed {seed} (drawn: pass -Seed {seed} to repeat this run), reference date "
                + $"{options.ReferenceDate:yyyy-MM-dd}, first policy index {StartIndex}.");
        WriteDebug("Plan types drawn from: " + string.Join(", ", _generator!.PlanTypes) + ".");
        _progress = new ProgressThrottle(this, ProgressId, "New-MockInsurancePolicy", "policies", -1);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == FamilySet)
        {
            InsureFamily(Member!);
        }
        else
        {
            Insure(Patient);
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        _progress?.Complete();
        var made = _next - StartIndex;
        WriteVerbose($"Made {made} insurance polic{(made == 1 ? "y" : "ies")}.");
    }

    /// <inheritdoc />
    protected override void StopProcessing()
    {
        _stopping = true;
    }

    private void Insure(object? input)
    {
        if (_stopping)
        {
            return;
        }

        var value = input is PSObject wrapped ? wrapped.BaseObject : input;
        switch (value)
        {
            case HealthMock.Patient patient:
                InsureOne(patient);
                return;
            case IEnumerable items when value is not string:
                foreach (var item in items)
                {
                    Insure(item);
                }

                return;
        }

        if (input is PSObject group && TryReadGroup(group, out var members))
        {
            InsureFamily(members);
            return;
        }

        var typeName = value?.GetType().FullName ?? "null";
        WriteError(new ErrorRecord(
            new ArgumentException($"The input of type {typeName} is not a patient: expected a HealthMock.Patient "
                + "(from New-MockPatient) or a group of patients from Group-Object."),
            "InvalidPatientInput", ErrorCategory.InvalidType, value));
    }

    /// <summary>Reads a Group-Object group whose members are all patients.</summary>
    private static bool TryReadGroup(PSObject input, out Patient[] members)
    {
        members = Array.Empty<Patient>();
        if (!(input.Properties["Group"]?.Value is IEnumerable group) || input.Properties["Name"] is null)
        {
            return false;
        }

        var list = new List<Patient>();
        foreach (var item in group)
        {
            if ((item is PSObject wrapped ? wrapped.BaseObject : item) is not HealthMock.Patient patient)
            {
                return false;
            }

            list.Add(patient);
        }

        members = list.ToArray();
        return members.Length > 0;
    }

    private void InsureOne(Patient patient)
    {
        try
        {
            var policy = _generator!.Generate(_next, patient);
            _next++;
            PolicyGenerator.AssignTo(patient, policy);
            WriteObject(policy);
            _progress!.Report(_next - StartIndex);
        }
        catch (RecordException e)
        {
            WriteError(new ErrorRecord(e, e.ErrorId, ErrorCategory.InvalidData, e.Target));
        }
    }

    private void InsureFamily(IReadOnlyList<Patient> members)
    {
        if (_stopping)
        {
            return;
        }

        try
        {
            var policies = _generator!.GenerateFamily(_next, members);
            _next += members.Count;
            for (var k = 0; k < policies.Count; k++)
            {
                PolicyGenerator.AssignTo(members[k], policies[k]);
                WriteObject(policies[k]);
            }

            _progress!.Report(_next - StartIndex);
        }
        catch (RecordException e)
        {
            WriteError(new ErrorRecord(e, e.ErrorId, ErrorCategory.InvalidData, e.Target));
        }
    }
}

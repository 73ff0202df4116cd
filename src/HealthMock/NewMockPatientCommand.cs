using System;
using System.Management.Automation;
using HealthMock.Generation;
using HealthMock.Seeds;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Generates mock patients, one record at a time, reproducibly from a seed.</para>
/// <para type="description">
/// New-MockPatient makes patients a clinic could have: a name, sex, date of birth and age at the reference date,
/// an email derived from the patient's own name on a documentation domain, a phone number on the fictional
/// 555-01XX lines of the city's area code, an address whose city, state and ZIP prefix agree, a preferred contact
/// method, chronic conditions that fit the age with medications that treat them, allergies, an emergency contact,
/// an account creation date and a primary care provider (its id and display name). The insurance fields stay
/// empty until New-MockInsurancePolicy fills them.
/// </para>
/// <para type="description">
/// Record i depends only on the seed, the options and i, so -Count 10 gives the first ten records of -Count 1000
/// with the same seed, and -StartIndex makes shards of a large run that join back into it. Without -Seed a seed
/// is drawn and written to the verbose stream with the reference date, so any run can be repeated. Patients are
/// written to the pipeline as they are made; runs of 10,000 or more show progress, and Ctrl+C stops a long run.
/// </para>
/// <para type="description">
/// Cities, streets, conditions, medications and allergies come from the seeds: those embedded in the module, or
/// your own folder given by -SeedPath or Set-MockSeedPath. Press Tab after -State to complete the states of the
/// seeds in effect.
/// </para>
/// <para type="description">
/// Email and (last name, date of birth) each identify one patient. When more patients are asked for than the
/// age range and the seeded last names can keep apart, a warning says how many can, and later records repeat
/// (last name, date of birth) pairs.
/// </para>
/// <example title="Generate patients from a seed">
///   <code>New-MockPatient -Count 5 -Seed 42</code>
///   <para>Generates five patients. Running the command again with -Seed 42 on the same day gives the same five
///   patients; add -ReferenceDate to get them on any day.</para>
/// </example>
/// <example title="Choose ages and states">
///   <code>New-MockPatient -Count 20 -Seed 7 -MinAge 65 -State OR, WA |
///     Select-Object Id, Age, City, State, PrimaryCareProvider</code>
///   <para>Generates twenty patients aged 65 or more who live in Oregon or Washington, and shows where they live
///   and who their primary care provider is.</para>
/// </example>
/// <example title="Make a run in shards">
///   <code>$all = New-MockPatient -Count 10 -Seed 3 -ReferenceDate 2025-01-01
/// $shard = New-MockPatient -Count 5 -StartIndex 5 -Seed 3 -ReferenceDate 2025-01-01
/// Compare-Object $all[5..9].Id $shard.Id</code>
///   <para>Makes a shard of records 5 to 9 apart from the whole run. Compare-Object prints nothing because the
///   shard equals the last five records of the run.</para>
/// </example>
/// <example title="Use your own primary care providers">
///   <code>$providers = New-MockProvider -Count 6 -Seed 1 -PrimaryCareShare 1
/// New-MockPatient -Count 25 -Seed 1 -Provider $providers | Group-Object PrimaryCareProvider -NoElement</code>
///   <para>Gives twenty-five patients primary care providers from six providers made beforehand, and counts the
///   patients of each provider.</para>
/// </example>
/// <example title="Write a users.json file">
///   <code>New-MockPatient -Count 50 -Verbose | Export-Json users.json -KeyProperty id</code>
///   <para>Writes fifty patients to users.json as one object keyed by patient id, the layout of the benchmark's
///   users.json. The verbose stream shows the seed that was drawn, to repeat the run with -Seed.</para>
/// </example>
/// </summary>
/// <seealso cref="NewMockProviderCommand"/>
/// <seealso cref="NewMockInsurancePolicyCommand"/>
/// <seealso cref="NewMockAppointmentCommand"/>
/// <seealso cref="NewMockDatasetCommand"/>
/// <seealso cref="ExportJsonCommand"/>
/// <seealso cref="ConvertToMockFlatObjectCommand"/>
/// <para type="link">about_HealthMock</para>
[Cmdlet(VerbsCommon.New, "MockPatient")]
[OutputType(typeof(Patient))]
public sealed class NewMockPatientCommand : PSCmdlet
{
    private const int ProgressId = 1;

    // Runs this long generate on a worker thread, ahead of the pipeline thread that writes the records. A few
    // hundred records wait at most, so few of them are still alive, and promoted, when a garbage collection runs.
    private const long BackgroundThreshold = 1000;

    private const int BackgroundBatch = 64;

    private const int BackgroundBatches = 4;

    private volatile bool _stopping;

    private volatile BackgroundGenerator<Patient>? _background;

    /// <summary>
    /// <para type="description">How many patients to generate. Use 0 to check the options without making
    /// records.</para>
    /// </summary>
    [Parameter(Position = 0)]
    [ValidateRange(0, long.MaxValue)]
    public long Count { get; set; } = 1;

    /// <summary>
    /// <para type="description">The index of the first record, counted from 0. Runs with the same seed and options
    /// and consecutive ranges of indexes are shards that join back into one run.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(0, long.MaxValue)]
    public long StartIndex { get; set; }

    /// <summary>
    /// <para type="description">The seed; the same seed, options and reference date give the same patients on any
    /// machine, operating system and culture. Without it a seed is drawn and written to the verbose
    /// stream.</para>
    /// </summary>
    /// <value>A drawn seed</value>
    [Parameter]
    public int? Seed { get; set; }

    /// <summary>
    /// <para type="description">The date ages and account creation dates are computed at. Only its date part is
    /// used. Pass it with -Seed to repeat a run on another day.</para>
    /// </summary>
    /// <value>Today</value>
    [Parameter]
    public DateTime? ReferenceDate { get; set; }

    /// <summary>
    /// <para type="description">The youngest age, in whole years at the reference date, from 0 to 120.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(0, PatientOptions.OldestAge)]
    public int MinAge { get; set; }

    /// <summary>
    /// <para type="description">The oldest age, in whole years at the reference date, from 0 to 120; not less than
    /// -MinAge.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(0, PatientOptions.OldestAge)]
    public int MaxAge { get; set; } = 90;

    /// <summary>
    /// <para type="description">The sexes to draw from. By default patients are mostly Female and Male, with about
    /// one in a hundred each Other and Unknown.</para>
    /// </summary>
    /// <value>Female, Male, Other, Unknown</value>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public Sex[]? Sex { get; set; }

    /// <summary>
    /// <para type="description">The US states to place patients in, as two-letter codes (OR) or names (Oregon),
    /// from the cities in the seeds. A state the seeds do not know stops the command with an UnknownState
    /// error. Press Tab to complete the codes.</para>
    /// </summary>
    /// <value>Every seeded state</value>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(StateCompleter))]
    public string[]? State { get; set; }

    /// <summary>
    /// <para type="description">The email domains to use instead of the domains reserved for documentation
    /// (example.com, example.org and example.net), so that no address reaches a real mailbox unless you choose
    /// one.</para>
    /// </summary>
    /// <value>example.com, example.org, example.net</value>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? EmailDomain { get; set; }

    /// <summary>
    /// <para type="description">The providers to draw primary care providers from (for example from
    /// New-MockProvider); only primary care providers are used, minors get pediatrics or family medicine and
    /// adults never a pediatrician. Without it, primary care providers come from New-MockProvider -Seed (this
    /// seed) -PrimaryCareShare 1.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public Provider[]? Provider { get; set; }

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
    protected override void ProcessRecord()
    {
        var seed = Seed ?? SeedSource.Draw();
        var options = new PatientOptions
        {
            Seed = seed,
            ReferenceDate = (ReferenceDate ?? DateTime.Today).Date,
            MinAge = MinAge,
            MaxAge = MaxAge,
            Sexes = Sex ?? Array.Empty<Sex>(),
            States = State ?? Array.Empty<string>(),
            EmailDomains = EmailDomain ?? Array.Empty<string>(),
            Providers = Provider,
        };
        var generator = CreateGenerator(this, ActiveSeeds.Resolve(this, SeedPath), options);
        var records = Count == 0 ? "no records" : $"records {StartIndex} to {StartIndex + (Count - 1)}";
        WriteVerbose(Seed.HasValue
            ? $"Seed {seed}, reference date {options.ReferenceDate:yyyy-MM-dd}, {records}."
            : $"Seed {seed} (drawn: pass -Seed {seed} to repeat this run), reference date "
                + $"{options.ReferenceDate:yyyy-MM-dd}, {records}.");
        var primaryCare = generator.PrimaryCarePool.Providers.Count;
        WriteVerbose(Provider is null
            ? $"Primary care providers: the first {primaryCare} of New-MockProvider -Seed {seed} -PrimaryCareShare 1."
            : $"Primary care providers: {primaryCare} of the {Provider.Length} providers given.");
        if ((ulong)StartIndex + (ulong)Count > generator.UniqueIdentityCount)
        {
            WriteWarning($"Only {generator.UniqueIdentityCount} patients with these ages can each have their own last "
                + "name and date of birth; later records repeat (name, date of birth) pairs.");
        }

        var progress = new ProgressThrottle(this, ProgressId, "New-MockPatient", "patients", Count);
        long made = 0;
        using var background = Count >= BackgroundThreshold && Environment.ProcessorCount > 1
            ? new BackgroundGenerator<Patient>(generator.Generate, StartIndex, Count, BackgroundBatch,
                BackgroundBatches)
            : null;
        _background = background;
        if (background is not null && NextCommand.Of(this) is ExportJsonCommand export)
        {
            // Each patient is new and goes to Export-Json alone, so it may be written on a second thread.
            export.WriteInBackground(typeof(Patient));
        }

        for (var index = StartIndex; index - StartIndex < Count && !_stopping; index++)
        {
            Patient? patient;
            if (background is null)
            {
                patient = generator.Generate(index);
            }
            else if (!background.TryTake(out patient))
            {
                break;
            }

            WriteObject(patient);
            progress.Report(++made);
        }

        progress.Complete();
    }

    /// <inheritdoc />
    protected override void StopProcessing()
    {
        _stopping = true;
        _background?.Cancel();
    }

    /// <summary>
    /// Creates the generator, or stops <paramref name="cmdlet"/> with the error id of the option that cannot be met;
    /// Export-MockPatient shares it.
    /// </summary>
    internal static PatientGenerator CreateGenerator(Cmdlet cmdlet, SeedCatalog seeds, PatientOptions options)
    {
        try
        {
            return new PatientGenerator(seeds, options);
        }
        catch (InvalidOptionException e)
        {
            var id = e.Option switch
            {
                nameof(PatientOptions.MinAge) or nameof(PatientOptions.MaxAge) => "InvalidAgeRange",
                nameof(PatientOptions.States) => "UnknownState",
                nameof(PatientOptions.EmailDomains) => "InvalidEmailDomain",
                _ => "InvalidReferenceDate",
            };
            cmdlet.ThrowTerminatingError(new ErrorRecord(e, id, ErrorCategory.InvalidArgument, e.Value));
            throw;
        }
        catch (PrimaryCarePoolException e)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(e, e.ErrorId, ErrorCategory.InvalidArgument, e.Value));
            throw;
        }
    }
}

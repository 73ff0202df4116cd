using System;
using System.Management.Automation;
using HealthMock.Generation;
using HealthMock.Seeds;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Generates mock providers, one record at a time, reproducibly from a seed.</para>
/// <para type="description">
/// New-MockProvider makes clinicians who can be primary care providers and take appointments: a name, a credential
/// (MD or DO, and in primary and urgent care sometimes NP or PA), a specialty from the seeds with its patient ages,
/// appointment types and visit reasons, a National Provider Identifier with a valid check digit, a clinic with an
/// invented name and an address whose city, state, ZIP prefix and phone area code agree, an email address on a
/// documentation domain, a weekly schedule (four or five days, slot lengths that fit the specialty's appointment
/// types), whether the provider accepts new patients, and the languages the provider consults in.
/// </para>
/// <para type="description">
/// Record i depends only on the seed, the options and i, so -Count 10 gives the first ten records of -Count 1000 with
/// the same seed. Ids have the form dr_last_specialty_NN, where NN is the record index plus one. Without -Seed a seed
/// is drawn and written to the verbose stream, so any run can be repeated. Providers are written to the pipeline as
/// they are made; runs of 10,000 or more show progress once they have run a second with two more to go, and Ctrl+C
/// stops a long run.
/// </para>
/// <para type="description">
/// Specialties, clinic names, cities and languages come from the seeds: those embedded in the module, or your own
/// folder given by -SeedPath or Set-MockSeedPath. Press Tab after -Specialty or -State to complete the values of
/// the seeds in effect.
/// </para>
/// <example title="Make providers from a seed">
///   <code>New-MockProvider -Count 10 -Seed 1</code>
///   <para>Makes ten providers, about four of them in primary care.</para>
/// </example>
/// <example title="Choose the specialties">
///   <code>New-MockProvider -Count 5 -Seed 2 -Specialty Cardiology, Dermatology</code>
///   <para>Makes five providers who are cardiologists or dermatologists.</para>
/// </example>
/// <example title="Make the primary care providers of your patients">
///   <code>$doctors = New-MockProvider -Count 10 -Seed 3 -PrimaryCareShare 1
/// New-MockPatient -Count 100 -Seed 3 -Provider $doctors</code>
///   <para>Makes ten primary care providers and a hundred patients whose primary care providers are among them.</para>
/// </example>
/// <example title="Find providers by language and state">
///   <code>New-MockProvider -Count 200 -Seed 4 -State CA, TX |
///     Where-Object { $_.Languages -contains 'Spanish' -and $_.AcceptingNewPatients } |
///     Group-Object Specialty -NoElement | Sort-Object Count -Descending</code>
///   <para>Makes two hundred providers with clinics in California or Texas and counts, by specialty, those who
///   consult in Spanish and accept new patients.</para>
/// </example>
/// </summary>
/// <seealso cref="NewMockPatientCommand"/>
/// <seealso cref="NewMockAppointmentCommand"/>
/// <seealso cref="NewMockDatasetCommand"/>
/// <seealso cref="ConvertToMockFlatObjectCommand"/>
/// <seealso cref="SetMockSeedPathCommand"/>
/// <para type="link">about_HealthMock</para>
[Cmdlet(VerbsCommon.New, "MockProvider")]
[OutputType(typeof(Provider))]
public sealed class NewMockProviderCommand : PSCmdlet
{
    private const int ProgressId = 2;

    private volatile bool _stopping;

    /// <summary>
    /// <para type="description">How many providers to generate.</para>
    /// </summary>
    [Parameter(Position = 0)]
    [ValidateRange(0, long.MaxValue / 2)]
    public long Count { get; set; } = 1;

    /// <summary>
    /// <para type="description">The index of the first record, so a large run can be made in shards that join
    /// back.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(0, long.MaxValue / 2)]
    public long StartIndex { get; set; }

    /// <summary>
    /// <para type="description">The seed; the same seed and options give the same providers. Without it a seed is
    /// drawn and written to the verbose stream.</para>
    /// </summary>
    /// <value>A drawn seed</value>
    [Parameter]
    public int? Seed { get; set; }

    /// <summary>
    /// <para type="description">The reference date of the run; today by default. Providers do not depend on it; it
    /// is accepted so that every generator takes the same parameters, and is written to the verbose stream.</para>
    /// </summary>
    /// <value>Today</value>
    [Parameter]
    public DateTime? ReferenceDate { get; set; }

    /// <summary>
    /// <para type="description">The specialties to draw from, by name (such as 'Family Medicine') or slug (such as
    /// family_medicine); every seeded specialty by default. Press Tab to complete the names.</para>
    /// </summary>
    /// <value>Every seeded specialty</value>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SpecialtyCompleter))]
    public string[]? Specialty { get; set; }

    /// <summary>
    /// <para type="description">The share of providers, from 0 to 1, drawn from primary care specialties (0.4 by
    /// default); the rest come from the other specialties. Use 1 for primary care providers only.</para>
    /// </summary>
    /// <value>0.4</value>
    [Parameter]
    public double? PrimaryCareShare { get; set; }

    /// <summary>
    /// <para type="description">The US states to place clinics in, as two-letter codes (OR) or names (Oregon);
    /// every seeded state by default. Press Tab to complete the codes.</para>
    /// </summary>
    /// <value>Every seeded state</value>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(StateCompleter))]
    public string[]? State { get; set; }

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
        var referenceDate = (ReferenceDate ?? DateTime.Today).Date;
        var options = new ProviderOptions
        {
            Seed = seed,
            Specialties = Specialty ?? Array.Empty<string>(),
            PrimaryCareShare = PrimaryCareShare,
            States = State ?? Array.Empty<string>(),
        };
        var generator = CreateGenerator(ActiveSeeds.Resolve(this, SeedPath), options);
        var records = Count == 0 ? "no records" : $"records {StartIndex} to {StartIndex + (Count - 1)}";
        WriteVerbose(Seed.HasValue
            ? $"Seed {seed}, reference date {referenceDate:yyyy-MM-dd}, {records}."
            : $"Seed {seed} (drawn: pass -Seed {seed} to repeat this run), reference date "
                + $"{referenceDate:yyyy-MM-dd}, {records}.");
        if (StartIndex + Count > ProviderGenerator.UniqueNpiCount)
        {
            WriteWarning($"Only {ProviderGenerator.UniqueNpiCount} providers can each have their own NPI; later "
                + "records repeat NPIs.");
        }

        var progress = new ProgressThrottle(this, ProgressId, "New-MockProvider", "providers", Count);
        long made = 0;
        for (var index = StartIndex; index < StartIndex + Count && !_stopping; index++)
        {
            WriteObject(generator.Generate(index));
            progress.Report(++made);
        }

        progress.Complete();
    }

    /// <inheritdoc />
    protected override void StopProcessing()
    {
        _stopping = true;
    }

    private ProviderGenerator CreateGenerator(SeedCatalog seeds, ProviderOptions options)
    {
        try
        {
            return new ProviderGenerator(seeds, options);
        }
        catch (InvalidOptionException e)
        {
            var id = e.Option switch
            {
                nameof(ProviderOptions.Specialties) => "UnknownSpecialty",
                nameof(ProviderOptions.PrimaryCareShare) => "InvalidPrimaryCareShare",
                _ => "UnknownState",
            };
            ThrowTerminatingError(new ErrorRecord(e, id, ErrorCategory.InvalidArgument, e.Value));
            throw;
        }
    }
}

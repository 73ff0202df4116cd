using System;
using System.Management.Automation;
using HealthMock.Generation;

namespace HealthMock.Commands;

/// <summary>
/// The parameters that choose which patients are made, shared by New-MockPatient and Export-MockPatient, and the
/// generator they give. Each cmdlet declares the rest itself: -Count, which sits at another position in each, and
/// what it does with the patients.
/// </summary>
public abstract class PatientOptionsCommand : PSCmdlet
{
    // Runs this long generate on a worker thread, ahead of the pipeline thread that writes the records. A few
    // hundred records wait at most, so few of them are still alive, and promoted, when a garbage collection runs.
    private const long BackgroundThreshold = 1000;

    private const int BackgroundBatch = 64;

    private const int BackgroundBatches = 4;

    private protected PatientOptionsCommand()
    {
    }

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

    /// <summary>
    /// Makes the generator of these parameters, with -Seed or a drawn seed, or stops the cmdlet with the error id of
    /// the option that cannot be met.
    /// </summary>
    /// <param name="options">The options the generator was made with, its seed and reference date among them.</param>
    private protected PatientGenerator CreateGenerator(out PatientOptions options)
    {
        options = new PatientOptions
        {
            Seed = Seed ?? SeedSource.Draw(),
            ReferenceDate = (ReferenceDate ?? DateTime.Today).Date,
            MinAge = MinAge,
            MaxAge = MaxAge,
            Sexes = Sex ?? Array.Empty<Sex>(),
            States = State ?? Array.Empty<string>(),
            EmailDomains = EmailDomain ?? Array.Empty<string>(),
            Providers = Provider,
        };
        var seeds = ActiveSeeds.Resolve(this, SeedPath);
        PatientGenerator generator;
        try
        {
            generator = new PatientGenerator(seeds, options);
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
            ThrowTerminatingError(new ErrorRecord(e, id, ErrorCategory.InvalidArgument, e.Value));
            throw;
        }
        catch (PrimaryCarePoolException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, e.ErrorId, ErrorCategory.InvalidArgument, e.Value));
            throw;
        }

        return generator;
    }

    /// <summary>
    /// Warns when <paramref name="count"/> patients from -StartIndex on cannot each have their own last name and
    /// date of birth.
    /// </summary>
    private protected void WarnOfRepeatedIdentities(PatientGenerator generator, long count)
    {
        if ((ulong)StartIndex + (ulong)count > generator.UniqueIdentityCount)
        {
            WriteWarning($"Only {generator.UniqueIdentityCount} patients with these ages can each have their own last "
                + "name and date of birth; later records repeat (name, date of birth) pairs.");
        }
    }

    /// <summary>
    /// Starts generating <paramref name="count"/> patients from -StartIndex on a worker thread when the run is long
    /// enough to gain from it and there is a second processor; otherwise returns <see langword="null"/>, and the
    /// cmdlet generates each patient itself.
    /// </summary>
    private protected BackgroundGenerator<Patient>? StartBackground(PatientGenerator generator, long count) =>
        count >= BackgroundThreshold && Environment.ProcessorCount > 1
            ? new BackgroundGenerator<Patient>(generator.Generate, StartIndex, count, BackgroundBatch,
                BackgroundBatches)
            : null;
}

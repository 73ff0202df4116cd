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
/// Record i depends only on the seed, the options and i, so -Count 10 gives the first ten records of -Count 1000
/// with the same seed. Ids have the form dr_last_specialty_NN, where NN is the record index plus one.
/// </para>
/// <example>
///   <code>New-MockProvider -Count 10 -Seed 1</code>
///   <para>Makes ten providers, about four of them in primary care.</para>
/// </example>
/// <example>
///   <code>New-MockProvider -Count 5 -Seed 2 -Specialty Cardiology, Dermatology</code>
///   <para>Makes five providers who are cardiologists or dermatologists.</para>
/// </example>
/// <example>
///   <code>$doctors = New-MockProvider -Count 10 -Seed 3 -PrimaryCareShare 1
/// New-MockPatient -Count 100 -Seed 3 -Provider $doctors</code>
///   <para>Makes ten primary care providers and a hundred patients whose primary care providers are among them.</para>
/// </example>
/// </summary>
[Cmdlet(VerbsCommon.New, "MockProvider")]
[OutputType(typeof(Provider))]
public sealed class NewMockProviderCommand : PSCmdlet
{
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
    [Parameter]
    public int? Seed { get; set; }

    /// <summary>
    /// <para type="description">The reference date of the run; today by default. Providers do not depend on it; it
    /// is accepted so that every generator takes the same parameters, and is written to the verbose stream.</para>
    /// </summary>
    [Parameter]
    public DateTime? ReferenceDate { get; set; }

    /// <summary>
    /// <para type="description">The specialties to draw from, by name (such as 'Family Medicine') or slug (such as
    /// family_medicine); every seeded specialty by default. Press Tab to complete the names.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SpecialtyCompleter))]
    public string[]? Specialty { get; set; }

    /// <summary>
    /// <para type="description">The share of providers, from 0 to 1, drawn from primary care specialties (0.4 by
    /// default); the rest come from the other specialties. Use 1 for primary care providers only.</para>
    /// </summary>
    [Parameter]
    public double? PrimaryCareShare { get; set; }

    /// <summary>
    /// <para type="description">The US states to place clinics in, as two-letter codes or names; every seeded state
    /// by default.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? State { get; set; }

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
        var generator = CreateGenerator(options);
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

        for (var index = StartIndex; index < StartIndex + Count && !_stopping; index++)
        {
            WriteObject(generator.Generate(index));
        }
    }

    /// <inheritdoc />
    protected override void StopProcessing()
    {
        _stopping = true;
    }

    private ProviderGenerator CreateGenerator(ProviderOptions options)
    {
        try
        {
            return new ProviderGenerator(SeedCatalog.Default, options);
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

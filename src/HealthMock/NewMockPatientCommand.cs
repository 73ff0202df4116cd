using System;
using System.Management.Automation;
using HealthMock.Generation;
using HealthMock.Seeds;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Generates mock patients, one record at a time, reproducibly from a seed.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "MockPatient")]
[OutputType(typeof(Patient))]
public sealed class NewMockPatientCommand : PSCmdlet
{
    private volatile bool _stopping;

    /// <summary>How many patients to generate.</summary>
    [Parameter(Position = 0)]
    [ValidateRange(0, long.MaxValue)]
    public long Count { get; set; } = 1;

    /// <summary>The index of the first record, so a large run can be made in shards that join back.</summary>
    [Parameter]
    [ValidateRange(0, long.MaxValue)]
    public long StartIndex { get; set; }

    /// <summary>The seed; the same seed, options and reference date give the same patients.</summary>
    [Parameter]
    public int? Seed { get; set; }

    /// <summary>The date ages are computed at; today by default.</summary>
    [Parameter]
    public DateTime? ReferenceDate { get; set; }

    /// <summary>The youngest age at the reference date.</summary>
    [Parameter]
    [ValidateRange(0, PatientOptions.OldestAge)]
    public int MinAge { get; set; }

    /// <summary>The oldest age at the reference date.</summary>
    [Parameter]
    [ValidateRange(0, PatientOptions.OldestAge)]
    public int MaxAge { get; set; } = 90;

    /// <summary>The sexes to draw from.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public Sex[]? Sex { get; set; }

    /// <summary>The US states to place patients in, as two-letter codes or names.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? State { get; set; }

    /// <summary>The email domains to use instead of the reserved documentation domains.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? EmailDomain { get; set; }

    /// <summary>
    /// The providers to draw primary care providers from (for example from New-MockProvider); only primary care
    /// providers are used, minors get pediatrics or family medicine and adults never a pediatrician. Without it,
    /// primary care providers come from New-MockProvider -Seed (this seed) -PrimaryCareShare 1.
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public Provider[]? Provider { get; set; }

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
        var generator = CreateGenerator(options);
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

        for (var index = StartIndex; index - StartIndex < Count && !_stopping; index++)
        {
            WriteObject(generator.Generate(index));
        }
    }

    /// <inheritdoc />
    protected override void StopProcessing()
    {
        _stopping = true;
    }

    private PatientGenerator CreateGenerator(PatientOptions options)
    {
        try
        {
            return new PatientGenerator(SeedCatalog.Default, options);
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
    }
}

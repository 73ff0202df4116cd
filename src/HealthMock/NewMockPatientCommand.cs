using System;
using System.Management.Automation;
using HealthMock.Generation;

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
/// Record i depends only on the seed, the options and i, so -Count 10 gives the first ten records of -Count 1000 with
/// the same seed, and -StartIndex makes shards of a large run that join back into it. Without -Seed a seed is drawn and
/// written to the verbose stream with the reference date, so any run can be repeated. Patients are written to the
/// pipeline as they are made; runs of 10,000 or more show progress once they have run a second with two more to go, and
/// Ctrl+C stops a long run.
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
public sealed class NewMockPatientCommand : PatientOptionsCommand
{
    private const int ProgressId = 1;

    private volatile bool _stopping;

    private volatile BackgroundGenerator<Patient>? _background;

    /// <summary>
    /// <para type="description">How many patients to generate. Use 0 to check the options without making
    /// records.</para>
    /// </summary>
    [Parameter(Position = 0)]
    [ValidateRange(0, long.MaxValue)]
    public long Count { get; set; } = 1;

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var generator = CreateGenerator(out var options);
        var seed = options.Seed;
        var records = Count == 0 ? "no records" : $"records {StartIndex} to {StartIndex + (Count - 1)}";
        WriteVerbose(Seed.HasValue
            ? $"Seed {seed}, reference date {options.ReferenceDate:yyyy-MM-dd}, {records}."
            : $"Seed {seed} (drawn: pass -Seed {seed} to repeat this run), reference date "
                + $"{options.ReferenceDate:yyyy-MM-dd}, {records}.");
        var primaryCare = generator.PrimaryCarePool.Providers.Count;
        WriteVerbose(Provider is null
            ? $"Primary care providers: the first {primaryCare} of New-MockProvider -Seed {seed} -PrimaryCareShare 1."
            : $"Primary care providers: {primaryCare} of the {Provider.Length} providers given.");
        WarnOfRepeatedIdentities(generator, Count);

        var progress = new ProgressThrottle(this, ProgressId, "New-MockPatient", "patients", Count);
        long made = 0;
        using var background = StartBackground(generator, Count);
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
}

using System;
using System.Globalization;
using System.Management.Automation;
using HealthMock.Generation;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Books mock appointments for the patients piped in, with the providers given.</para>
/// <para type="description">
/// New-MockAppointment gives each patient from the pipeline -Count appointments (or a count drawn from
/// -CountRange) with providers from -Provider that can see the patient: the provider's specialty sees the
/// patient's age and sex (a pediatric provider sees only minors), and the appointment type is one the specialty
/// offers at that age. About half the visits are primary care ones, mostly with the patient's own primary care
/// provider when it is among the providers given; the others go to specialists.
/// </para>
/// <para type="description">
/// Patients are seen close to home. When some provider given has its clinic in the patient's state and can see the
/// patient, every in-person appointment of that patient is with a provider in that state, and specialists only in
/// other states see the patient by telehealth; a provider elsewhere is booked in person only when every provider in
/// the patient's state who can see the patient is fully booked. A patient whom no provider in its state can see is
/// booked with any of the providers given. To keep patients and providers in the same states, pass the same -State
/// to New-MockPatient and New-MockProvider, or use New-MockDataset.
/// </para>
/// <para type="description">
/// Each appointment starts on a slot of the provider's weekly schedule, on a working day and in the clinic's UTC
/// offset, and ends by closing time; no provider and no patient gets two active appointments that overlap, across
/// all the patients of one call. Appointments fall from twelve months before to three months after the reference
/// date: earlier ones are completed, canceled or no-shows; later ones are scheduled, confirmed or canceled.
/// Canceled ones, and only those, carry a cancellation reason and date, between the booking and the start. An
/// appointment is booked before it starts, never after the reference date, and never before the patient was born.
/// </para>
/// <para type="description">
/// Visit category and copay: the category is the appointment type's, from the specialties seeds (primary care,
/// specialist, urgent care, or telehealth for a Telehealth Visit), whatever the mode: a follow-up held by
/// telehealth is billed in its specialty's category. Pass -Policy (the output of
/// New-MockInsurancePolicy) to charge copays: the patient's policy is found by the patient's
/// InsurancePolicyNumber, else by its PatientId; the copay is the policy's copay for the visit category when the
/// policy is in force on the appointment's date, and null otherwise.
/// </para>
/// <para type="description">
/// Ids are apt_ and a number from -StartIndex plus one (apt_000001 by default), unique within one call. A call
/// knows only its own bookings: to combine the appointments of several calls, give each call its own range of
/// numbers with -StartIndex (the verbose stream ends with the -StartIndex the next call can use). Bookings of
/// separate calls are not checked against each other, so a provider or patient given to two calls may be double
/// booked: give each call providers and patients of its own, or book everything in one call (or New-MockDataset).
/// </para>
/// <para type="description">
/// Without -Seed a seed is drawn and written to the verbose stream. Appointments are written as each patient's are
/// booked; runs of 10,000 appointments or more show progress once they have run a second with two more to go, and
/// Ctrl+C stops a long run. The specialties' appointment types and visit reasons come from the seeds in effect
/// (-SeedPath, Set-MockSeedPath or the seeds embedded in the module), which must be those the providers were made from.
/// </para>
/// <example title="Book appointments for patients">
///   <code>$providers = New-MockProvider -Count 10 -Seed 4
/// New-MockPatient -Count 50 -Seed 4 -Provider $providers |
///     New-MockAppointment -Provider $providers -Count 3 -Seed 4</code>
///   <para>Books three appointments for each of fifty patients with ten providers.</para>
/// </example>
/// <example title="Charge copays from the patients' policies">
///   <code>$providers = New-MockProvider -Count 10 -Seed 2
/// $patients = New-MockPatient -Count 20 -Seed 2 -Provider $providers
/// $policies = $patients | New-MockInsurancePolicy -Seed 2
/// $patients | New-MockAppointment -Provider $providers -Policy $policies -CountRange 0, 4 -Seed 2</code>
///   <para>Insures twenty patients, then books from none to four appointments each, with copays from their
///   policies.</para>
/// </example>
/// <example title="Look at the week ahead">
///   <code>$providers = New-MockProvider -Count 8 -Seed 3
/// $appointments = New-MockPatient -Count 100 -Seed 3 -Provider $providers -ReferenceDate 2026-06-01 |
///     New-MockAppointment -Provider $providers -Count 2 -Seed 3 -ReferenceDate 2026-06-01
/// $appointments | Where-Object { $_.Start -ge [datetime]'2026-06-01' -and $_.Start -lt [datetime]'2026-06-08' } |
///     Sort-Object Start | Format-Table</code>
///   <para>Books two appointments for each of a hundred patients and lists those of the week after the reference
///   date in the order they start.</para>
/// </example>
/// <example title="Combine two calls without id collisions">
///   <code>$adultCare = New-MockProvider -Count 3 -Seed 5 -Specialty 'Primary Care' -State OR
/// $childCare = New-MockProvider -Count 3 -StartIndex 3 -Seed 5 -Specialty Pediatrics -State OR
/// $adults = New-MockPatient -Count 10 -Seed 5 -MinAge 18 -State OR -Provider $adultCare
/// $children = New-MockPatient -Count 10 -StartIndex 10 -Seed 5 -MaxAge 17 -State OR -Provider $childCare
/// $first = $adults | New-MockAppointment -Provider $adultCare -Count 2 -Seed 5
/// $second = $children | New-MockAppointment -Provider $childCare -Count 2 -Seed 5 -StartIndex $first.Count
/// ($first + $second).Id | Sort-Object -Unique | Measure-Object</code>
///   <para>Books adults and children in two calls with providers and patients of their own; the second call
///   numbers its appointments from apt_000021, after the twenty of the first, so the forty ids are distinct.</para>
/// </example>
/// </summary>
/// <seealso cref="NewMockPatientCommand"/>
/// <seealso cref="NewMockProviderCommand"/>
/// <seealso cref="NewMockInsurancePolicyCommand"/>
/// <seealso cref="NewMockDatasetCommand"/>
/// <para type="link">about_HealthMock</para>
[Cmdlet(VerbsCommon.New, "MockAppointment", DefaultParameterSetName = CountSet)]
[OutputType(typeof(Appointment))]
public sealed class NewMockAppointmentCommand : PSCmdlet
{
    private const string CountSet = "Count";

    private const string RangeSet = "CountRange";

    private const int ProgressId = 4;

    private volatile bool _stopping;

    private ProgressThrottle? _progress;

    // Buffered state: the generator keeps every booking of this call, so no provider or patient is double booked.
    private AppointmentGenerator? _generator;

    private long _next;

    /// <summary>
    /// <para type="description">The patient to book appointments for, usually from the pipeline (from
    /// New-MockPatient).</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public Patient? Patient { get; set; }

    /// <summary>
    /// <para type="description">The providers to book with (from New-MockProvider). Every one must have a specialty
    /// from the seeds, a usable weekly schedule and a clinic UTC offset.</para>
    /// </summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public Provider[]? Provider { get; set; }

    /// <summary>
    /// <para type="description">How many appointments to book per patient; 1 by default.</para>
    /// </summary>
    [Parameter(ParameterSetName = CountSet)]
    [ValidateRange(0, AppointmentOptions.MostPerPatient)]
    public int Count { get; set; } = 1;

    /// <summary>
    /// <para type="description">The fewest and the most appointments per patient, as two numbers; each patient gets
    /// a count drawn from that range.</para>
    /// </summary>
    /// <value>None: -Count applies</value>
    [Parameter(Mandatory = true, ParameterSetName = RangeSet)]
    [ValidateCount(2, 2)]
    [ValidateRange(0, AppointmentOptions.MostPerPatient)]
    public int[]? CountRange { get; set; }

    /// <summary>
    /// <para type="description">The insurance policies that set copays (from New-MockInsurancePolicy). Without
    /// them no copay is charged.</para>
    /// </summary>
    /// <value>None: no copay is charged</value>
    [Parameter]
    [AllowEmptyCollection]
    public InsurancePolicy[]? Policy { get; set; }

    /// <summary>
    /// <para type="description">The index of the first appointment, counted from 0: the first id is apt_ and
    /// -StartIndex plus one. Give calls whose appointments will be combined ranges that do not overlap, such as
    /// -StartIndex 1000 for a call after one that booked fewer than a thousand.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(0, AppointmentOptions.MostStartIndex)]
    public long StartIndex { get; set; }

    /// <summary>
    /// <para type="description">The seed; the same seed, options, reference date, providers, policies and patients
    /// in the same order give the same appointments. Without it a seed is drawn and written to the verbose
    /// stream.</para>
    /// </summary>
    /// <value>A drawn seed</value>
    [Parameter]
    public int? Seed { get; set; }

    /// <summary>
    /// <para type="description">The date that splits past from future appointments; today by default. Use the
    /// reference date the patients were made with.</para>
    /// </summary>
    /// <value>Today</value>
    [Parameter]
    public DateTime? ReferenceDate { get; set; }

    /// <summary>
    /// <para type="description">A seeds folder of your own, relative to the current location, whose seeds files
    /// replace the embedded ones of the same name for this command; use the seeds the providers were made from.
    /// Without it the folder set with Set-MockSeedPath is used, else the seeds embedded in the module.</para>
    /// </summary>
    /// <value>The session's seeds (Get-MockSeedPath)</value>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SeedPath { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        var seed = Seed ?? SeedSource.Draw();
        var options = new AppointmentOptions
        {
            Seed = seed,
            ReferenceDate = (ReferenceDate ?? DateTime.Today).Date,
            MinPerPatient = CountRange?[0] ?? Count,
            MaxPerPatient = CountRange?[1] ?? Count,
            StartIndex = StartIndex,
        };
        var seeds = ActiveSeeds.Resolve(this, SeedPath);
        try
        {
            _generator = new AppointmentGenerator(seeds, options, Provider!, Policy);
        }
        catch (InvalidOptionException e)
        {
            var id = e.Option switch
            {
                nameof(AppointmentOptions.MinPerPatient) or nameof(AppointmentOptions.MaxPerPatient) =>
                    "InvalidCountRange",
                nameof(AppointmentOptions.ReferenceDate) => "InvalidReferenceDate",
                nameof(AppointmentOptions.StartIndex) => "InvalidStartIndex",
                _ => "InvalidProvider",
            };
            ThrowTerminatingError(new ErrorRecord(e, id, ErrorCategory.InvalidArgument, e.Value));
        }

        WriteVerbose((Seed.HasValue ? $"Seed {seed}" : $"Seed {seed} (drawn: pass -Seed {seed} to repeat this run)")
            + $", reference date {options.ReferenceDate:yyyy-MM-dd}, {options.MinPerPatient} to "
            + $"{options.MaxPerPatient} appointments per patient with {Provider!.Length} provider(s), ids from "
            + $"{AppointmentGenerator.AppointmentId(StartIndex + 1)}.");
        WriteDebug($"Copays from {Policy?.Length ?? 0} policy(ies); every booking of this call is kept to avoid "
            + "overlaps.");
        _progress = new ProgressThrottle(this, ProgressId, "New-MockAppointment", "appointments", -1,
            done => string.Format(CultureInfo.InvariantCulture, "{0:N0} appointments for {1:N0} patients", done,
                _next + 1));
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (_stopping || Patient is null)
        {
            return;
        }

        try
        {
            foreach (var appointment in _generator!.Generate(_next, Patient))
            {
                WriteObject(appointment);
            }

            _progress!.Report(_generator.Count);
        }
        catch (RecordException e)
        {
            var category = e.ErrorId == "NoFreeSlot" ? ErrorCategory.LimitsExceeded : ErrorCategory.ObjectNotFound;
            WriteError(new ErrorRecord(e, e.ErrorId, category, e.Target));
        }

        _next++;
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        _progress!.Complete();
        WriteVerbose($"Booked {_generator!.Count} appointment(s) for {_next} patient(s); a call whose appointments "
            + $"join these can start at -StartIndex {_generator.NextIndex}.");
    }

    /// <inheritdoc />
    protected override void StopProcessing()
    {
        _stopping = true;
    }
}

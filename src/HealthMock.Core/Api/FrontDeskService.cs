using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using HealthMock.Json;
using HealthMock.Seeds;

namespace HealthMock.Api;

/// <summary>
/// The front desk of a mock clinic over one dataset: finds patients, reads patients, providers, appointments and
/// policies, lists free slots, and schedules, reschedules and cancels appointments with the rules a real front
/// desk enforces, and estimates what a visit will cost. The PowerShell cmdlets and the HTTP service both use it.
/// </summary>
/// <remarks>
/// <para>The service's current time is fixed by default: the last minute of the dataset's reference date in each
/// clinic's local time, so answers are the same on every run; <see cref="FrontDeskOptions.Clock"/> replaces it.
/// Only appointments that start after it can be booked, moved or canceled.</para>
/// <para>Every refusal is a <see cref="FrontDeskException"/> with a stable code. Every change is checked twice:
/// by the front-desk rules, then by <see cref="DatasetValidator"/> on the records it touches, and refused with
/// rule_violation if it would break a consistency rule the dataset kept. A refused change changes nothing.</para>
/// <para>Over a folder, each change is saved before it is answered: appointments.json and manifest.json are
/// written aside and renamed into place. Calls are serialized per folder within a process, and a lock file
/// (healthmock.lock) serializes changes across processes; a service notices when another writer changed the
/// folder and reads it again before answering. So of many simultaneous requests for one slot exactly one
/// succeeds, and no update is lost.</para>
/// </remarks>
public sealed class FrontDeskService
{
    private const int MaxReasonLength = 200;

    private const int MaxSlotDays = 62;

    private const int AdultAge = 18;

    private static readonly ConcurrentDictionary<string, object> FolderGates =
        new ConcurrentDictionary<string, object>(StringComparer.Ordinal);

    private readonly object _gate;
    private readonly FrontDeskOptions _options;
    private readonly SeedCatalog _seeds;
    private readonly DatasetFolderStore? _store;
    private readonly DatasetValidator _validator;
    private MockDataset _dataset;
    private DatasetManifest? _manifest;
    private DatasetFolderStore.FolderStamp _stamp;
    private FrontDeskIndex _index;

    /// <summary>
    /// Creates a service over a dataset held in memory, such as the output of New-MockDataset. Changes are made to
    /// that object (appointments are replaced, never edited in place) and saved nowhere.
    /// </summary>
    public FrontDeskService(MockDataset dataset, FrontDeskOptions? options = null)
        : this(dataset ?? throw new ArgumentNullException(nameof(dataset)), options, null, null)
    {
    }

    private FrontDeskService(MockDataset dataset, FrontDeskOptions? options, DatasetFolderStore? store,
        DatasetManifest? manifest)
    {
        _options = options ?? new FrontDeskOptions();
        _store = store;
        _manifest = manifest;
        _dataset = dataset;
        _gate = store is null ? new object() : FolderGates.GetOrAdd(GateKey(store.Root), _ => new object());
        _seeds = _options.Seeds ?? SeedCatalog.Default;
        _validator = new DatasetValidator(_seeds, new DatasetValidatorOptions());
        _index = new FrontDeskIndex(dataset);
        if (store is not null)
        {
            _stamp = store.Stamp();
        }
    }

    /// <summary>The full path of the dataset folder, or null for a dataset held in memory.</summary>
    public string? Folder => _store?.Root;

    /// <summary>The dataset's reference date.</summary>
    public DateTime ReferenceDate
    {
        get
        {
            lock (_gate)
            {
                return _dataset.ReferenceDate.Date;
            }
        }
    }

    /// <summary>
    /// Opens the dataset folder <paramref name="folder"/> (a full or relative file-system path), as written by
    /// Export-MockDataset.
    /// </summary>
    /// <exception cref="DatasetFileException">The folder or a file is missing, or a file is malformed.</exception>
    public static FrontDeskService Open(string folder, FrontDeskOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            throw new ArgumentException("Expected the path of a dataset folder.", nameof(folder));
        }

        var store = new DatasetFolderStore(Path.GetFullPath(folder));
        lock (FolderGates.GetOrAdd(GateKey(store.Root), _ => new object()))
        {
            var (dataset, manifest) = store.Load();
            return new FrontDeskService(dataset, options, store, manifest);
        }
    }

    /// <summary>Returns the folder, seed, reference date and record counts of the dataset served.</summary>
    public FrontDeskSummary Summarize() => Read(() => new FrontDeskSummary
    {
        Folder = Folder,
        Seed = _dataset.Seed,
        ReferenceDate = _dataset.ReferenceDate.Date,
        Patients = _dataset.Patients.Count,
        Providers = _dataset.Providers.Count,
        Policies = _dataset.Policies.Count,
        Appointments = _dataset.Appointments.Count,
    });

    /// <summary>
    /// Returns the service's current date: the reference date, or the clock's date when a clock was given.
    /// </summary>
    public DateTime CurrentDate() => Read(() => Today());

    /// <summary>Finds the one patient with <paramref name="email"/>, ignoring case.</summary>
    /// <exception cref="FrontDeskException">not_found, ambiguous_match or invalid_argument.</exception>
    public Patient FindPatientByEmail(string email)
    {
        var wanted = Required(email, "email");
        return Read(() =>
        {
            _index.Emails.TryGetValue(wanted, out var matches);
            return One(matches, $"No patient has the email '{wanted}'.",
                $"The email '{wanted}' belongs to more than one patient", wanted);
        });
    }

    /// <summary>
    /// Finds the one patient with this first name, last name and date of birth. Names match ignoring case, and
    /// ignoring accents when nothing matches with them (Nunez finds Núñez).
    /// </summary>
    /// <exception cref="FrontDeskException">not_found, ambiguous_match or invalid_argument.</exception>
    public Patient FindPatientByNameAndDateOfBirth(string firstName, string lastName, DateTime dateOfBirth)
    {
        var first = Required(firstName, "first_name");
        var last = Required(lastName, "last_name");
        var dob = dateOfBirth.Date;
        var who = $"{first} {last} born {Day(dob)}";
        return Read(() =>
        {
            _index.Births.TryGetValue(dob, out var born);
            born ??= new List<Patient>();
            var matches = born.Where(p => SameName(p.FirstName, first) && SameName(p.LastName, last)).ToList();
            if (matches.Count == 0)
            {
                matches = born.Where(p => SameFolded(p.FirstName, first) && SameFolded(p.LastName, last)).ToList();
            }

            return One(matches, $"No patient is named {who}.", $"More than one patient is named {who}", who);
        });
    }

    /// <summary>Returns the patient with this id.</summary>
    /// <exception cref="FrontDeskException">not_found or invalid_argument.</exception>
    public Patient GetPatient(string patientId)
    {
        var id = Required(patientId, "patient_id");
        return Read(() => RequirePatient(id));
    }

    /// <summary>Returns the provider with this id.</summary>
    /// <exception cref="FrontDeskException">not_found or invalid_argument.</exception>
    public Provider GetProvider(string providerId)
    {
        var id = Required(providerId, "provider_id");
        return Read(() => RequireProvider(id));
    }

    /// <summary>Returns the appointment with this id.</summary>
    /// <exception cref="FrontDeskException">not_found or invalid_argument.</exception>
    public Appointment GetAppointment(string appointmentId)
    {
        var id = Required(appointmentId, "appointment_id");
        return Read(() => RequireAppointment(id).Appointment);
    }

    /// <summary>Returns the insurance policy with this policy number.</summary>
    /// <exception cref="FrontDeskException">not_found or invalid_argument.</exception>
    public InsurancePolicy GetInsurancePolicy(string policyNumber)
    {
        var number = Required(policyNumber, "policy_number");
        return Read(() => _index.Policies.TryGetValue(number, out var policy)
            ? policy
            : throw new FrontDeskException(FrontDeskErrorCode.NotFound,
                $"No insurance policy has the number '{number}'.", number));
    }

    /// <summary>Returns the insurance policy of the patient with this id.</summary>
    /// <exception cref="FrontDeskException">
    /// not_found (no such patient, or a patient without a policy) or invalid_argument.
    /// </exception>
    public InsurancePolicy GetPatientInsurance(string patientId)
    {
        var id = Required(patientId, "patient_id");
        return Read(() => PolicyOf(RequirePatient(id)) ?? throw new FrontDeskException(FrontDeskErrorCode.NotFound,
            $"Patient {id} has no insurance policy on file.", id));
    }

    /// <summary>
    /// Lists the appointments of a patient by start time, only those with one of <paramref name="statuses"/> when
    /// any are given.
    /// </summary>
    /// <exception cref="FrontDeskException">not_found or invalid_argument.</exception>
    public IReadOnlyList<Appointment> ListPatientAppointments(string patientId,
        IEnumerable<AppointmentStatus>? statuses = null)
    {
        var id = Required(patientId, "patient_id");
        var wanted = statuses?.ToArray() ?? Array.Empty<AppointmentStatus>();
        return Read(() =>
        {
            RequirePatient(id);
            return AppointmentsOf(_index.ByPatient, id)
                .Where(a => wanted.Length == 0 || wanted.Contains(a.Status))
                .OrderBy(a => a.Start.UtcTicks)
                .ThenBy(a => a.Id, StringComparer.Ordinal)
                .ToList();
        });
    }

    /// <summary>
    /// Lists the providers, only those of <paramref name="specialty"/> (a name such as Cardiology or a slug such as
    /// family_medicine, ignoring case) and only those whose <see cref="Provider.AcceptingNewPatients"/> equals
    /// <paramref name="acceptingNewPatients"/>, when given.
    /// </summary>
    /// <exception cref="FrontDeskException">invalid_argument for a specialty neither the seeds nor the dataset
    /// know.</exception>
    public IReadOnlyList<Provider> ListProviders(string? specialty = null, bool? acceptingNewPatients = null)
    {
        var wanted = string.IsNullOrWhiteSpace(specialty) ? null : specialty!.Trim();
        return Read(() =>
        {
            string? name = null;
            if (wanted is not null)
            {
                name = _seeds.FindSpecialty(wanted)?.Name
                    ?? _dataset.Providers.Select(p => p.Specialty)
                        .FirstOrDefault(s => string.Equals(s, wanted, StringComparison.OrdinalIgnoreCase))
                    ?? throw new FrontDeskException(FrontDeskErrorCode.InvalidArgument,
                        $"The specialty '{wanted}' is not known; expected one of "
                        + string.Join(", ", _dataset.Providers.Select(p => p.Specialty).Distinct()
                            .OrderBy(s => s, StringComparer.Ordinal)) + ".", wanted);
            }

            return _dataset.Providers
                .Where(p => name is null || string.Equals(p.Specialty, name, StringComparison.OrdinalIgnoreCase))
                .Where(p => acceptingNewPatients is null || p.AcceptingNewPatients == acceptingNewPatients)
                .ToList();
        });
    }

    /// <summary>
    /// Lists the free slots of a provider from <paramref name="from"/> to <paramref name="to"/> (clinic-local
    /// dates, both included; by default the current date and the six days after it, at most 62 days): the starts
    /// of the provider's weekly schedule after the current time that no active appointment of the provider
    /// overlaps. With <paramref name="appointmentType"/>, only starts where a whole appointment of that type fits;
    /// with <paramref name="patientId"/>, only starts the patient is free at too, and the type must suit the
    /// patient.
    /// </summary>
    /// <exception cref="FrontDeskException">
    /// not_found, invalid_argument, type_not_offered, age_not_served, sex_not_served or
    /// not_accepting_new_patients.
    /// </exception>
    public IReadOnlyList<AvailableSlot> ListAvailableSlots(string providerId, DateTime? from = null,
        DateTime? to = null, string? appointmentType = null, string? patientId = null)
    {
        var id = Required(providerId, "provider_id");
        var typeName = string.IsNullOrWhiteSpace(appointmentType) ? null : appointmentType!.Trim();
        var patientKey = string.IsNullOrWhiteSpace(patientId) ? null : patientId!.Trim();
        return Read(() =>
        {
            var provider = RequireProvider(id);
            var patient = patientKey is null ? null : RequirePatient(patientKey);
            AppointmentTypeSeed? type = null;
            if (typeName is not null)
            {
                var specialty = SpecialtyOf(provider);
                type = FindType(provider, specialty, typeName);
                if (patient is not null)
                {
                    CheckServes(patient, provider, specialty, type);
                }
            }

            if (patient is not null)
            {
                CheckAccepting(patient, provider);
            }

            var offset = OffsetOf(provider);
            var now = NowAt(offset);
            var first = (from ?? now.Date).Date;
            var last = (to ?? first.AddDays(6)).Date;
            if (last < first)
            {
                throw new FrontDeskException(FrontDeskErrorCode.InvalidArgument,
                    $"The range {Day(first)} to {Day(last)} ends before it starts; expected 'from' on or before "
                    + "'to'.", Day(last));
            }

            if ((last - first).TotalDays >= MaxSlotDays)
            {
                throw new FrontDeskException(FrontDeskErrorCode.InvalidArgument,
                    $"The range {Day(first)} to {Day(last)} is longer than {MaxSlotDays} days; expected a shorter "
                    + "range.", Day(last));
            }

            return FreeSlots(provider, patient, type, offset, now, first, last);
        });
    }

    /// <summary>
    /// Books an appointment: the start must be a slot of the provider's schedule after the current time, neither
    /// the provider nor the patient may have an overlapping active appointment, the type must be one the
    /// provider's specialty offers to a patient of this age and sex, and a provider who takes no new patients
    /// must have seen the patient before. The new appointment is scheduled, booked now, and charged the copay of
    /// the patient's policy for its visit category when the policy is in force on its date.
    /// </summary>
    /// <exception cref="FrontDeskException">A rule refused the booking; nothing was changed.</exception>
    public Appointment ScheduleAppointment(AppointmentRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var patientId = Required(request.PatientId, "patient_id");
        var providerId = Required(request.ProviderId, "provider_id");
        var typeName = Required(request.AppointmentType, "appointment_type");
        var reason = CheckReason(request.Reason);
        return Change(() =>
        {
            var patient = RequirePatient(patientId);
            var provider = RequireProvider(providerId);
            var appointment = PlanBooking(patient, provider, request.Start, typeName, request.Mode, reason, null);
            Commit(patient, provider, Array.Empty<(int, Appointment)>(), appointment);
            return appointment;
        });
    }

    /// <summary>
    /// Moves a scheduled or confirmed appointment that has not started to <paramref name="start"/>: books a new
    /// appointment of the same patient, provider, type, mode and reason under every rule of
    /// <see cref="ScheduleAppointment"/> (the old appointment does not count as a clash), and cancels the old
    /// one with the reason rescheduled, as one change.
    /// </summary>
    /// <exception cref="FrontDeskException">A rule refused the move; nothing was changed.</exception>
    public RescheduleResult RescheduleAppointment(string appointmentId, ClinicTime start)
    {
        var id = Required(appointmentId, "appointment_id");
        return Change(() =>
        {
            var (old, position) = RequireAppointment(id);
            var provider = RequireProvider(old.ProviderId);
            var patient = RequirePatient(old.PatientId);
            RequireChangeable(old, "rescheduled");
            if (start.At(OffsetOf(provider)) == old.Start)
            {
                throw new FrontDeskException(FrontDeskErrorCode.InvalidArgument,
                    $"Appointment {id} already starts at {Moment(old.Start)}; expected a different start.", start);
            }

            var fresh = PlanBooking(patient, provider, start, old.Type, old.Mode, old.Reason, old.Id);
            var canceled = Canceled(old, CancellationReasons.Rescheduled);
            Commit(patient, provider, new[] { (position, canceled) }, fresh);
            return new RescheduleResult(fresh, canceled);
        });
    }

    /// <summary>
    /// Cancels a scheduled or confirmed appointment that has not started, recording the reason (one of
    /// <see cref="CancellationReasons.All"/>) and the current time.
    /// </summary>
    /// <exception cref="FrontDeskException">
    /// invalid_reason, not_found, invalid_status or in_the_past; nothing was changed.
    /// </exception>
    public Appointment CancelAppointment(string appointmentId, string reason)
    {
        var id = Required(appointmentId, "appointment_id");
        var code = CancellationReasons.Normalize(reason) ?? throw new FrontDeskException(
            FrontDeskErrorCode.InvalidReason,
            $"The cancellation reason '{reason}' is not on the list; expected one of "
            + string.Join(", ", CancellationReasons.All) + " (an appointment is canceled as "
            + $"'{CancellationReasons.Rescheduled}' only by rescheduling it).", reason);
        return Change(() =>
        {
            var (old, position) = RequireAppointment(id);
            var provider = RequireProvider(old.ProviderId);
            var patient = RequirePatient(old.PatientId);
            RequireChangeable(old, "canceled");
            var canceled = Canceled(old, code);
            Commit(patient, provider, new[] { (position, canceled) }, null);
            return canceled;
        });
    }

    /// <summary>
    /// Estimates what a visit will cost the patient under the policy in force on its date, line by line (see
    /// <see cref="CostEstimator"/>). The visit is one of the patient's appointments, or a visit category, or a
    /// provider and one of its appointment types, on a date (by default the current date).
    /// </summary>
    /// <exception cref="FrontDeskException">not_found, invalid_argument or type_not_offered.</exception>
    public CostEstimate EstimateVisitCost(CostEstimateRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var patientId = Required(request.PatientId, "patient_id");
        return Read(() =>
        {
            var patient = RequirePatient(patientId);
            var policy = PolicyOf(patient);
            if (!string.IsNullOrWhiteSpace(request.AppointmentId))
            {
                if (request.VisitCategory is not null || !string.IsNullOrWhiteSpace(request.AppointmentType)
                    || !string.IsNullOrWhiteSpace(request.ProviderId) || request.Date is not null)
                {
                    throw new FrontDeskException(FrontDeskErrorCode.InvalidArgument,
                        "An appointment sets the visit's category, provider and date; expected appointment_id "
                        + "alone, or visit_category, provider_id, appointment_type and date without it.",
                        request.AppointmentId);
                }

                var appointment = RequireAppointment(request.AppointmentId!.Trim()).Appointment;
                if (!string.Equals(appointment.PatientId, patient.Id, StringComparison.Ordinal))
                {
                    throw new FrontDeskException(FrontDeskErrorCode.InvalidArgument,
                        $"Appointment {appointment.Id} belongs to patient {appointment.PatientId}, not {patient.Id}.",
                        appointment.Id);
                }

                var priced = CostEstimator.Estimate(patient.Id, policy, appointment.VisitCategory,
                    appointment.Start.Date, _options.CostTable);
                priced.AppointmentId = appointment.Id;
                priced.ProviderId = appointment.ProviderId;
                priced.AppointmentType = appointment.Type;
                return priced;
            }

            var category = request.VisitCategory;
            string? providerId = null;
            string? typeName = null;
            if (!string.IsNullOrWhiteSpace(request.AppointmentType) || !string.IsNullOrWhiteSpace(request.ProviderId))
            {
                var provider = RequireProvider(Required(request.ProviderId, "provider_id"));
                var type = FindType(provider, SpecialtyOf(provider), Required(request.AppointmentType,
                    "appointment_type"));
                if (category is not null && category != type.VisitCategory)
                {
                    throw new FrontDeskException(FrontDeskErrorCode.InvalidArgument,
                        $"A {type.Name} with {provider.Id} is a {Words(type.VisitCategory)} visit, not "
                        + $"{Words(category.Value)}; expected the same category or none.", category);
                }

                category = type.VisitCategory;
                providerId = provider.Id;
                typeName = type.Name;
            }

            if (category is null)
            {
                throw new FrontDeskException(FrontDeskErrorCode.InvalidArgument,
                    "Nothing says which visit to price; expected appointment_id, visit_category, or provider_id with "
                    + "appointment_type.");
            }

            var estimate = CostEstimator.Estimate(patient.Id, policy, category.Value, request.Date ?? Today(),
                _options.CostTable);
            estimate.ProviderId = providerId;
            estimate.AppointmentType = typeName;
            return estimate;
        });
    }

    private static string GateKey(string root)
    {
        var trimmed = root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return Path.DirectorySeparatorChar == '\\' ? trimmed.ToUpperInvariant() : trimmed;
    }

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new FrontDeskException(FrontDeskErrorCode.InvalidArgument,
                $"The argument '{name}' is missing or empty; expected a value.", name)
            : value!.Trim();

    private static string? CheckReason(string? reason)
    {
        var text = string.IsNullOrWhiteSpace(reason) ? null : reason!.Trim();
        if (text is not null && text.Length > MaxReasonLength)
        {
            throw new FrontDeskException(FrontDeskErrorCode.InvalidArgument,
                $"The reason for the visit has {text.Length} characters; expected at most {MaxReasonLength}.",
                text.Substring(0, 40) + "...");
        }

        return text;
    }

    private static Patient One(List<Patient>? matches, string none, string many, string target)
    {
        if (matches is null || matches.Count == 0)
        {
            throw new FrontDeskException(FrontDeskErrorCode.NotFound, none, target);
        }

        if (matches.Count > 1)
        {
            throw new FrontDeskException(FrontDeskErrorCode.AmbiguousMatch,
                $"{many} ({string.Join(", ", matches.Select(p => p.Id))}); expected exactly one match.", target);
        }

        return matches[0];
    }

    private static bool SameName(string? name, string wanted) =>
        string.Equals(name?.Trim(), wanted, StringComparison.OrdinalIgnoreCase);

    private static bool SameFolded(string? name, string wanted)
    {
        var folded = AsciiFolding.Fold(name ?? "");
        var foldedWanted = AsciiFolding.Fold(wanted);
        return folded is not null && foldedWanted is not null
            && string.Equals(folded, foldedWanted, StringComparison.OrdinalIgnoreCase);
    }

    private T Read<T>(Func<T> query)
    {
        lock (_gate)
        {
            Refresh();
            return query();
        }
    }

    private T Change<T>(Func<T> change)
    {
        lock (_gate)
        {
            using var folderLock = _store?.Lock(_options.LockTimeout);
            Refresh();
            return change();
        }
    }

    /// <summary>Reads the folder again when another writer replaced its appointments or manifest.</summary>
    private void Refresh()
    {
        if (_store is null || _store.Stamp().Equals(_stamp))
        {
            return;
        }

        try
        {
            var stamp = _store.Stamp();
            var (dataset, manifest) = _store.Load();
            _dataset = dataset;
            _manifest = manifest;
            _index = new FrontDeskIndex(dataset);
            _stamp = stamp;
        }
        catch (Exception e) when (e is DatasetFileException or IOException or UnauthorizedAccessException)
        {
            throw new FrontDeskException(FrontDeskErrorCode.StorageFailed,
                $"The dataset folder '{_store.Root}' changed on disk and cannot be read again: {e.Message}",
                _store.Root, e);
        }
    }

    private DateTime Today() =>
        _options.Clock is null ? _dataset.ReferenceDate.Date : _options.Clock().Date;

    /// <summary>
    /// The current time in a clinic's offset: the last minute of the reference date there, or the clock's time.
    /// </summary>
    private DateTimeOffset NowAt(TimeSpan offset) =>
        _options.Clock is null
            ? new DateTimeOffset(DateTime.SpecifyKind(_dataset.ReferenceDate.Date.AddDays(1).AddMinutes(-1),
                DateTimeKind.Unspecified), offset)
            : _options.Clock().ToOffset(offset);

    private Patient RequirePatient(string id) =>
        _index.Patients.TryGetValue(id, out var patient)
            ? patient
            : throw new FrontDeskException(FrontDeskErrorCode.NotFound, $"No patient has the id '{id}'.", id);

    private Provider RequireProvider(string id) =>
        _index.Providers.TryGetValue(id, out var provider)
            ? provider
            : throw new FrontDeskException(FrontDeskErrorCode.NotFound, $"No provider has the id '{id}'.", id);

    private (Appointment Appointment, int Position) RequireAppointment(string id) =>
        _index.Positions.TryGetValue(id, out var position)
            ? (_dataset.Appointments[position], position)
            : throw new FrontDeskException(FrontDeskErrorCode.NotFound, $"No appointment has the id '{id}'.", id);

    private InsurancePolicy? PolicyOf(Patient patient) =>
        !string.IsNullOrEmpty(patient.InsurancePolicyNumber)
        && _index.Policies.TryGetValue(patient.InsurancePolicyNumber!, out var policy)
            ? policy
            : null;

    private IEnumerable<Appointment> AppointmentsOf(Dictionary<string, List<int>> index, string key) =>
        index.TryGetValue(key, out var positions)
            ? positions.Select(p => _dataset.Appointments[p])
            : Enumerable.Empty<Appointment>();

    private SpecialtySeed SpecialtyOf(Provider provider) =>
        _seeds.FindSpecialty(provider.Specialty ?? "") ?? throw new FrontDeskException(
            FrontDeskErrorCode.TypeNotOffered,
            $"Provider {provider.Id} practises '{provider.Specialty}', which the seeds do not describe, so no "
            + "appointment type is known for it.", provider.Id);

    private static AppointmentTypeSeed FindType(Provider provider, SpecialtySeed specialty, string name) =>
        specialty.AppointmentTypes.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new FrontDeskException(FrontDeskErrorCode.TypeNotOffered,
            $"Provider {provider.Id} ({specialty.Name}) does not offer '{name}'; expected one of "
            + string.Join(", ", specialty.AppointmentTypes.Select(t => t.Name)) + ".", name);

    /// <summary>The specialty and the type must see patients of this age (at the reference date) and sex.</summary>
    private void CheckServes(Patient patient, Provider provider, SpecialtySeed specialty, AppointmentTypeSeed type)
    {
        var age = DatasetValidator.AgeAt(patient.DateOfBirth, _dataset.ReferenceDate.Date);
        var pediatric = specialty.Name.IndexOf("pediatric", StringComparison.OrdinalIgnoreCase) >= 0;
        if ((pediatric && age >= AdultAge) || !specialty.Serves(age))
        {
            throw new FrontDeskException(FrontDeskErrorCode.AgeNotServed,
                $"Provider {provider.Id} practises {specialty.Name}, which sees patients aged {specialty.MinAge} to "
                + $"{(pediatric ? Math.Min(specialty.MaxAge, AdultAge - 1) : specialty.MaxAge)}, but patient "
                + $"{patient.Id} is {age}.", patient.Id);
        }

        if (!specialty.Serves(age, patient.Sex))
        {
            throw new FrontDeskException(FrontDeskErrorCode.SexNotServed,
                $"Provider {provider.Id} practises {specialty.Name}, which sees {specialty.Sex} patients only, but "
                + $"patient {patient.Id} is {patient.Sex}.", patient.Id);
        }

        if (!type.Serves(age))
        {
            throw new FrontDeskException(FrontDeskErrorCode.AgeNotServed,
                $"A {type.Name} with {specialty.Name} suits patients aged {type.MinAge} to {type.MaxAge}, but "
                + $"patient {patient.Id} is {age}.", patient.Id);
        }
    }

    /// <summary>A provider who takes no new patients books only patients it already sees.</summary>
    private void CheckAccepting(Patient patient, Provider provider)
    {
        if (provider.AcceptingNewPatients
            || string.Equals(patient.PrimaryCareProviderId, provider.Id, StringComparison.Ordinal)
            || AppointmentsOf(_index.ByPatient, patient.Id).Any(a => a.Status != AppointmentStatus.Canceled
                && string.Equals(a.ProviderId, provider.Id, StringComparison.Ordinal)))
        {
            return;
        }

        throw new FrontDeskException(FrontDeskErrorCode.NotAcceptingNewPatients,
            $"Provider {provider.Id} is not accepting new patients, and patient {patient.Id} is new to them (not "
            + "their primary care patient, no earlier visit).", provider.Id);
    }

    private static TimeSpan OffsetOf(Provider provider)
    {
        var text = provider.Clinic?.UtcOffset;
        if (text is not null && text.Length == 6 && (text[0] == '+' || text[0] == '-') && text[3] == ':'
            && int.TryParse(text.Substring(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            && int.TryParse(text.Substring(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            && hours <= 14 && minutes <= 59)
        {
            var offset = new TimeSpan(hours, minutes, 0);
            return text[0] == '-' ? offset.Negate() : offset;
        }

        throw new FrontDeskException(FrontDeskErrorCode.SlotUnavailable,
            $"Provider {provider.Id} has the clinic UTC offset '{text}', so no time can be placed on their schedule; "
            + "expected an offset such as -05:00.", provider.Id);
    }

    /// <summary>
    /// Why <paramref name="start"/> (in the clinic's offset) for <paramref name="minutes"/> is not on the
    /// provider's schedule, or null when it is.
    /// </summary>
    private static string? OffSchedule(Provider provider, DateTimeOffset start, int minutes)
    {
        var schedule = provider.Schedule;
        if (schedule is null || schedule.Days is null || schedule.SlotMinutes <= 0)
        {
            return $"provider {provider.Id} has no usable weekly schedule";
        }

        if (!schedule.Days.Contains(start.DayOfWeek))
        {
            return $"provider {provider.Id} does not work on {start.DayOfWeek}s ({schedule})";
        }

        var time = start.TimeOfDay;
        if (time < schedule.Start || time + TimeSpan.FromMinutes(minutes) > schedule.End)
        {
            return $"a {minutes}-minute appointment at {start:HH:mm} does not fit the hours of provider {provider.Id} "
                + $"({schedule})";
        }

        if ((time - schedule.Start).Ticks % TimeSpan.FromMinutes(schedule.SlotMinutes).Ticks != 0)
        {
            return $"{start:HH:mm} is not the start of a slot of provider {provider.Id} ({schedule})";
        }

        return null;
    }

    /// <summary>The first active appointment among <paramref name="candidates"/> that overlaps the interval.</summary>
    private static Appointment? Clash(IEnumerable<Appointment> candidates, DateTimeOffset start, int minutes,
        string? ignoredId)
    {
        var from = start.UtcTicks;
        var until = from + TimeSpan.TicksPerMinute * minutes;
        return candidates.FirstOrDefault(a => a.Status != AppointmentStatus.Canceled && a.DurationMinutes > 0
            && !string.Equals(a.Id, ignoredId, StringComparison.Ordinal)
            && a.Start.UtcTicks < until && from < a.Start.UtcTicks + TimeSpan.TicksPerMinute * a.DurationMinutes);
    }

    /// <summary>
    /// Checks every booking rule and returns the appointment to add, without an id yet; throws the first refusal.
    /// </summary>
    private Appointment PlanBooking(Patient patient, Provider provider, ClinicTime requested, string typeName,
        AppointmentMode? mode, string? reason, string? replacing)
    {
        var specialty = SpecialtyOf(provider);
        var type = FindType(provider, specialty, typeName);
        CheckServes(patient, provider, specialty, type);
        var chosenMode = mode ?? type.Modes[0];
        if (!type.Modes.Contains(chosenMode))
        {
            throw new FrontDeskException(FrontDeskErrorCode.ModeNotOffered,
                $"A {type.Name} with {specialty.Name} takes place {string.Join(" or ", type.Modes.Select(Mode))}, "
                + $"not {Mode(chosenMode)}.", Mode(chosenMode));
        }

        var offset = OffsetOf(provider);
        var start = requested.At(offset);
        var now = NowAt(offset);
        if (start <= now)
        {
            throw new FrontDeskException(FrontDeskErrorCode.InThePast,
                $"The start {Moment(start)} is not after the current time {Moment(now)} (the end of the reference "
                + "date unless a clock is set); expected a later start.", Moment(start));
        }

        var off = OffSchedule(provider, start, type.DurationMinutes);
        if (off is not null)
        {
            throw new FrontDeskException(FrontDeskErrorCode.SlotUnavailable,
                $"The start {Moment(start)} is not a free slot on the schedule: {off}.", Moment(start));
        }

        CheckAccepting(patient, provider);
        var clash = Clash(AppointmentsOf(_index.ByProvider, provider.Id), start, type.DurationMinutes, replacing);
        if (clash is not null)
        {
            throw new FrontDeskException(FrontDeskErrorCode.ProviderDoubleBooked,
                $"Provider {provider.Id} already has appointment {clash.Id} from {Moment(clash.Start)} for "
                + $"{clash.DurationMinutes} minutes, which overlaps a {type.DurationMinutes}-minute {type.Name} at "
                + $"{Moment(start)}.", Moment(start));
        }

        clash = Clash(AppointmentsOf(_index.ByPatient, patient.Id), start, type.DurationMinutes, replacing);
        if (clash is not null)
        {
            throw new FrontDeskException(FrontDeskErrorCode.PatientDoubleBooked,
                $"Patient {patient.Id} already has appointment {clash.Id} from {Moment(clash.Start)} for "
                + $"{clash.DurationMinutes} minutes, which overlaps a {type.DurationMinutes}-minute {type.Name} at "
                + $"{Moment(start)}.", Moment(start));
        }

        var policy = PolicyOf(patient);
        return new Appointment
        {
            PatientId = patient.Id,
            ProviderId = provider.Id,
            Type = type.Name,
            VisitCategory = type.VisitCategory,
            Start = start,
            DurationMinutes = type.DurationMinutes,
            Mode = chosenMode,
            Reason = reason ?? (type.Reasons.Count > 0 ? type.Reasons[0] : type.Name),
            Status = AppointmentStatus.Scheduled,
            BookedAt = now,
            Copay = policy is not null && policy.IsActiveOn(start.Date) ? policy.Copays.For(type.VisitCategory) : null,
        };
    }

    /// <summary>Only a scheduled or confirmed appointment that has not started may be canceled or moved.</summary>
    private void RequireChangeable(Appointment appointment, string verb)
    {
        if (appointment.Status != AppointmentStatus.Scheduled && appointment.Status != AppointmentStatus.Confirmed)
        {
            throw new FrontDeskException(FrontDeskErrorCode.InvalidStatus,
                $"Appointment {appointment.Id} is {Status(appointment.Status)}; only scheduled or confirmed "
                + $"appointments can be {verb}.", appointment.Id);
        }

        var now = NowAt(appointment.Start.Offset);
        if (appointment.Start <= now)
        {
            throw new FrontDeskException(FrontDeskErrorCode.InThePast,
                $"Appointment {appointment.Id} starts at {Moment(appointment.Start)}, not after the current time "
                + $"{Moment(now)}; only appointments that have not started can be {verb}.", appointment.Id);
        }
    }

    private Appointment Canceled(Appointment appointment, string reason)
    {
        var copy = Copy(appointment);
        copy.Status = AppointmentStatus.Canceled;
        copy.CancellationReason = reason;
        copy.CanceledAt = NowAt(appointment.Start.Offset);
        return copy;
    }

    private static Appointment Copy(Appointment appointment) => new Appointment
    {
        Id = appointment.Id,
        PatientId = appointment.PatientId,
        ProviderId = appointment.ProviderId,
        Type = appointment.Type,
        VisitCategory = appointment.VisitCategory,
        Start = appointment.Start,
        DurationMinutes = appointment.DurationMinutes,
        Mode = appointment.Mode,
        Reason = appointment.Reason,
        Status = appointment.Status,
        CancellationReason = appointment.CancellationReason,
        CanceledAt = appointment.CanceledAt,
        BookedAt = appointment.BookedAt,
        Copay = appointment.Copay,
    };

    private List<AvailableSlot> FreeSlots(Provider provider, Patient? patient, AppointmentTypeSeed? type,
        TimeSpan offset, DateTimeOffset now, DateTime first, DateTime last)
    {
        var slots = new List<AvailableSlot>();
        var schedule = provider.Schedule;
        if (schedule is null || schedule.Days is null || schedule.SlotMinutes <= 0)
        {
            return slots;
        }

        var minutes = type?.DurationMinutes ?? schedule.SlotMinutes;
        var providerAppointments = AppointmentsOf(_index.ByProvider, provider.Id).ToList();
        var patientAppointments = patient is null
            ? new List<Appointment>()
            : AppointmentsOf(_index.ByPatient, patient.Id).ToList();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (!schedule.Days.Contains(day.DayOfWeek))
            {
                continue;
            }

            var step = TimeSpan.FromMinutes(schedule.SlotMinutes);
            for (var time = schedule.Start; time + TimeSpan.FromMinutes(minutes) <= schedule.End; time += step)
            {
                var start = new DateTimeOffset(DateTime.SpecifyKind(day + time, DateTimeKind.Unspecified), offset);
                if (start <= now || Clash(providerAppointments, start, minutes, null) is not null
                    || Clash(patientAppointments, start, minutes, null) is not null)
                {
                    continue;
                }

                slots.Add(new AvailableSlot
                {
                    ProviderId = provider.Id,
                    Start = start,
                    DurationMinutes = minutes,
                    AppointmentType = type?.Name,
                    PatientId = patient?.Id,
                });
            }
        }

        return slots;
    }

    /// <summary>
    /// Checks the change with <see cref="DatasetValidator"/> on the records it touches (the patient, the provider,
    /// the patient's policy, and every appointment of either), refusing it when it adds a violation; then makes it
    /// in memory and saves it, undoing it in memory when saving fails.
    /// </summary>
    private void Commit(Patient patient, Provider provider, IReadOnlyList<(int Position, Appointment Record)> replaced,
        Appointment? added)
    {
        if (added is not null)
        {
            added.Id = _index.NextId();
        }

        var positions = new SortedSet<int>();
        if (_index.ByPatient.TryGetValue(patient.Id, out var ofPatient))
        {
            positions.UnionWith(ofPatient);
        }

        if (_index.ByProvider.TryGetValue(provider.Id, out var ofProvider))
        {
            positions.UnionWith(ofProvider);
        }

        var before = positions.Select(p => _dataset.Appointments[p]).ToList();
        var after = positions.Select(p => replaced.Where(r => r.Position == p).Select(r => r.Record)
            .DefaultIfEmpty(_dataset.Appointments[p]).First()).ToList();
        if (added is not null)
        {
            after.Add(added);
        }

        var introduced = NewViolations(Scope(patient, provider, before), Scope(patient, provider, after));
        if (introduced.Count > 0)
        {
            throw new FrontDeskException(FrontDeskErrorCode.RuleViolation,
                "The change would break the dataset's consistency rules, so nothing was changed: "
                + string.Join(" ", introduced), added?.Id ?? replaced.Select(r => r.Record.Id).FirstOrDefault());
        }

        var undo = replaced.Select(r => (r.Position, _dataset.Appointments[r.Position])).ToList();
        foreach (var (position, record) in replaced)
        {
            _dataset.Appointments[position] = record;
        }

        if (added is not null)
        {
            _index.Add(_dataset.Appointments.Count, added);
            _dataset.Appointments.Add(added);
        }

        if (_store is null)
        {
            return;
        }

        var manifest = _manifest!;
        try
        {
            _manifest = _store.SaveAppointments(_dataset.Appointments, manifest);
            _stamp = _store.Stamp();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonExportException)
        {
            foreach (var (position, record) in undo)
            {
                _dataset.Appointments[position] = record;
            }

            if (added is not null)
            {
                _dataset.Appointments.RemoveAt(_dataset.Appointments.Count - 1);
                _index = new FrontDeskIndex(_dataset);
            }

            RestoreAfterFailedSave(manifest);
            throw new FrontDeskException(FrontDeskErrorCode.StorageFailed,
                $"The change could not be saved to '{_store.Root}': {e.Message} The change was not made.",
                _store.Root, e);
        }
    }

    /// <summary>
    /// After a save failed half-way (appointments.json replaced, manifest.json not), writes the appointments as
    /// they were back, as far as the folder allows, and makes the next call read the folder again, so the service
    /// answers from what is on disk.
    /// </summary>
    private void RestoreAfterFailedSave(DatasetManifest manifest)
    {
        try
        {
            _manifest = _store!.SaveAppointments(_dataset.Appointments, manifest);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonExportException)
        {
            // The folder refuses writes altogether; the read below shows whatever it holds.
        }

        _stamp = default;
    }

    private MockDataset Scope(Patient patient, Provider provider, List<Appointment> appointments)
    {
        var scope = new MockDataset
        {
            Seed = _dataset.Seed,
            ReferenceDate = _dataset.ReferenceDate,
            ModuleVersion = _dataset.ModuleVersion,
            Appointments = appointments,
        };
        scope.Patients.Add(patient);
        scope.Providers.Add(provider);
        var policy = PolicyOf(patient);
        if (policy is not null)
        {
            scope.Policies.Add(policy);
        }

        return scope;
    }

    /// <summary>The violations of <paramref name="after"/> that <paramref name="before"/> does not have.</summary>
    private List<string> NewViolations(MockDataset before, MockDataset after)
    {
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var violation in _validator.Validate(before))
        {
            var text = violation.ToString();
            known[text] = known.TryGetValue(text, out var count) ? count + 1 : 1;
        }

        var introduced = new List<string>();
        foreach (var violation in _validator.Validate(after))
        {
            var text = violation.ToString();
            if (known.TryGetValue(text, out var count) && count > 0)
            {
                known[text] = count - 1;
            }
            else
            {
                introduced.Add(text);
            }
        }

        return introduced;
    }

    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Moment(DateTimeOffset time) =>
        time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Words(VisitCategory category) => CostEstimator.Words(category);

    private static string Mode(AppointmentMode mode) =>
        mode == AppointmentMode.InPerson ? "in person" : "by telehealth";

    private static string Status(AppointmentStatus status) => status == AppointmentStatus.NoShow
        ? "a no-show"
        : status.ToString().ToLowerInvariant();
}

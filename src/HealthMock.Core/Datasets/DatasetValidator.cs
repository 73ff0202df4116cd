using System;
using System.Collections.Generic;
using System.Globalization;
using HealthMock.Seeds;

namespace HealthMock;

/// <summary>
/// Checks a dataset against every consistency rule of the design and reports each violation with the record and
/// the rule. It shares no code with the generators: it reads only the dataset and the seed catalog, so a generator
/// bug cannot hide itself by being checked with its own logic.
/// </summary>
/// <remarks>
/// Records are indexed in dictionaries by id and overlaps are found by sorting and sweeping, so the cost grows as
/// n log n and a dataset of a million patients is checked in seconds. Violations are produced lazily.
/// </remarks>
public sealed class DatasetValidator
{
    private const int AdultAge = 18;

    private static readonly HashSet<string> NoCodes = new HashSet<string>();

    private readonly SeedCatalog _seeds;
    private readonly DatasetValidatorOptions _options;
    private readonly Dictionary<string, CitySeed> _cities;
    private readonly Dictionary<string, ConditionSeed> _conditions;
    private readonly Dictionary<string, Specialty> _specialties;

    /// <summary>Creates a validator over the embedded seeds with the default limits.</summary>
    public DatasetValidator()
        : this(SeedCatalog.Default, new DatasetValidatorOptions())
    {
    }

    /// <summary>
    /// Creates a validator over <paramref name="seeds"/> (the catalog the dataset was generated from) with the given
    /// limits; throws <see cref="ArgumentException"/> when the limits contradict each other.
    /// </summary>
    public DatasetValidator(SeedCatalog seeds, DatasetValidatorOptions options)
    {
        _seeds = seeds ?? throw new ArgumentNullException(nameof(seeds));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        _cities = new Dictionary<string, CitySeed>(StringComparer.Ordinal);
        foreach (var city in seeds.Cities)
        {
            _cities[CityKey(city.City, city.State)] = city;
        }

        _conditions = new Dictionary<string, ConditionSeed>(StringComparer.Ordinal);
        foreach (var condition in seeds.Conditions)
        {
            _conditions[condition.Code] = condition;
        }

        _specialties = new Dictionary<string, Specialty>(StringComparer.OrdinalIgnoreCase);
        foreach (var specialty in seeds.Specialties)
        {
            _specialties[specialty.Name] = new Specialty(specialty);
        }
    }

    /// <summary>The seed catalog whose cities, conditions and specialties the dataset is checked against.</summary>
    public SeedCatalog Seeds => _seeds;

    /// <summary>The limits the dataset is checked against.</summary>
    public DatasetValidatorOptions Options => _options;

    /// <summary>
    /// Checks <paramref name="dataset"/> and yields every violation: first those of patients, then providers,
    /// policies and appointments, then overlapping appointments. An empty sequence means the dataset is consistent.
    /// </summary>
    public IEnumerable<RuleViolation> Validate(MockDataset dataset) => Validate(dataset, null);

    /// <summary>
    /// Checks <paramref name="dataset"/> as <see cref="Validate(MockDataset)"/> does, calling
    /// <paramref name="progress"/> after each record is checked with what is being checked (such as "patients"),
    /// the records checked so far and the records of the whole dataset, on the thread that enumerates the result.
    /// </summary>
    public IEnumerable<RuleViolation> Validate(MockDataset dataset, Action<string, long, long>? progress)
    {
        if (dataset is null)
        {
            throw new ArgumentNullException(nameof(dataset));
        }

        return new Run(this, dataset, progress).Validate();
    }

    private static string CityKey(string city, string state) => city + "\n" + state;

    /// <summary>
    /// The age in whole years at <paramref name="date"/>. Someone born on 29 February is taken to turn a year older
    /// on 28 February in common years, the convention the design uses for ages at the reference date.
    /// </summary>
    public static int AgeAt(DateTime dateOfBirth, DateTime date)
    {
        var age = date.Year - dateOfBirth.Year;
        var birthMonth = dateOfBirth.Month;
        var birthDay = dateOfBirth.Day;
        if (birthMonth == 2 && birthDay == 29 && !DateTime.IsLeapYear(date.Year))
        {
            birthDay = 28;
        }

        if (date.Month < birthMonth || (date.Month == birthMonth && date.Day < birthDay))
        {
            age--;
        }

        return age;
    }

    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time) =>
        time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Money(decimal? amount) =>
        amount is null ? "none" : amount.Value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Quote(string? text) => text is null ? "null" : "'" + text + "'";

    private static bool IsPediatric(string specialty) =>
        specialty.IndexOf("pediatric", StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool IsFamilyMedicine(string specialty) =>
        specialty.IndexOf("family", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>A seeded specialty with its appointment types indexed by name.</summary>
    private sealed class Specialty
    {
        public Specialty(SpecialtySeed seed)
        {
            Seed = seed;
            Types = new Dictionary<string, AppointmentTypeSeed>(StringComparer.Ordinal);
            foreach (var type in seed.AppointmentTypes)
            {
                Types[type.Name] = type;
            }
        }

        public SpecialtySeed Seed { get; }

        public Dictionary<string, AppointmentTypeSeed> Types { get; }
    }

    /// <summary>Facts about one provider, computed once and shared by all of its appointments.</summary>
    private sealed class ProviderFacts
    {
        public ProviderFacts(Provider provider, int number)
        {
            Provider = provider;
            Number = number;
        }

        public Provider Provider { get; }

        public int Number { get; }

        public Specialty? Specialty { get; set; }

        public TimeSpan? Offset { get; set; }

        public int DayMask { get; set; }

        public bool ScheduleUsable { get; set; }
    }

    /// <summary>An active appointment reduced to what the overlap sweep needs.</summary>
    private struct Interval : IComparable<Interval>
    {
        public int Owner;
        public long Start;
        public long End;
        public int Index;

        public int CompareTo(Interval other)
        {
            var byOwner = Owner.CompareTo(other.Owner);
            if (byOwner != 0)
            {
                return byOwner;
            }

            var byStart = Start.CompareTo(other.Start);
            return byStart != 0 ? byStart : Index.CompareTo(other.Index);
        }
    }

    /// <summary>A patient's name and date of birth, compared ignoring the case of the name.</summary>
    private readonly struct Identity
    {
        public static readonly IEqualityComparer<Identity> Comparer = new IdentityComparer();

        public Identity(string first, string last, DateTime dateOfBirth)
        {
            First = first;
            Last = last;
            DateOfBirth = dateOfBirth;
        }

        public string First { get; }

        public string Last { get; }

        public DateTime DateOfBirth { get; }

        private sealed class IdentityComparer : IEqualityComparer<Identity>
        {
            public bool Equals(Identity x, Identity y) => x.DateOfBirth == y.DateOfBirth
                && StringComparer.OrdinalIgnoreCase.Equals(x.Last, y.Last)
                && StringComparer.OrdinalIgnoreCase.Equals(x.First, y.First);

            public int GetHashCode(Identity value) =>
                (StringComparer.OrdinalIgnoreCase.GetHashCode(value.Last) * 31 + value.DateOfBirth.GetHashCode()) * 31
                + StringComparer.OrdinalIgnoreCase.GetHashCode(value.First);
        }
    }

    /// <summary>One check of one dataset: the indexes it builds and the violations it finds.</summary>
    private sealed class Run
    {
        private readonly DatasetValidator _validator;
        private readonly MockDataset _dataset;
        private readonly DateTime _referenceDate;
        private readonly Dictionary<string, Patient> _patients;
        private readonly Dictionary<string, int> _patientNumbers;
        private readonly Dictionary<string, ProviderFacts> _providers;
        private readonly Dictionary<string, InsurancePolicy> _policies;
        private readonly Action<string, long, long>? _progress;
        private readonly long _total;
        private long _checked;

        public Run(DatasetValidator validator, MockDataset dataset, Action<string, long, long>? progress)
        {
            _validator = validator;
            _dataset = dataset;
            _progress = progress;
            _total = (long)dataset.Patients.Count + dataset.Providers.Count + dataset.Policies.Count
                + dataset.Appointments.Count;
            _referenceDate = dataset.ReferenceDate.Date;
            _patients = new Dictionary<string, Patient>(dataset.Patients.Count, StringComparer.Ordinal);
            _patientNumbers = new Dictionary<string, int>(dataset.Patients.Count, StringComparer.Ordinal);
            _providers = new Dictionary<string, ProviderFacts>(dataset.Providers.Count, StringComparer.Ordinal);
            _policies = new Dictionary<string, InsurancePolicy>(dataset.Policies.Count, StringComparer.Ordinal);
        }

        private DatasetValidatorOptions Options => _validator._options;

        public IEnumerable<RuleViolation> Validate()
        {
            var found = new List<RuleViolation>();
            IndexRecords(found);
            foreach (var violation in Drain(found))
            {
                yield return violation;
            }

            var emails = new Dictionary<string, string>(_patients.Count, StringComparer.OrdinalIgnoreCase);
            var identities = new Dictionary<Identity, string>(_patients.Count, Identity.Comparer);
            foreach (var patient in _dataset.Patients)
            {
                CheckPatient(patient, emails, identities, found);
                Checked("patients");
                foreach (var violation in Drain(found))
                {
                    yield return violation;
                }
            }

            foreach (var provider in _dataset.Providers)
            {
                CheckProvider(provider, found);
                Checked("providers");
                foreach (var violation in Drain(found))
                {
                    yield return violation;
                }
            }

            foreach (var policy in _dataset.Policies)
            {
                CheckPolicy(policy, found);
                Checked("policies");
                foreach (var violation in Drain(found))
                {
                    yield return violation;
                }
            }

            foreach (var appointment in _dataset.Appointments)
            {
                CheckAppointment(appointment, found);
                Checked("appointments");
                foreach (var violation in Drain(found))
                {
                    yield return violation;
                }
            }

            FindOverlaps(byProvider: true, found);
            FindOverlaps(byProvider: false, found);
            foreach (var violation in Drain(found))
            {
                yield return violation;
            }
        }

        private void Checked(string what)
        {
            _checked++;
            _progress?.Invoke(what, _checked, _total);
        }

        private static IEnumerable<RuleViolation> Drain(List<RuleViolation> found)
        {
            if (found.Count == 0)
            {
                return Array.Empty<RuleViolation>();
            }

            var batch = found.ToArray();
            found.Clear();
            return batch;
        }

        private static void Add(List<RuleViolation> found, ConsistencyRule rule, DatasetEntityKind kind, string id,
            string message)
        {
            found.Add(new RuleViolation(rule, kind, id, message));
        }

        /// <summary>
        /// Indexes every record by id; a repeated id is a rule 1 violation, as it makes references ambiguous.
        /// </summary>
        private void IndexRecords(List<RuleViolation> found)
        {
            foreach (var patient in _dataset.Patients)
            {
                if (_patients.ContainsKey(patient.Id))
                {
                    Add(found, ConsistencyRule.References, DatasetEntityKind.Patient, patient.Id,
                        $"Patient id {Quote(patient.Id)} is used by more than one patient; expected unique ids.");
                    continue;
                }

                _patientNumbers[patient.Id] = _patients.Count;
                _patients[patient.Id] = patient;
            }

            foreach (var provider in _dataset.Providers)
            {
                if (_providers.ContainsKey(provider.Id))
                {
                    Add(found, ConsistencyRule.References, DatasetEntityKind.Provider, provider.Id,
                        $"Provider id {Quote(provider.Id)} is used by more than one provider; expected unique ids.");
                    continue;
                }

                _providers[provider.Id] = DescribeProvider(provider, _providers.Count);
            }

            foreach (var policy in _dataset.Policies)
            {
                if (_policies.ContainsKey(policy.PolicyNumber))
                {
                    Add(found, ConsistencyRule.References, DatasetEntityKind.Policy, policy.PolicyNumber,
                        $"Policy number {Quote(policy.PolicyNumber)} is used by more than one policy; "
                        + "expected unique policy numbers.");
                    continue;
                }

                _policies[policy.PolicyNumber] = policy;
            }

            var appointmentIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var appointment in _dataset.Appointments)
            {
                if (!appointmentIds.Add(appointment.Id))
                {
                    Add(found, ConsistencyRule.References, DatasetEntityKind.Appointment, appointment.Id,
                        $"Appointment id {Quote(appointment.Id)} is used by more than one appointment; "
                        + "expected unique ids.");
                }
            }
        }

        private ProviderFacts DescribeProvider(Provider provider, int number)
        {
            var facts = new ProviderFacts(provider, number)
            {
                Specialty = _validator._specialties.TryGetValue(provider.Specialty ?? "", out var specialty)
                    ? specialty
                    : null,
                Offset = ParseOffset(provider.Clinic?.UtcOffset),
            };
            var schedule = provider.Schedule;
            if (schedule?.Days is not null)
            {
                foreach (var day in schedule.Days)
                {
                    facts.DayMask |= 1 << (int)day;
                }
            }

            facts.ScheduleUsable = schedule is not null && facts.DayMask != 0 && schedule.SlotMinutes > 0
                && schedule.Start >= TimeSpan.Zero && schedule.Start < schedule.End
                && schedule.End <= TimeSpan.FromDays(1);
            return facts;
        }

        private static TimeSpan? ParseOffset(string? text)
        {
            if (string.IsNullOrEmpty(text) || text!.Length != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':')
            {
                return null;
            }

            if (!int.TryParse(text.Substring(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
                || !int.TryParse(text.Substring(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
                || hours > 14 || minutes > 59)
            {
                return null;
            }

            var offset = new TimeSpan(hours, minutes, 0);
            return text[0] == '-' ? -offset : offset;
        }

        private void CheckPatient(Patient patient, Dictionary<string, string> emails,
            Dictionary<Identity, string> identities, List<RuleViolation> found)
        {
            var id = patient.Id;
            var age = AgeAt(patient.DateOfBirth, _referenceDate);
            CheckPatientReferences(patient, found);
            CheckPrimaryCare(patient, age, found);
            CheckIdentity(patient, emails, identities, found);
            CheckPatientLocation(patient, found);
            CheckAgeAndConditions(patient, age, found);
            if (patient.DateOfBirth.Date > _referenceDate)
            {
                Add(found, ConsistencyRule.Timeline, DatasetEntityKind.Patient, id,
                    $"Date of birth {Day(patient.DateOfBirth)} is after the reference date {Day(_referenceDate)}.");
            }

            if (patient.AccountCreationDate.Date < patient.DateOfBirth.Date
                || patient.AccountCreationDate.Date > _referenceDate)
            {
                Add(found, ConsistencyRule.Timeline, DatasetEntityKind.Patient, id,
                    $"Account creation date {Day(patient.AccountCreationDate)} is not between the date of birth "
                    + $"{Day(patient.DateOfBirth)} and the reference date {Day(_referenceDate)}.");
            }
        }

        private void CheckPatientReferences(Patient patient, List<RuleViolation> found)
        {
            var id = patient.Id;
            if (string.IsNullOrEmpty(patient.PrimaryCareProviderId))
            {
                Add(found, ConsistencyRule.References, DatasetEntityKind.Patient, id,
                    "The patient has no primary care provider id; expected the id of a provider in the dataset.");
            }
            else if (!_providers.TryGetValue(patient.PrimaryCareProviderId!, out var pcp))
            {
                Add(found, ConsistencyRule.References, DatasetEntityKind.Patient, id,
                    $"Primary care provider {Quote(patient.PrimaryCareProviderId)} is not a provider in the dataset.");
            }
            else if (!string.Equals(patient.PrimaryCareProvider, pcp.Provider.DisplayName, StringComparison.Ordinal))
            {
                Add(found, ConsistencyRule.References, DatasetEntityKind.Patient, id,
                    $"Primary care provider name {Quote(patient.PrimaryCareProvider)} does not match "
                    + $"{Quote(pcp.Provider.DisplayName)}, the display name of {pcp.Provider.Id}.");
            }

            if (string.IsNullOrEmpty(patient.InsurancePolicyNumber))
            {
                if (patient.InsuranceProvider is not null || patient.CoverageType is not null
                    || patient.DeductibleBalance is not null)
                {
                    Add(found, ConsistencyRule.References, DatasetEntityKind.Patient, id,
                        "The patient has no policy number but has insurance provider "
                        + $"{Quote(patient.InsuranceProvider)}, coverage type {Quote(patient.CoverageType)} or "
                        + "deductible balance "
                        + $"{Money(patient.DeductibleBalance)}; expected none of them.");
                }

                return;
            }

            if (!_policies.TryGetValue(patient.InsurancePolicyNumber!, out var policy))
            {
                Add(found, ConsistencyRule.References, DatasetEntityKind.Patient, id,
                    $"Insurance policy {Quote(patient.InsurancePolicyNumber)} is not a policy in the dataset.");
                return;
            }

            if (!string.Equals(policy.PatientId, id, StringComparison.Ordinal))
            {
                Add(found, ConsistencyRule.References, DatasetEntityKind.Patient, id,
                    $"Insurance policy {policy.PolicyNumber} covers patient {Quote(policy.PatientId)}, not {id}.");
            }

            if (!string.Equals(patient.InsuranceProvider, policy.Payer, StringComparison.Ordinal))
            {
                Add(found, ConsistencyRule.References, DatasetEntityKind.Patient, id,
                    $"Insurance provider {Quote(patient.InsuranceProvider)} does not match {Quote(policy.Payer)}, "
                    + $"the payer of policy {policy.PolicyNumber}.");
            }

            var planType = policy.PlanType.ToString();
            if (!string.Equals(patient.CoverageType, planType, StringComparison.Ordinal))
            {
                Add(found, ConsistencyRule.References, DatasetEntityKind.Patient, id,
                    $"Coverage type {Quote(patient.CoverageType)} does not match {Quote(planType)}, the plan type of "
                    + $"policy {policy.PolicyNumber}.");
            }

            var balance = policy.Deductible - policy.DeductibleMet;
            if (patient.DeductibleBalance != balance)
            {
                Add(found, ConsistencyRule.References, DatasetEntityKind.Patient, id,
                    $"Deductible balance {Money(patient.DeductibleBalance)} does not match {Money(balance)}, the "
                    + $"deductible minus the amount met on policy {policy.PolicyNumber}.");
            }
        }

        private void CheckPrimaryCare(Patient patient, int age, List<RuleViolation> found)
        {
            if (string.IsNullOrEmpty(patient.PrimaryCareProviderId)
                || !_providers.TryGetValue(patient.PrimaryCareProviderId!, out var pcp))
            {
                return;
            }

            var provider = pcp.Provider;
            var specialty = provider.Specialty ?? "";
            var isPrimaryCare = pcp.Specialty?.Seed.IsPrimaryCare ?? provider.IsPrimaryCare;
            if (!isPrimaryCare || !provider.IsPrimaryCare)
            {
                Add(found, ConsistencyRule.PrimaryCare, DatasetEntityKind.Patient, patient.Id,
                    $"Primary care provider {provider.Id} practises {Quote(specialty)}, which is not a primary care "
                    + "specialty.");
                return;
            }

            if (age < AdultAge && !IsPediatric(specialty) && !IsFamilyMedicine(specialty))
            {
                Add(found, ConsistencyRule.PrimaryCare, DatasetEntityKind.Patient, patient.Id,
                    $"The patient is {age}, a minor, but primary care provider {provider.Id} practises "
                    + $"{Quote(specialty)}; expected pediatrics or family medicine.");
            }
            else if (age >= AdultAge && IsPediatric(specialty))
            {
                Add(found, ConsistencyRule.PrimaryCare, DatasetEntityKind.Patient, patient.Id,
                    $"The patient is {age}, an adult, but primary care provider {provider.Id} practises "
                    + $"{Quote(specialty)}; expected a provider for adults.");
            }
            else if (pcp.Specialty?.Seed is SpecialtySeed seed && !seed.Serves(age))
            {
                Add(found, ConsistencyRule.PrimaryCare, DatasetEntityKind.Patient, patient.Id,
                    $"The patient is {age}, but primary care provider {provider.Id} practises {Quote(specialty)}, "
                    + $"which sees patients aged {seed.MinAge} to {seed.MaxAge}.");
            }
        }

        private static void CheckIdentity(Patient patient, Dictionary<string, string> emails,
            Dictionary<Identity, string> identities, List<RuleViolation> found)
        {
            var id = patient.Id;
            var email = patient.Email ?? "";
            var at = email.IndexOf('@');
            var local = at > 0 ? email.Substring(0, at) : "";
            var first = AsciiFolding.Fold(patient.FirstName ?? "");
            var last = AsciiFolding.Fold(patient.LastName ?? "");
            if (at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1)
            {
                Add(found, ConsistencyRule.Identity, DatasetEntityKind.Patient, id,
                    $"Email {Quote(email)} is not an address of the form local@domain.");
            }
            else if (first is null || last is null || local.IndexOf(last, StringComparison.OrdinalIgnoreCase) < 0
                || char.ToLowerInvariant(local[0]) != first[0])
            {
                Add(found, ConsistencyRule.Identity, DatasetEntityKind.Patient, id,
                    $"Email {Quote(email)} is not derived from the name {patient.FirstName} {patient.LastName}; "
                    + $"expected a local part that starts with '{first?[0]}' and contains {Quote(last)}.");
            }

            if (email.Length > 0)
            {
                if (emails.TryGetValue(email, out var owner))
                {
                    Add(found, ConsistencyRule.Identity, DatasetEntityKind.Patient, id,
                        $"Email {Quote(email)} is also the email of patient {owner}; expected each email to identify "
                        + "one patient.");
                }
                else
                {
                    emails[email] = id;
                }
            }

            var identity = new Identity(patient.FirstName ?? "", patient.LastName ?? "", patient.DateOfBirth.Date);
            if (identities.TryGetValue(identity, out var twin))
            {
                Add(found, ConsistencyRule.Identity, DatasetEntityKind.Patient, id,
                    $"Name {patient.FirstName} {patient.LastName} with date of birth {Day(patient.DateOfBirth)} is "
                    + $"also patient {twin}; expected name and date of birth to identify one patient.");
            }
            else
            {
                identities[identity] = id;
            }
        }

        private void CheckPatientLocation(Patient patient, List<RuleViolation> found)
        {
            var id = patient.Id;
            if (!_validator._cities.TryGetValue(CityKey(patient.City ?? "", patient.State ?? ""), out var city))
            {
                Add(found, ConsistencyRule.Location, DatasetEntityKind.Patient, id,
                    $"City {Quote(patient.City)} in state {Quote(patient.State)} is not a seeded city of that state.");
                return;
            }

            var zip = patient.Zip ?? "";
            if (!IsDigits(zip, 5) || !zip.StartsWith(city.ZipPrefix, StringComparison.Ordinal))
            {
                Add(found, ConsistencyRule.Location, DatasetEntityKind.Patient, id,
                    $"ZIP code {Quote(zip)} does not belong to {city.City}, {city.State}; expected five digits "
                    + $"starting with {city.ZipPrefix}.");
            }

            var phone = patient.Phone ?? "";
            if (!IsFictionalPhone(phone) || !phone.StartsWith(city.AreaCode, StringComparison.Ordinal))
            {
                Add(found, ConsistencyRule.Location, DatasetEntityKind.Patient, id,
                    $"Phone {Quote(phone)} does not belong to {city.City}, {city.State}; expected "
                    + $"{city.AreaCode}-555-01XX.");
            }

            var tail = ", " + patient.City + ", " + patient.State + " " + zip;
            var address = patient.Address ?? "";
            if (!address.StartsWith(patient.AddressLine1 ?? "\n", StringComparison.Ordinal)
                || !address.EndsWith(tail, StringComparison.Ordinal)
                || (patient.AddressLine2 is not null
                    && address.IndexOf(patient.AddressLine2, StringComparison.Ordinal) < 0))
            {
                Add(found, ConsistencyRule.Location, DatasetEntityKind.Patient, id,
                    $"Address {Quote(address)} disagrees with its parts; expected {Quote(patient.AddressLine1)}, "
                    + $"then the second line if any, ending with {Quote(tail.Substring(2))}.");
            }
        }

        private void CheckAgeAndConditions(Patient patient, int age, List<RuleViolation> found)
        {
            var id = patient.Id;
            if (patient.Age != age)
            {
                Add(found, ConsistencyRule.AgeAndConditions, DatasetEntityKind.Patient, id,
                    $"Age {patient.Age} does not match the date of birth {Day(patient.DateOfBirth)}; expected {age} at "
                    + $"the reference date {Day(_referenceDate)}.");
            }

            if (age < Options.MinAge || age > Options.MaxAge)
            {
                Add(found, ConsistencyRule.AgeAndConditions, DatasetEntityKind.Patient, id,
                    $"Age {age} at the reference date is outside the requested range {Options.MinAge} to "
                    + $"{Options.MaxAge}.");
            }

            var sex = patient.Sex == Sex.Female ? "female" : patient.Sex == Sex.Male ? "male" : "";
            var codes = patient.ChronicConditions is { Length: > 0 }
                ? new HashSet<string>(StringComparer.Ordinal)
                : NoCodes;
            foreach (var condition in patient.ChronicConditions ?? Array.Empty<Condition>())
            {
                if (!codes.Add(condition.Code))
                {
                    Add(found, ConsistencyRule.AgeAndConditions, DatasetEntityKind.Patient, id,
                        $"Condition {condition.Code} is listed more than once.");
                    continue;
                }

                if (!_validator._conditions.TryGetValue(condition.Code, out var seed))
                {
                    Add(found, ConsistencyRule.AgeAndConditions, DatasetEntityKind.Patient, id,
                        $"Condition {condition.Code} ({condition.Name}) is not in the seeds; expected a seeded "
                        + "condition whose ages can be checked.");
                }
                else if (age < seed.MinAge || age > seed.MaxAge)
                {
                    Add(found, ConsistencyRule.AgeAndConditions, DatasetEntityKind.Patient, id,
                        $"Condition {seed.Code} ({seed.Name}) does not fit age {age}; expected ages {seed.MinAge} to "
                        + $"{seed.MaxAge}.");
                }
                else if (seed.Sex is not null && seed.Sex != sex)
                {
                    Add(found, ConsistencyRule.AgeAndConditions, DatasetEntityKind.Patient, id,
                        $"Condition {seed.Code} ({seed.Name}) does not fit sex {patient.Sex}; expected {seed.Sex}.");
                }
            }

            foreach (var medication in patient.Medications ?? Array.Empty<Medication>())
            {
                if (!codes.Contains(medication.TreatsCode ?? ""))
                {
                    Add(found, ConsistencyRule.AgeAndConditions, DatasetEntityKind.Patient, id,
                        $"Medication {Quote(medication.Name)} treats {Quote(medication.TreatsCode)}, which is not "
                        + "one of the patient's conditions.");
                }
                else if (_validator._conditions.TryGetValue(medication.TreatsCode!, out var seed)
                    && !TreatedBy(seed, medication.Name))
                {
                    Add(found, ConsistencyRule.AgeAndConditions, DatasetEntityKind.Patient, id,
                        $"Medication {Quote(medication.Name)} is not a seeded treatment of {seed.Code} ({seed.Name}).");
                }
            }
        }

        private static bool TreatedBy(ConditionSeed condition, string? medication)
        {
            foreach (var seed in condition.Medications)
            {
                if (string.Equals(seed.Name, medication, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private void CheckProvider(Provider provider, List<RuleViolation> found)
        {
            var id = provider.Id;
            if (!_providers.TryGetValue(id, out var facts) || !ReferenceEquals(facts.Provider, provider))
            {
                return;
            }

            var specialty = provider.Specialty ?? "";
            if (facts.Specialty is null)
            {
                Add(found, ConsistencyRule.Specialty, DatasetEntityKind.Provider, id,
                    $"Specialty {Quote(specialty)} is not in the seeds; expected a seeded specialty.");
            }
            else if (facts.Specialty.Seed.IsPrimaryCare != provider.IsPrimaryCare)
            {
                Add(found, ConsistencyRule.PrimaryCare, DatasetEntityKind.Provider, id,
                    $"IsPrimaryCare is {provider.IsPrimaryCare}, but the seeds say {Quote(specialty)} is "
                    + (facts.Specialty.Seed.IsPrimaryCare ? "" : "not ") + "a primary care specialty.");
            }

            var clinic = provider.Clinic;
            if (clinic is null)
            {
                Add(found, ConsistencyRule.Location, DatasetEntityKind.Provider, id, "The provider has no clinic.");
            }
            else
            {
                if (!_validator._cities.TryGetValue(CityKey(clinic.City ?? "", clinic.State ?? ""), out var city))
                {
                    Add(found, ConsistencyRule.Location, DatasetEntityKind.Provider, id,
                        $"Clinic city {Quote(clinic.City)} in state {Quote(clinic.State)} is not a seeded city of "
                        + "that state.");
                }
                else
                {
                    var zip = clinic.Zip ?? "";
                    if (!IsDigits(zip, 5) || !zip.StartsWith(city.ZipPrefix, StringComparison.Ordinal))
                    {
                        Add(found, ConsistencyRule.Location, DatasetEntityKind.Provider, id,
                            $"Clinic ZIP code {Quote(clinic.Zip)} does not belong to {city.City}, {city.State}; "
                            + $"expected five digits starting with {city.ZipPrefix}.");
                    }

                    if (!string.Equals(clinic.UtcOffset, city.UtcOffset, StringComparison.Ordinal))
                    {
                        Add(found, ConsistencyRule.Location, DatasetEntityKind.Provider, id,
                            $"Clinic UTC offset {Quote(clinic.UtcOffset)} is not {city.UtcOffset}, the offset of "
                            + $"{city.City}, {city.State}.");
                    }
                }

                if (facts.Offset is null)
                {
                    Add(found, ConsistencyRule.Schedule, DatasetEntityKind.Provider, id,
                        $"Clinic UTC offset {Quote(clinic.UtcOffset)} is not an offset of the form +hh:mm or -hh:mm.");
                }
            }

            if (!IsFictionalPhone(provider.Phone ?? ""))
            {
                Add(found, ConsistencyRule.Location, DatasetEntityKind.Provider, id,
                    $"Phone {Quote(provider.Phone)} is not a fictional number; expected NNN-555-01XX.");
            }

            if (!facts.ScheduleUsable)
            {
                Add(found, ConsistencyRule.Schedule, DatasetEntityKind.Provider, id,
                    $"Schedule {Quote(provider.Schedule?.ToString())} is not usable; expected at least one day, a "
                    + "start before the end within one day and a slot length above zero.");
            }
        }

        private void CheckPolicy(InsurancePolicy policy, List<RuleViolation> found)
        {
            var number = policy.PolicyNumber;
            if (!_policies.TryGetValue(number, out var indexed) || !ReferenceEquals(indexed, policy))
            {
                return;
            }

            _patients.TryGetValue(policy.PatientId ?? "", out var patient);
            if (patient is null)
            {
                Add(found, ConsistencyRule.References, DatasetEntityKind.Policy, number,
                    $"Covered patient {Quote(policy.PatientId)} is not a patient in the dataset.");
            }
            else if (!string.Equals(patient.InsurancePolicyNumber, number, StringComparison.Ordinal))
            {
                Add(found, ConsistencyRule.References, DatasetEntityKind.Policy, number,
                    $"The policy covers patient {patient.Id}, whose policy number is "
                    + $"{Quote(patient.InsurancePolicyNumber)}; expected {number}.");
            }

            if (!_patients.ContainsKey(policy.SubscriberId ?? ""))
            {
                Add(found, ConsistencyRule.References, DatasetEntityKind.Policy, number,
                    $"Subscriber {Quote(policy.SubscriberId)} is not a patient in the dataset.");
            }

            var self = string.Equals(policy.SubscriberId, policy.PatientId, StringComparison.Ordinal);
            var saysSelf = string.Equals(policy.RelationshipToSubscriber, "self", StringComparison.OrdinalIgnoreCase);
            if (self != saysSelf)
            {
                Add(found, ConsistencyRule.References, DatasetEntityKind.Policy, number,
                    $"Relationship to subscriber is {Quote(policy.RelationshipToSubscriber)} but the subscriber "
                    + $"{Quote(policy.SubscriberId)} is " + (self ? "" : "not ") + "the covered patient; expected "
                    + "'self' exactly when they are the same.");
            }

            if (!self && policy.CoverageTier == CoverageTier.Individual)
            {
                Add(found, ConsistencyRule.References, DatasetEntityKind.Policy, number,
                    $"An individual policy covers {Quote(policy.PatientId)}, who is not its subscriber "
                    + $"{Quote(policy.SubscriberId)}; expected a family or spouse tier.");
            }

            CheckAmounts(policy, found);
            CheckPlanPeriod(policy, patient, found);
        }

        private void CheckAmounts(InsurancePolicy policy, List<RuleViolation> found)
        {
            var number = policy.PolicyNumber;
            if (policy.DeductibleMet < 0 || policy.DeductibleMet > policy.Deductible)
            {
                Add(found, ConsistencyRule.PolicyAmounts, DatasetEntityKind.Policy, number,
                    $"Deductible met {Money(policy.DeductibleMet)} is outside 0 to the deductible "
                    + $"{Money(policy.Deductible)}.");
            }

            if (policy.Deductible < 0 || policy.Deductible > policy.OutOfPocketMax)
            {
                Add(found, ConsistencyRule.PolicyAmounts, DatasetEntityKind.Policy, number,
                    $"Deductible {Money(policy.Deductible)} is outside 0 to the out-of-pocket maximum "
                    + $"{Money(policy.OutOfPocketMax)}.");
            }

            if (policy.OutOfPocketMet < 0 || policy.OutOfPocketMet > policy.OutOfPocketMax)
            {
                Add(found, ConsistencyRule.PolicyAmounts, DatasetEntityKind.Policy, number,
                    $"Out-of-pocket met {Money(policy.OutOfPocketMet)} is outside 0 to the out-of-pocket maximum "
                    + $"{Money(policy.OutOfPocketMax)}.");
            }
            else if (policy.OutOfPocketMet < policy.DeductibleMet)
            {
                Add(found, ConsistencyRule.PolicyAmounts, DatasetEntityKind.Policy, number,
                    $"Out-of-pocket met {Money(policy.OutOfPocketMet)} is below the deductible met "
                    + $"{Money(policy.DeductibleMet)}, which counts toward it.");
            }

            if (policy.Coinsurance < 0 || policy.Coinsurance > 1)
            {
                Add(found, ConsistencyRule.PolicyAmounts, DatasetEntityKind.Policy, number,
                    $"Coinsurance {policy.Coinsurance.ToString(CultureInfo.InvariantCulture)} is outside 0 to 1.");
            }

            var copays = policy.Copays;
            if (copays is null)
            {
                Add(found, ConsistencyRule.PolicyAmounts, DatasetEntityKind.Policy, number,
                    "The policy has no copays; expected a copay for each visit category.");
            }
            else
            {
                foreach (VisitCategory category in Enum.GetValues(typeof(VisitCategory)))
                {
                    if (copays.For(category) < 0)
                    {
                        Add(found, ConsistencyRule.PolicyAmounts, DatasetEntityKind.Policy, number,
                            $"The {category} copay {Money(copays.For(category))} is negative.");
                    }
                }
            }

            if (policy.PlanType == PlanType.HDHP)
            {
                if (policy.Deductible < Options.HdhpMinimumDeductible)
                {
                    Add(found, ConsistencyRule.PolicyAmounts, DatasetEntityKind.Policy, number,
                        $"HDHP deductible {Money(policy.Deductible)} is below the high-deductible minimum "
                        + $"{Money(Options.HdhpMinimumDeductible)}.");
                }

                if (!policy.CopaysAfterDeductible)
                {
                    Add(found, ConsistencyRule.PolicyAmounts, DatasetEntityKind.Policy, number,
                        "An HDHP policy must apply copays after the deductible; CopaysAfterDeductible is False.");
                }
            }
        }

        private void CheckPlanPeriod(InsurancePolicy policy, Patient? patient, List<RuleViolation> found)
        {
            var number = policy.PolicyNumber;
            var effective = policy.EffectiveDate.Date;
            var end = policy.EndDate.Date;
            if (policy.PlanType == PlanType.Medicare && patient is not null)
            {
                var age = AgeAt(patient.DateOfBirth, _referenceDate);
                if (age < Options.MedicareAge)
                {
                    Add(found, ConsistencyRule.PolicyAmounts, DatasetEntityKind.Policy, number,
                        $"A Medicare policy covers patient {patient.Id}, aged {age}; expected {Options.MedicareAge} "
                        + "or over.");
                }
            }

            if (end < effective)
            {
                Add(found, ConsistencyRule.PolicyAmounts, DatasetEntityKind.Policy, number,
                    $"End date {Day(end)} is before the effective date {Day(effective)}.");
                return;
            }

            var expected = _referenceDate < effective ? PolicyStatus.Pending
                : _referenceDate > end ? PolicyStatus.Expired : PolicyStatus.Active;
            if (policy.Status != expected)
            {
                Add(found, ConsistencyRule.PolicyAmounts, DatasetEntityKind.Policy, number,
                    $"Status {policy.Status} does not match the period {Day(effective)} to {Day(end)} at the "
                    + $"reference date {Day(_referenceDate)}; expected {expected}.");
            }

            if (patient is not null && effective < patient.DateOfBirth.Date)
            {
                Add(found, ConsistencyRule.Timeline, DatasetEntityKind.Policy, number,
                    $"Effective date {Day(effective)} is before patient {patient.Id} was born on "
                    + $"{Day(patient.DateOfBirth)}.");
            }
        }

        private void CheckAppointment(Appointment appointment, List<RuleViolation> found)
        {
            var id = appointment.Id;
            _patients.TryGetValue(appointment.PatientId ?? "", out var patient);
            _providers.TryGetValue(appointment.ProviderId ?? "", out var provider);
            if (patient is null)
            {
                Add(found, ConsistencyRule.References, DatasetEntityKind.Appointment, id,
                    $"Patient {Quote(appointment.PatientId)} is not a patient in the dataset.");
            }

            if (provider is null)
            {
                Add(found, ConsistencyRule.References, DatasetEntityKind.Appointment, id,
                    $"Provider {Quote(appointment.ProviderId)} is not a provider in the dataset.");
            }

            if (appointment.DurationMinutes <= 0)
            {
                Add(found, ConsistencyRule.Schedule, DatasetEntityKind.Appointment, id,
                    $"Duration {appointment.DurationMinutes} minutes is not positive.");
            }

            if (provider is not null)
            {
                CheckSpecialty(appointment, provider, patient, found);
                CheckSchedule(appointment, provider, found);
            }

            CheckTimeline(appointment, patient, found);
            CheckCancellation(appointment, found);
            if (patient is not null)
            {
                CheckCopay(appointment, patient, found);
            }
        }

        /// <summary>
        /// Rule 6: the type is one the specialty offers, with its duration, mode and visit category, and the patient
        /// is of an age (at the reference date) and sex the specialty and the type see.
        /// </summary>
        private void CheckSpecialty(Appointment appointment, ProviderFacts provider, Patient? patient,
            List<RuleViolation> found)
        {
            var id = appointment.Id;
            var specialty = provider.Specialty;
            var name = provider.Provider.Specialty;
            var providerId = provider.Provider.Id;
            if (specialty is null)
            {
                return;
            }

            var age = patient is null ? -1 : AgeAt(patient.DateOfBirth, _referenceDate);
            if (patient is not null && IsPediatric(name ?? "") && age >= AdultAge)
            {
                Add(found, ConsistencyRule.Specialty, DatasetEntityKind.Appointment, id,
                    $"Pediatric provider {providerId} sees patient {patient.Id}, aged {age}; expected a minor.");
            }
            else if (patient is not null && !specialty.Seed.Serves(age, patient.Sex))
            {
                Add(found, ConsistencyRule.Specialty, DatasetEntityKind.Appointment, id,
                    $"Provider {providerId} practises {Quote(name)}, which sees ages {specialty.Seed.MinAge} to "
                    + $"{specialty.Seed.MaxAge}" + (specialty.Seed.Sex is null ? "" : $" ({specialty.Seed.Sex})")
                    + $", but patient {patient.Id} is {age} ({patient.Sex}).");
            }

            if (!specialty.Types.TryGetValue(appointment.Type ?? "", out var type))
            {
                Add(found, ConsistencyRule.Specialty, DatasetEntityKind.Appointment, id,
                    $"Type {Quote(appointment.Type)} is not offered by {Quote(name)} (provider {providerId}); "
                    + $"expected one of {string.Join(", ", specialty.Types.Keys)}.");
                return;
            }

            if (patient is not null && !type.Serves(age))
            {
                Add(found, ConsistencyRule.Specialty, DatasetEntityKind.Appointment, id,
                    $"Type {Quote(type.Name)} suits ages {type.MinAge} to {type.MaxAge}, but patient {patient.Id} is "
                    + $"{age}.");
            }

            if (appointment.DurationMinutes != type.DurationMinutes)
            {
                Add(found, ConsistencyRule.Specialty, DatasetEntityKind.Appointment, id,
                    $"Duration {appointment.DurationMinutes} minutes does not match {type.DurationMinutes} minutes, "
                    + $"the length of a {Quote(type.Name)} with {Quote(name)}.");
            }

            if (!Contains(type.Modes, appointment.Mode))
            {
                Add(found, ConsistencyRule.Specialty, DatasetEntityKind.Appointment, id,
                    $"Mode {appointment.Mode} is not offered for {Quote(type.Name)} with {Quote(name)}; expected "
                    + $"{string.Join(" or ", type.Modes)}.");
            }

            if (appointment.VisitCategory != type.VisitCategory)
            {
                Add(found, ConsistencyRule.Specialty, DatasetEntityKind.Appointment, id,
                    $"Visit category {appointment.VisitCategory} does not match {type.VisitCategory}, the category of "
                    + $"a {Quote(type.Name)} with {Quote(name)}.");
            }
        }

        private static bool Contains(IReadOnlyList<AppointmentMode> modes, AppointmentMode mode)
        {
            foreach (var candidate in modes)
            {
                if (candidate == mode)
                {
                    return true;
                }
            }

            return false;
        }

        private static void CheckSchedule(Appointment appointment, ProviderFacts provider, List<RuleViolation> found)
        {
            var id = appointment.Id;
            if (provider.Offset is not TimeSpan offset || !provider.ScheduleUsable)
            {
                return;
            }

            var start = appointment.Start;
            if (start.Offset != offset)
            {
                Add(found, ConsistencyRule.Schedule, DatasetEntityKind.Appointment, id,
                    $"Start {Time(start)} is not in the clinic's UTC offset {provider.Provider.Clinic.UtcOffset}.");
            }

            var schedule = provider.Provider.Schedule;
            var local = start.ToOffset(offset);
            var time = local.TimeOfDay;
            var end = time + TimeSpan.FromMinutes(Math.Max(0, appointment.DurationMinutes));
            var fromOpening = time - schedule.Start;
            if ((provider.DayMask & (1 << (int)local.DayOfWeek)) == 0)
            {
                Add(found, ConsistencyRule.Schedule, DatasetEntityKind.Appointment, id,
                    $"Start {Time(local)} is on a {local.DayOfWeek}, when provider {provider.Provider.Id} does not "
                    + $"work ({schedule}).");
            }
            else if (time < schedule.Start || end > schedule.End)
            {
                Add(found, ConsistencyRule.Schedule, DatasetEntityKind.Appointment, id,
                    $"The appointment from {Time(local)} for {appointment.DurationMinutes} minutes is outside the "
                    + $"hours of provider {provider.Provider.Id} ({schedule}).");
            }
            else if (fromOpening.Ticks % TimeSpan.FromMinutes(schedule.SlotMinutes).Ticks != 0)
            {
                Add(found, ConsistencyRule.Schedule, DatasetEntityKind.Appointment, id,
                    $"Start {Time(local)} is not on a slot boundary of provider {provider.Provider.Id} ({schedule}).");
            }
        }

        private void CheckTimeline(Appointment appointment, Patient? patient, List<RuleViolation> found)
        {
            var id = appointment.Id;
            var day = appointment.Start.Date;
            var status = appointment.Status;
            if (day < _referenceDate && status != AppointmentStatus.Completed && status != AppointmentStatus.Canceled
                && status != AppointmentStatus.NoShow)
            {
                Add(found, ConsistencyRule.Timeline, DatasetEntityKind.Appointment, id,
                    $"Status {status} on {Day(day)}, before the reference date {Day(_referenceDate)}; expected "
                    + "Completed, Canceled or NoShow.");
            }
            else if (day > _referenceDate && status != AppointmentStatus.Scheduled
                && status != AppointmentStatus.Confirmed && status != AppointmentStatus.Canceled)
            {
                Add(found, ConsistencyRule.Timeline, DatasetEntityKind.Appointment, id,
                    $"Status {status} on {Day(day)}, after the reference date {Day(_referenceDate)}; expected "
                    + "Scheduled, Confirmed or Canceled.");
            }

            if (appointment.BookedAt >= appointment.Start)
            {
                Add(found, ConsistencyRule.Timeline, DatasetEntityKind.Appointment, id,
                    $"Booked at {Time(appointment.BookedAt)}, not before the start {Time(appointment.Start)}.");
            }

            if (appointment.BookedAt.Date > _referenceDate)
            {
                Add(found, ConsistencyRule.Timeline, DatasetEntityKind.Appointment, id,
                    $"Booked at {Time(appointment.BookedAt)}, after the reference date {Day(_referenceDate)}.");
            }

            if (patient is not null && appointment.Start.Date < patient.DateOfBirth.Date)
            {
                Add(found, ConsistencyRule.Timeline, DatasetEntityKind.Appointment, id,
                    $"Starts at {Time(appointment.Start)}, before patient {patient.Id} was born on "
                    + $"{Day(patient.DateOfBirth)}.");
            }
            else if (patient is not null && appointment.BookedAt.Date < patient.DateOfBirth.Date)
            {
                Add(found, ConsistencyRule.Timeline, DatasetEntityKind.Appointment, id,
                    $"Booked at {Time(appointment.BookedAt)}, before patient {patient.Id} was born on "
                    + $"{Day(patient.DateOfBirth)}.");
            }
        }

        private void CheckCancellation(Appointment appointment, List<RuleViolation> found)
        {
            var id = appointment.Id;
            var hasReason = !string.IsNullOrWhiteSpace(appointment.CancellationReason);
            var hasDate = appointment.CanceledAt.HasValue;
            if (appointment.Status == AppointmentStatus.Canceled)
            {
                if (!hasReason || !hasDate)
                {
                    Add(found, ConsistencyRule.Cancellation, DatasetEntityKind.Appointment, id,
                        "The appointment is canceled but lacks its " + (!hasReason && !hasDate
                            ? "cancellation reason and date"
                            : !hasReason ? "cancellation reason" : "cancellation date") + ".");
                }

                if (appointment.CanceledAt is DateTimeOffset canceledAt
                    && (canceledAt < appointment.BookedAt || canceledAt > appointment.Start
                        || canceledAt.Date > _referenceDate))
                {
                    Add(found, ConsistencyRule.Cancellation, DatasetEntityKind.Appointment, id,
                        $"Canceled at {Time(canceledAt)}, outside the booking {Time(appointment.BookedAt)} to the "
                        + $"start {Time(appointment.Start)}, or after the reference date {Day(_referenceDate)}.");
                }
            }
            else if (hasReason || hasDate)
            {
                Add(found, ConsistencyRule.Cancellation, DatasetEntityKind.Appointment, id,
                    $"Status {appointment.Status} but cancellation reason {Quote(appointment.CancellationReason)} "
                    + "and date " + (hasDate ? Time(appointment.CanceledAt!.Value) : "none")
                    + "; expected neither.");
            }
        }

        private void CheckCopay(Appointment appointment, Patient patient, List<RuleViolation> found)
        {
            var id = appointment.Id;
            InsurancePolicy? policy = null;
            if (!string.IsNullOrEmpty(patient.InsurancePolicyNumber))
            {
                _policies.TryGetValue(patient.InsurancePolicyNumber!, out policy);
            }

            if (policy is null)
            {
                if (appointment.Copay is not null && string.IsNullOrEmpty(patient.InsurancePolicyNumber))
                {
                    Add(found, ConsistencyRule.Copay, DatasetEntityKind.Appointment, id,
                        $"Copay {Money(appointment.Copay)} is charged to patient {patient.Id}, who has no policy; "
                        + "expected none.");
                }

                return;
            }

            var day = appointment.Start.Date;
            var active = day >= policy.EffectiveDate.Date && day <= policy.EndDate.Date;
            if (appointment.Copay is not null)
            {
                var expected = policy.Copays?.For(appointment.VisitCategory);
                if (appointment.Copay != expected)
                {
                    Add(found, ConsistencyRule.Copay, DatasetEntityKind.Appointment, id,
                        $"Copay {Money(appointment.Copay)} for a {appointment.VisitCategory} visit does not match "
                        + $"{Money(expected)}, the copay of policy {policy.PolicyNumber}.");
                }

                if (!active && appointment.Status != AppointmentStatus.Canceled)
                {
                    Add(found, ConsistencyRule.PolicyAmounts, DatasetEntityKind.Appointment, id,
                        $"Policy {policy.PolicyNumber} pays for the visit on {Day(day)} but covers only "
                        + $"{Day(policy.EffectiveDate)} to {Day(policy.EndDate)}.");
                }
            }
            else if (active && appointment.Status != AppointmentStatus.Canceled)
            {
                Add(found, ConsistencyRule.Copay, DatasetEntityKind.Appointment, id,
                    $"No copay is charged, but policy {policy.PolicyNumber} covers {Day(day)} with a "
                    + $"{appointment.VisitCategory} copay of {Money(policy.Copays?.For(appointment.VisitCategory))}.");
            }
        }

        /// <summary>
        /// Finds overlapping active (not canceled) appointments of one provider or one patient by sorting them by
        /// owner and start and sweeping once, remembering the appointment that ends last so far.
        /// </summary>
        private void FindOverlaps(bool byProvider, List<RuleViolation> found)
        {
            var appointments = _dataset.Appointments;
            var intervals = new List<Interval>(appointments.Count);
            for (var i = 0; i < appointments.Count; i++)
            {
                var appointment = appointments[i];
                if (appointment.Status == AppointmentStatus.Canceled || appointment.DurationMinutes <= 0)
                {
                    continue;
                }

                int owner;
                if (byProvider)
                {
                    if (!_providers.TryGetValue(appointment.ProviderId ?? "", out var provider))
                    {
                        continue;
                    }

                    owner = provider.Number;
                }
                else if (!_patientNumbers.TryGetValue(appointment.PatientId ?? "", out owner))
                {
                    continue;
                }

                var start = appointment.Start.UtcTicks;
                intervals.Add(new Interval
                {
                    Owner = owner,
                    Start = start,
                    End = start + TimeSpan.TicksPerMinute * appointment.DurationMinutes,
                    Index = i,
                });
            }

            intervals.Sort();
            var latest = -1;
            for (var k = 0; k < intervals.Count; k++)
            {
                var current = intervals[k];
                if (latest >= 0 && intervals[latest].Owner == current.Owner && current.Start < intervals[latest].End)
                {
                    var other = appointments[intervals[latest].Index];
                    var appointment = appointments[current.Index];
                    var owner = byProvider
                        ? "provider " + appointment.ProviderId
                        : "patient " + appointment.PatientId;
                    Add(found, ConsistencyRule.Schedule, DatasetEntityKind.Appointment, appointment.Id,
                        $"The appointment at {Time(appointment.Start)} overlaps {other.Id} at {Time(other.Start)} "
                        + $"({other.DurationMinutes} minutes) for the same {owner}.");
                }

                if (latest < 0 || intervals[latest].Owner != current.Owner || current.End > intervals[latest].End)
                {
                    latest = k;
                }
            }
        }

        private static bool IsDigits(string text, int length)
        {
            if (text.Length != length)
            {
                return false;
            }

            foreach (var c in text)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether the number is NNN-555-01NN, on the lines reserved for fiction.</summary>
        private static bool IsFictionalPhone(string phone) =>
            phone.Length == 12 && IsDigits(phone.Substring(0, 3), 3)
            && string.CompareOrdinal(phone, 3, "-555-01", 0, 7) == 0 && IsDigits(phone.Substring(10, 2), 2);
    }
}

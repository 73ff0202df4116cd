using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using HealthMock.Randomness;
using HealthMock.Seeds;

namespace HealthMock.Generation;

/// <summary>
/// Books mock appointments for patients with a given set of providers, so that every appointment obeys the
/// clinic's rules: the type is one the provider's specialty offers to a patient of that age and sex, the start is
/// a slot of the provider's weekly schedule in the clinic's UTC offset, and no provider or patient has two active
/// appointments that overlap.
/// </summary>
/// <remarks>
/// <para>Place: patients are seen close to home. When some provider whose clinic is in the patient's state can see
/// the patient, every in-person appointment of the patient is with a provider in that state, and providers of other
/// states see the patient only by telehealth, for a type that allows it; only when every provider in the patient's
/// state able to see the patient is fully booked does a provider elsewhere see the patient in person. A patient
/// whom no provider in its own state can see is booked with any provider able to see it, in either mode.</para>
/// <para>The appointments of patient i are a function of the seed, the options, i, the patient, the providers and
/// policies, and the slots booked for the patients before it: the generator remembers its bookings, so the
/// same patients in the same order always give the same appointments, and the appointments of the first n
/// patients do not depend on any later patient.</para>
/// <para>Visit category and copay: the category is always the appointment type's, from the specialties seeds (the
/// specialty's category unless the type sets its own, as Telehealth Visit does). A type offered both in person and
/// by telehealth keeps its category in either mode, so a telehealth follow-up with primary care is billed as
/// primary care; only telehealth-category types are billed at the telehealth copay. The copay is the policy's copay
/// for the category when the patient's policy is in force on the appointment's date, and null otherwise, so an
/// appointment's copay always equals its policy's copay for the appointment's own visit category (rule 11).</para>
/// <para>Cost: the providers able to see a patient, and which of them are in the patient's state, depend only on
/// the patient's age, sex and state, so they are worked out once for each group of patients alike in those and
/// kept; booked slots are a bitset per provider over the window's working days. The work of a booking does not
/// grow with the number of providers, unless those tried first are full. Memory grows with the patients booked
/// only through what the generator keeps per patient (its bookings, and its policy); <see cref="Forget"/> drops
/// that for a patient done with, so a run over millions of patients stays flat.</para>
/// </remarks>
public sealed class AppointmentGenerator
{
    /// <summary>How many months before the reference date the earliest appointment may fall.</summary>
    public const int MonthsBefore = 12;

    /// <summary>How many months after the reference date the latest appointment may fall.</summary>
    public const int MonthsAfter = 3;

    // How many providers share a block of booked slots: few enough that a block stays off the large object heap and
    // a block of providers never booked is not made, enough that the blocks' headers stay in the processor's cache
    // while their providers are booked at random.
    private const int BlockProviders = 16;

    private static readonly string[] CancellationReasons =
    {
        "Patient request", "Scheduling conflict", "Feeling better", "Patient illness", "Provider unavailable",
        "Transportation issue", "Work conflict", "Weather", "Rescheduled by patient", "Insurance issue",
        "Family emergency", "Clinic closure",
    };

    // A de Bruijn sequence: multiplying a word's lowest set bit by it puts a distinct pattern in the top six bits.
    private const ulong DeBruijn = 0x03F79D71B4CB0A89UL;

    private static readonly int[] BitPositions = MakeBitPositions();

    private readonly AppointmentOptions _options;
    private readonly DateTime _referenceDate;
    private readonly DateTime _firstDay;
    private readonly DateTime _lastDay;

    // The last minute of the reference date: nothing is booked or canceled after it.
    private readonly DateTime _lastMinute;

    // Days are counted from the window's first day, so the slot search needs no calendar arithmetic.
    private readonly long _firstDayTicks;
    private readonly int _lastDayIndex;

    private readonly ProviderFacts[] _providers;
    private readonly Dictionary<string, int> _providerNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
    private readonly int _nullIdProvider;
    private readonly Dictionary<string, int> _stateNumbers =
        new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

    // The (specialty, working day length) pairs of the providers: a group offers the same types to every provider
    // of one pair, so it keeps its types by pair number, which each provider knows.
    private readonly Dictionary<(SpecialtySeed Specialty, int DayMinutes), int> _choiceNumbers =
        new Dictionary<(SpecialtySeed Specialty, int DayMinutes), int>();

    private readonly List<SpecialtySeed> _specialties = new List<SpecialtySeed>();

    // The ages at which some specialty or appointment type of the providers starts or stops serving, in order:
    // patients of two ages with no boundary between them are served alike.
    private readonly long[] _ageBoundaries;

    private readonly Dictionary<AppointmentTypeSeed, TypeFacts> _types =
        new Dictionary<AppointmentTypeSeed, TypeFacts>();

    private readonly Dictionary<long, CandidateGroup> _groupsByAgesAndSex = new Dictionary<long, CandidateGroup>();
    private readonly Dictionary<string, CandidateGroup> _groupsBySignature =
        new Dictionary<string, CandidateGroup>(StringComparer.Ordinal);

    // Booked slots, a block for every BlockProviders providers in order, made when one of them is first booked.
    private readonly ulong[]?[] _slotBlocks;
    private readonly int[] _slotBlockSizes;

    private readonly Dictionary<string, InsurancePolicy> _policiesByNumber =
        new Dictionary<string, InsurancePolicy>(StringComparer.Ordinal);

    private readonly Dictionary<string, InsurancePolicy> _policiesByPatient =
        new Dictionary<string, InsurancePolicy>(StringComparer.Ordinal);

    // Bookings are kept for the generator's lifetime: that state is what stops double booking across patients.
    // Providers' slots stay in the slot blocks; a patient's bookings (start and end in UTC ticks) until Forget.
    private readonly Dictionary<string, List<(long Start, long End)>> _patientBookings =
        new Dictionary<string, List<(long Start, long End)>>(StringComparer.Ordinal);

    // The lists of forgotten patients, cleared, for the next patients to use.
    private readonly Stack<List<(long Start, long End)>> _spareBookingLists =
        new Stack<List<(long Start, long End)>>();

    // What the patient being booked has reserved so far, to release when one of its appointments finds no slot.
    private readonly List<Booking> _booked = new List<Booking>();
    private readonly char[] _idBuffer = new char[24];
    private readonly long _firstNumber;

    private long _nextNumber;

    // The patient being booked: its first possible day, its bookings, its own primary care provider among the
    // candidates and its policy, each looked up once, when first needed.
    private string? _patientId;
    private bool _firstDayKnown;
    private int _patientFirstDay;
    private bool _bookingsKnown;
    private List<(long Start, long End)>? _bookings;
    private bool _ownKnown;
    private ProviderFacts? _own;
    private bool _policyKnown;
    private InsurancePolicy? _policy;

    /// <summary>
    /// Creates a generator for the providers to book with and, optionally, the policies that set copays. Throws an
    /// <see cref="InvalidOptionException"/> for bad options, no provider, or a provider whose specialty is not in
    /// the seeds or whose schedule or UTC offset cannot be used. The providers are read here, once: changing one
    /// afterwards does not change the appointments booked with it.
    /// </summary>
    public AppointmentGenerator(SeedCatalog seeds, AppointmentOptions options, IEnumerable<Provider> providers,
        IEnumerable<InsurancePolicy>? policies = null)
    {
        options.Validate();
        _options = options;
        _firstNumber = options.StartIndex;
        _nextNumber = options.StartIndex;
        _referenceDate = DateTime.SpecifyKind(options.ReferenceDate.Date, DateTimeKind.Unspecified);
        _firstDay = _referenceDate.AddMonths(-MonthsBefore);
        _lastDay = _referenceDate.AddMonths(MonthsAfter);
        _lastMinute = _referenceDate.AddDays(1).AddMinutes(-1);
        _firstDayTicks = _firstDay.Ticks;
        _lastDayIndex = DayIndex(_lastDay);
        var facts = new List<ProviderFacts>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var provider in providers)
        {
            if (provider is not null && ids.Add(provider.Id))
            {
                facts.Add(ProviderFacts.Create(seeds, provider, facts.Count, _firstDay.DayOfWeek, _lastDayIndex + 1));
            }
        }

        if (facts.Count == 0)
        {
            throw new InvalidOptionException("Providers", null,
                "No provider was given: expected at least one provider to book appointments with.");
        }

        _providers = facts.ToArray();
        foreach (var provider in _providers)
        {
            Index(provider);
        }

        _nullIdProvider = Array.FindIndex(_providers, p => p.Id is null);
        _ageBoundaries = AgeBoundaries(_specialties);
        _slotBlocks = new ulong[]?[(_providers.Length + BlockProviders - 1) / BlockProviders];
        _slotBlockSizes = new int[_slotBlocks.Length];
        foreach (var provider in _providers)
        {
            var block = provider.Number / BlockProviders;
            provider.SlotBase = _slotBlockSizes[block];
            _slotBlockSizes[block] += provider.SlotWords;
        }

        foreach (var policy in policies ?? Array.Empty<InsurancePolicy>())
        {
            if (policy is not null)
            {
                AddPolicy(policy);
            }
        }
    }

    /// <summary>The number of appointments made so far.</summary>
    public long Count => _nextNumber - _firstNumber;

    /// <summary>
    /// The index the next appointment will have: the options' start index plus <see cref="Count"/>. A later run
    /// given this as its start index makes ids that do not collide with this run's.
    /// </summary>
    public long NextIndex => _nextNumber;

    /// <summary>The id of appointment number <paramref name="number"/> (from 1): apt_ and six digits or more.</summary>
    public static string AppointmentId(long number) =>
        "apt_" + number.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>
    /// Registers a policy that sets copays, as the constructor does with the policies it is given: a patient's
    /// appointments use the policy whose number the patient records, or, for a patient that records none, the first
    /// policy registered for the patient's id. Lets a caller hand policies over as it makes them, before booking
    /// their patients, instead of all of them up front.
    /// </summary>
    public void AddPolicy(InsurancePolicy policy)
    {
        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        _policiesByNumber[policy.PolicyNumber] = policy;
        if (!_policiesByPatient.ContainsKey(policy.PatientId))
        {
            _policiesByPatient[policy.PatientId] = policy;
        }
    }

    /// <summary>
    /// Forgets what the generator keeps about a patient whose appointments are all booked: its own bookings and its
    /// policies (the one its <see cref="Patient.InsurancePolicyNumber"/> names and the one registered for its id).
    /// Providers' slots stay booked, so later patients still cannot take them. Call it only for a patient that will
    /// not be booked again: booked again, the patient could be given appointments that overlap its earlier ones, and
    /// would have no copays unless its policy is added again. A run over millions of patients that forgets each one
    /// when done keeps the generator's memory flat.
    /// </summary>
    public void Forget(Patient patient)
    {
        if (patient is null)
        {
            throw new ArgumentNullException(nameof(patient));
        }

        if (patient.Id is not null)
        {
            if (_patientBookings.TryGetValue(patient.Id, out var bookings))
            {
                _patientBookings.Remove(patient.Id);
                bookings.Clear();
                _spareBookingLists.Push(bookings);
            }

            _policiesByPatient.Remove(patient.Id);
        }

        if (!string.IsNullOrEmpty(patient.InsurancePolicyNumber))
        {
            _policiesByNumber.Remove(patient.InsurancePolicyNumber!);
        }
    }

    /// <summary>
    /// Books the appointments of patient <paramref name="index"/> of the input: a count drawn from the options'
    /// range, each with a provider able to see the patient. Throws a <see cref="RecordException"/>
    /// (NoSuitableProvider, or NoFreeSlot when every suitable schedule is full) and then books nothing for the
    /// patient.
    /// </summary>
    public IReadOnlyList<Appointment> Generate(long index, Patient patient)
    {
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "Expected a record index of 0 or more.");
        }

        var random = new RecordRandom(_options.Seed, RecordKind.Appointment, index);
        var count = random.Between(_options.MinPerPatient, _options.MaxPerPatient);
        if (count == 0)
        {
            return Array.Empty<Appointment>();
        }

        var age = Ages.At(patient.DateOfBirth, _referenceDate);
        var group = GroupFor(age, patient.Sex);
        if (group.Candidates.Length == 0)
        {
            throw new RecordException("NoSuitableProvider", patient,
                $"No provider given can see patient {patient.Id}, aged {age} ({patient.Sex}): expected a provider "
                + "whose specialty sees that age and sex, such as Pediatrics or Family Medicine for a minor.");
        }

        var set = group.SetFor(StateNumber(patient.State));
        var firstNumber = _nextNumber;
        _booked.Clear();
        _patientId = patient.Id;
        _firstDayKnown = false;
        _bookingsKnown = false;
        _bookings = null;
        _ownKnown = false;
        _own = null;
        _policyKnown = false;
        _policy = null;
        var appointments = new Appointment[count];
        for (var k = 0; k < count; k++)
        {
            var appointment = BookOne(ref random, patient, set);
            if (appointment is null)
            {
                Release(patient);
                _nextNumber = firstNumber;
                throw new RecordException("NoFreeSlot", patient,
                    $"Every provider able to see patient {patient.Id} is fully booked from "
                    + $"{_firstDay:yyyy-MM-dd} to {_lastDay:yyyy-MM-dd}: expected more providers or fewer "
                    + "appointments.");
            }

            appointments[k] = appointment;
        }

        return appointments;
    }

    /// <summary>Numbers the provider's id, state and (specialty, day length) pair for the lookups of booking.</summary>
    private void Index(ProviderFacts facts)
    {
        if (facts.Id is not null)
        {
            _providerNumbers[facts.Id] = facts.Number;
        }

        var state = facts.Provider.Clinic?.State;
        if (!string.IsNullOrEmpty(state))
        {
            if (!_stateNumbers.TryGetValue(state!, out var number))
            {
                number = _stateNumbers.Count;
                _stateNumbers.Add(state!, number);
            }

            facts.State = number;
        }

        if (!_specialties.Contains(facts.Specialty))
        {
            _specialties.Add(facts.Specialty);
        }

        var choice = (facts.Specialty, facts.DayMinutes);
        if (!_choiceNumbers.TryGetValue(choice, out var choiceNumber))
        {
            choiceNumber = _choiceNumbers.Count;
            _choiceNumbers.Add(choice, choiceNumber);
        }

        facts.Choice = choiceNumber;
    }

    /// <summary>
    /// The number of the patient's state among the providers' states, or -1 when the patient has none or no provider
    /// practises there: either way no provider is local to the patient.
    /// </summary>
    private int StateNumber(string? state) =>
        !string.IsNullOrEmpty(state) && _stateNumbers.TryGetValue(state!, out var number) ? number : -1;

    /// <summary>
    /// The first age each specialty and appointment type serves and the first it no longer serves, in order.
    /// </summary>
    private static long[] AgeBoundaries(IEnumerable<SpecialtySeed> specialties)
    {
        var boundaries = new SortedSet<long>();
        foreach (var specialty in specialties)
        {
            boundaries.Add(specialty.MinAge);
            boundaries.Add(specialty.MaxAge + 1L);
            foreach (var type in specialty.AppointmentTypes)
            {
                boundaries.Add(type.MinAge);
                boundaries.Add(type.MaxAge + 1L);
            }
        }

        return boundaries.ToArray();
    }

    /// <summary>
    /// The candidates for patients of this age and sex. Ages and sexes that the same specialties see, with the same
    /// appointment types, share one group, so there are only a few groups however many patients there are; the
    /// ages between two boundaries are looked up together.
    /// </summary>
    private CandidateGroup GroupFor(int age, Sex sex)
    {
        var ages = Array.BinarySearch(_ageBoundaries, (long)age);
        var key = ((long)(ages < 0 ? ~ages : ages + 1) << 32) | (uint)sex;
        if (_groupsByAgesAndSex.TryGetValue(key, out var group))
        {
            return group;
        }

        var signature = new StringBuilder();
        foreach (var specialty in _specialties)
        {
            if (specialty.Serves(age, sex))
            {
                foreach (var type in specialty.AppointmentTypes)
                {
                    signature.Append(type.Serves(age) ? '1' : '0');
                }
            }

            signature.Append(';');
        }

        var text = signature.ToString();
        if (!_groupsBySignature.TryGetValue(text, out group))
        {
            group = MakeGroup(age, sex);
            _groupsBySignature.Add(text, group);
        }

        _groupsByAgesAndSex.Add(key, group);
        return group;
    }

    /// <summary>
    /// Every provider whose specialty sees the age and sex, in the providers' order, with the specialty's types that
    /// suit the age and fit in the provider's working day; a provider left with no type is no candidate.
    /// </summary>
    private CandidateGroup MakeGroup(int age, Sex sex)
    {
        var choices = new TypeChoice?[_choiceNumbers.Count];
        foreach (var pair in _choiceNumbers)
        {
            var (specialty, dayMinutes) = pair.Key;
            if (!specialty.Serves(age, sex))
            {
                continue;
            }

            var types = specialty.AppointmentTypes
                .Where(t => t.Serves(age) && t.DurationMinutes <= dayMinutes)
                .Select(TypeFactsOf)
                .ToArray();
            if (types.Length > 0)
            {
                choices[pair.Value] = new TypeChoice(types);
            }
        }

        return new CandidateGroup(choices, _providers.Where(p => choices[p.Choice] is not null).ToArray(),
            _stateNumbers.Count);
    }

    private TypeFacts TypeFactsOf(AppointmentTypeSeed type)
    {
        if (!_types.TryGetValue(type, out var facts))
        {
            facts = new TypeFacts(type);
            _types.Add(type, facts);
        }

        return facts;
    }

    /// <summary>
    /// Primary care visits (a share set by the options) go to the patient's own primary care provider when it is
    /// among the candidates, most of the time; other visits go to a specialist, one in the patient's state when there
    /// is one. When some candidate is in the patient's state, a provider elsewhere is booked only by telehealth. When
    /// the chosen provider has no free slot, the others are tried in order: those in the patient's state, then those
    /// elsewhere (by telehealth when the patient has local ones), and as a last resort those elsewhere in person.
    /// </summary>
    private Appointment? BookOne(ref RecordRandom random, Patient patient, CandidateSet set)
    {
        var group = set.Group;
        ProviderFacts chosen;
        if (group.Primary.Length > 0 && (group.Others.Length == 0 || random.Chance(_options.PrimaryCareShare)))
        {
            var own = OwnPrimaryCare(group, patient);
            chosen = own is not null && random.Chance(0.85)
                ? own
                : set.NearestPrimary[random.Next(set.NearestPrimary.Length)];
        }
        else
        {
            chosen = set.NearestOthers[random.Next(set.NearestOthers.Length)];
        }

        var hasLocal = set.Local.Length > 0;
        var appointment = TryBook(ref random, patient, group, chosen, hasLocal && !set.IsLocal(chosen));
        foreach (var candidate in set.Local)
        {
            if (appointment is not null)
            {
                break;
            }

            if (candidate != chosen)
            {
                appointment = TryBook(ref random, patient, group, candidate, false);
            }
        }

        foreach (var candidate in group.Candidates)
        {
            if (appointment is not null)
            {
                break;
            }

            if (candidate != chosen && !set.IsLocal(candidate))
            {
                appointment = TryBook(ref random, patient, group, candidate, hasLocal);
            }
        }

        if (hasLocal)
        {
            foreach (var candidate in group.Candidates)
            {
                if (appointment is not null)
                {
                    break;
                }

                if (!set.IsLocal(candidate))
                {
                    appointment = TryBook(ref random, patient, group, candidate, false);
                }
            }
        }

        return appointment;
    }

    /// <summary>The patient's own primary care provider when it is a primary care candidate, else null.</summary>
    private ProviderFacts? OwnPrimaryCare(CandidateGroup group, Patient patient)
    {
        if (!_ownKnown)
        {
            var id = patient.PrimaryCareProviderId;
            var number = id is null ? _nullIdProvider : _providerNumbers.TryGetValue(id, out var found) ? found : -1;
            var own = number >= 0 ? _providers[number] : null;
            _own = own is not null && own.IsPrimaryCare && group.Sees(own) ? own : null;
            _ownKnown = true;
        }

        return _own;
    }

    /// <summary>
    /// Books one appointment with a candidate of the group in a free slot, or returns null. With
    /// <paramref name="telehealthOnly"/> only the types that allow telehealth are drawn and the visit is held by
    /// telehealth.
    /// </summary>
    private Appointment? TryBook(ref RecordRandom random, Patient patient, CandidateGroup group, ProviderFacts facts,
        bool telehealthOnly)
    {
        var choice = group.Choices[facts.Choice]!;
        var types = telehealthOnly ? choice.TelehealthTypes : choice.Types;
        if (types.Length == 0)
        {
            return null;
        }

        var type = types[random.Next(types.Length)];
        var mode = telehealthOnly ? AppointmentMode.Telehealth
            : type.HasOneMode ? type.OnlyMode
            : type.AllowsTelehealth && random.Chance(0.25) ? AppointmentMode.Telehealth
            : AppointmentMode.InPerson;
        var category = type.VisitCategory;
        var reason = type.Reasons[random.Next(type.Reasons.Length)];
        var firstDay = PatientFirstDay(patient);
        if (firstDay < 0)
        {
            return null;
        }

        var duration = type.DurationMinutes;
        if (!FindSlot(ref random, facts, firstDay, duration, out var dayIndex, out var row, out var slot))
        {
            return null;
        }

        var local = new DateTime(_firstDayTicks + dayIndex * TimeSpan.TicksPerDay + facts.OpeningTicks
            + slot * facts.SlotTicks, DateTimeKind.Unspecified);
        var day = local.Date;
        var start = new DateTimeOffset(local, facts.Offset);
        var status = PickStatus(ref random, day);
        var bookedAt = PickBookedAt(ref random, patient, start);
        var appointment = new Appointment
        {
            Id = NextId(),
            PatientId = patient.Id,
            ProviderId = facts.Id,
            Type = type.Name,
            VisitCategory = category,
            Start = start,
            DurationMinutes = duration,
            Mode = mode,
            Reason = reason,
            Status = status,
            BookedAt = bookedAt,
            Copay = CopayFor(patient, category, day),
        };
        if (status == AppointmentStatus.Canceled)
        {
            appointment.CancellationReason = random.Pick(CancellationReasons);
            var latest = Earlier(local, _lastMinute);
            var canceledAt = Between(ref random, bookedAt.DateTime, latest);
            appointment.CanceledAt = new DateTimeOffset(canceledAt, facts.Offset);
        }
        else
        {
            Reserve(patient, facts, row, slot, duration, start.UtcTicks);
        }

        return appointment;
    }

    /// <summary>
    /// The index of the first day the patient may be seen: after the birth and, where the window allows, after the
    /// account was made; -1 when that is after the window. Worked out the first time a booking of the patient needs
    /// it.
    /// </summary>
    private int PatientFirstDay(Patient patient)
    {
        if (!_firstDayKnown)
        {
            var first = Later(_firstDay, patient.DateOfBirth.Date.AddDays(1));
            var afterAccount = patient.AccountCreationDate.Date.AddDays(1);
            if (afterAccount <= _lastDay)
            {
                first = Later(first, afterAccount);
            }

            _patientFirstDay = first > _lastDay ? -1 : DayIndex(first);
            _firstDayKnown = true;
        }

        return _patientFirstDay;
    }

    /// <summary>
    /// Scans the days of the window from a random one, and the slots of each working day from a random one, for the
    /// first slot where the appointment fits before closing and neither the provider nor the patient is busy. A day
    /// whose slots fit in one word gives the provider's free starts at once from its bitset, so a full day costs a
    /// few operations and only free starts are tried against the patient's bookings.
    /// </summary>
    private bool FindSlot(ref RecordRandom random, ProviderFacts facts, int firstDay, int duration, out int foundDay,
        out int foundRow, out int foundSlot)
    {
        var days = _lastDayIndex - firstDay + 1;
        var slots = (facts.DayMinutes - duration) / facts.SlotMinutes + 1;
        var day = random.Next(days);
        var firstSlot = random.Next(slots);
        var need = SlotsTaken(facts, duration);
        var durationTicks = TimeSpan.TicksPerMinute * duration;
        var inWord = facts.WordsPerDay == 1 && slots <= 64;
        var booked = need > 0 ? facts.Slots : null;
        var slotBase = facts.SlotBase;
        var valid = LowBits(slots);
        for (var d = 0; d < days; d++, day = day + 1 == days ? 0 : day + 1)
        {
            var dayIndex = firstDay + day;
            var row = facts.RowOf(dayIndex);
            if (row < 0)
            {
                continue;
            }

            var starts = valid;
            if (inWord && booked is not null && booked[slotBase + row] != 0)
            {
                var free = ~booked[slotBase + row];
                starts &= free;
                for (var j = 1; j < need && starts != 0; j++)
                {
                    starts &= free >> j;
                }

                if (starts == 0)
                {
                    continue;
                }
            }

            var dayStart = _firstDayTicks + dayIndex * TimeSpan.TicksPerDay + facts.OpeningTicks - facts.OffsetTicks;
            var slot = inWord
                ? FreeSlotInWord(starts, firstSlot, dayStart, facts.SlotTicks, durationTicks)
                : FreeSlotInRow(facts, row, slots, firstSlot, need, dayStart, durationTicks);
            if (slot >= 0)
            {
                foundDay = dayIndex;
                foundRow = row;
                foundSlot = slot;
                return true;
            }
        }

        foundDay = foundRow = foundSlot = -1;
        return false;
    }

    /// <summary>
    /// The first of the provider's free <paramref name="starts"/> of a day, from <paramref name="firstSlot"/> round
    /// to it again, where the patient is free too; -1 when there is none.
    /// </summary>
    private int FreeSlotInWord(ulong starts, int firstSlot, long dayStart, long slotTicks, long durationTicks)
    {
        var later = starts & ~LowBits(firstSlot);
        var earlier = starts & LowBits(firstSlot);
        for (var part = later; part != 0; part &= part - 1)
        {
            var slot = LowestBit(part);
            if (PatientIsFree(dayStart + slot * slotTicks, durationTicks))
            {
                return slot;
            }
        }

        for (var part = earlier; part != 0; part &= part - 1)
        {
            var slot = LowestBit(part);
            if (PatientIsFree(dayStart + slot * slotTicks, durationTicks))
            {
                return slot;
            }
        }

        return -1;
    }

    /// <summary>
    /// The first start of the day, from <paramref name="firstSlot"/> round to it again, where the provider is free for
    /// <paramref name="need"/> slots and the patient is free; -1 when there is none. Slot by slot, for a day with more
    /// slots than one word holds.
    /// </summary>
    private int FreeSlotInRow(ProviderFacts facts, int row, int slots, int firstSlot, int need, long dayStart,
        long durationTicks)
    {
        for (var s = 0; s < slots; s++)
        {
            var slot = firstSlot + s < slots ? firstSlot + s : firstSlot + s - slots;
            if (facts.IsFree(row, slot, need) && PatientIsFree(dayStart + slot * facts.SlotTicks, durationTicks))
            {
                return slot;
            }
        }

        return -1;
    }

    /// <summary>Whether the patient has no active appointment overlapping the time from a start in UTC ticks.</summary>
    private bool PatientIsFree(long start, long durationTicks)
    {
        var bookings = PatientBookings();
        if (bookings is null)
        {
            return true;
        }

        var end = start + durationTicks;
        for (var i = 0; i < bookings.Count; i++)
        {
            var booking = bookings[i];
            if (end > booking.Start && start < booking.End)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The bookings of the patient being booked, looked up once; null while it has none.</summary>
    private List<(long Start, long End)>? PatientBookings()
    {
        if (!_bookingsKnown)
        {
            _patientBookings.TryGetValue(_patientId!, out _bookings);
            _bookingsKnown = true;
        }

        return _bookings;
    }

    /// <summary>
    /// Takes the slots for an active appointment and adds it to the patient's bookings, remembering both so they
    /// can be released if a later appointment of the patient finds no slot.
    /// </summary>
    private void Reserve(Patient patient, ProviderFacts facts, int row, int slot, int duration, long start)
    {
        var need = SlotsTaken(facts, duration);
        if (facts.Slots is null && need > 0)
        {
            var block = facts.Number / BlockProviders;
            facts.Slots = _slotBlocks[block] ??= new ulong[_slotBlockSizes[block]];
        }

        facts.Mark(row, slot, need, true);
        var interval = (start, start + TimeSpan.TicksPerMinute * duration);

        var bookings = PatientBookings();
        if (bookings is null)
        {
            bookings = _spareBookingLists.Count > 0 ? _spareBookingLists.Pop() : new List<(long Start, long End)>();
            _patientBookings[patient.Id] = bookings;
            _bookings = bookings;
        }

        bookings.Add(interval);
        _booked.Add(new Booking(facts, row, slot, need, interval));
    }

    private void Release(Patient patient)
    {
        foreach (var booking in _booked)
        {
            booking.Facts.Mark(booking.Row, booking.Slot, booking.Count, false);
            _patientBookings[patient.Id].Remove(booking.Interval);
        }

        _booked.Clear();
    }

    /// <summary>
    /// Before the reference date most appointments took place and some were canceled or missed; from the reference
    /// date on they are scheduled or confirmed, and some are canceled.
    /// </summary>
    private AppointmentStatus PickStatus(ref RecordRandom random, DateTime day)
    {
        var draw = random.Next(100);
        if (day < _referenceDate)
        {
            return draw < 80 ? AppointmentStatus.Completed
                : draw < 92 ? AppointmentStatus.Canceled
                : AppointmentStatus.NoShow;
        }

        return draw < 12 ? AppointmentStatus.Canceled
            : draw < 56 ? AppointmentStatus.Scheduled
            : AppointmentStatus.Confirmed;
    }

    /// <summary>
    /// Booked during the day, a few days to three months ahead, never after the reference date, never less than half
    /// an hour before the start, never before the patient was born and, where the window allows, not before the
    /// account was made.
    /// </summary>
    private DateTimeOffset PickBookedAt(ref RecordRandom random, Patient patient, DateTimeOffset start)
    {
        var local = start.DateTime;
        var born = patient.DateOfBirth.Date;
        var upper = Earlier(local.AddMinutes(-30), _lastMinute);
        var lower = Later(Later(born, patient.AccountCreationDate.Date), local.AddDays(-120));
        if (lower >= upper)
        {
            lower = Later(born, local.AddDays(-120));
        }

        var leadDays = random.Chance(0.3) ? random.Between(0, 7) : random.Between(8, 90);
        var candidate = local.Date.AddDays(-leadDays).AddMinutes(random.Between(7 * 60, 20 * 60));
        var bookedAt = candidate < lower || candidate > upper ? Between(ref random, lower, upper) : candidate;
        return new DateTimeOffset(DateTime.SpecifyKind(bookedAt, DateTimeKind.Unspecified), start.Offset);
    }

    private decimal? CopayFor(Patient patient, VisitCategory category, DateTime day)
    {
        if (!_policyKnown)
        {
            if (!string.IsNullOrEmpty(patient.InsurancePolicyNumber))
            {
                _policiesByNumber.TryGetValue(patient.InsurancePolicyNumber!, out _policy);
            }
            else
            {
                _policiesByPatient.TryGetValue(patient.Id, out _policy);
            }

            _policyKnown = true;
        }

        return _policy is not null && _policy.IsActiveOn(day) ? _policy.Copays.For(category) : null;
    }

    /// <summary>The id of the next appointment: the text of <see cref="AppointmentId"/>, made as one string.</summary>
    private string NextId()
    {
        var number = ++_nextNumber;
        var digits = 1;
        for (var rest = number / 10; rest > 0; rest /= 10)
        {
            digits++;
        }

        var length = 4 + Math.Max(6, digits);
        _idBuffer[0] = 'a';
        _idBuffer[1] = 'p';
        _idBuffer[2] = 't';
        _idBuffer[3] = '_';
        for (var i = length - 1; i >= 4; i--)
        {
            _idBuffer[i] = (char)('0' + (int)(number % 10));
            number /= 10;
        }

        return new string(_idBuffer, 0, length);
    }

    /// <summary>The days from the window's first day to <paramref name="date"/>, a date at midnight.</summary>
    private int DayIndex(DateTime date) => (int)((date.Ticks - _firstDayTicks) / TimeSpan.TicksPerDay);

    /// <summary>How many slots an appointment of <paramref name="duration"/> minutes takes, the last in part.</summary>
    private static int SlotsTaken(ProviderFacts facts, int duration) =>
        duration <= 0 ? 0 : (duration + facts.SlotMinutes - 1) / facts.SlotMinutes;

    /// <summary>A word whose lowest <paramref name="count"/> bits are set.</summary>
    private static ulong LowBits(int count) => count >= 64 ? ulong.MaxValue : (1UL << count) - 1;

    /// <summary>The position of the lowest set bit of a word that is not zero.</summary>
    private static int LowestBit(ulong word) => BitPositions[((word & (0 - word)) * DeBruijn) >> 58];

    /// <summary>A whole minute from <paramref name="lower"/> to <paramref name="upper"/>, both included.</summary>
    private static DateTime Between(ref RecordRandom random, DateTime lower, DateTime upper)
    {
        var minutes = (long)(upper - lower).TotalMinutes;
        return minutes <= 0 ? lower : lower.AddMinutes(Math.Min(minutes, (long)(random.NextDouble() * (minutes + 1))));
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;

    private static int[] MakeBitPositions()
    {
        var positions = new int[64];
        for (var bit = 0; bit < 64; bit++)
        {
            positions[((1UL << bit) * DeBruijn) >> 58] = bit;
        }

        return positions;
    }

    /// <summary>What booking needs of an appointment type, read once from its seed.</summary>
    private sealed class TypeFacts
    {
        public TypeFacts(AppointmentTypeSeed seed)
        {
            Name = seed.Name;
            DurationMinutes = seed.DurationMinutes;
            VisitCategory = seed.VisitCategory;
            HasOneMode = seed.Modes.Count == 1;
            OnlyMode = HasOneMode ? seed.Modes[0] : AppointmentMode.InPerson;
            AllowsTelehealth = seed.AllowsTelehealth;
            Reasons = seed.Reasons.ToArray();
        }

        public string Name { get; }

        public int DurationMinutes { get; }

        public VisitCategory VisitCategory { get; }

        /// <summary>Whether the type takes place in one mode only, <see cref="OnlyMode"/>.</summary>
        public bool HasOneMode { get; }

        public AppointmentMode OnlyMode { get; }

        public bool AllowsTelehealth { get; }

        public string[] Reasons { get; }
    }

    /// <summary>The appointment types a group's patients may book with providers of one specialty and day.</summary>
    private sealed class TypeChoice
    {
        public TypeChoice(TypeFacts[] types)
        {
            Types = types;
            TelehealthTypes = types.Where(t => t.AllowsTelehealth).ToArray();
        }

        public TypeFacts[] Types { get; }

        /// <summary>The types that may be held by telehealth, for providers outside the patient's state.</summary>
        public TypeFacts[] TelehealthTypes { get; }
    }

    /// <summary>
    /// The providers able to see the patients of some ages and sexes (the candidates), in the providers' order, split
    /// into primary care and the others, with the candidate lists for each state made the first time a patient of
    /// that state needs them.
    /// </summary>
    private sealed class CandidateGroup
    {
        // By state number plus one: the first set is for patients with no provider in their state.
        private readonly CandidateSet?[] _sets;

        public CandidateGroup(TypeChoice?[] choices, ProviderFacts[] candidates, int stateCount)
        {
            Choices = choices;
            Candidates = candidates;
            Primary = candidates.Where(c => c.IsPrimaryCare).ToArray();
            Others = candidates.Where(c => !c.IsPrimaryCare).ToArray();
            _sets = new CandidateSet?[stateCount + 1];
        }

        /// <summary>
        /// The types offered, by the number of the providers' (specialty, day length) pair; null where the specialty
        /// does not see the group's patients or no type suits them and fits the day, so its providers are no
        /// candidates.
        /// </summary>
        public TypeChoice?[] Choices { get; }

        public ProviderFacts[] Candidates { get; }

        public ProviderFacts[] Primary { get; }

        public ProviderFacts[] Others { get; }

        /// <summary>Whether the provider is a candidate for the group's patients.</summary>
        public bool Sees(ProviderFacts provider) => Choices[provider.Choice] is not null;

        public CandidateSet SetFor(int state) => _sets[state + 1] ??= new CandidateSet(this, state);
    }

    /// <summary>
    /// The candidates of a group for patients of one state: those whose clinic is in the state, in order, and the
    /// primary care providers and specialists to draw from, those in the state when there are any, else all.
    /// </summary>
    private sealed class CandidateSet
    {
        private readonly int _state;

        public CandidateSet(CandidateGroup group, int state)
        {
            Group = group;
            _state = state;
            Local = state < 0 ? Array.Empty<ProviderFacts>() : group.Candidates.Where(IsLocal).ToArray();
            var localPrimary = Local.Where(c => c.IsPrimaryCare).ToArray();
            var localOthers = Local.Where(c => !c.IsPrimaryCare).ToArray();
            NearestPrimary = localPrimary.Length > 0 ? localPrimary : group.Primary;
            NearestOthers = localOthers.Length > 0 ? localOthers : group.Others;
        }

        public CandidateGroup Group { get; }

        public ProviderFacts[] Local { get; }

        public ProviderFacts[] NearestPrimary { get; }

        public ProviderFacts[] NearestOthers { get; }

        /// <summary>Whether the candidate's clinic is in the patients' state.</summary>
        public bool IsLocal(ProviderFacts candidate) => _state >= 0 && candidate.State == _state;
    }

    /// <summary>The slots and time range one active appointment took, so they can be released.</summary>
    private readonly struct Booking
    {
        public Booking(ProviderFacts facts, int row, int slot, int count, (long Start, long End) interval)
        {
            Facts = facts;
            Row = row;
            Slot = slot;
            Count = count;
            Interval = interval;
        }

        public ProviderFacts Facts { get; }

        public int Row { get; }

        public int Slot { get; }

        public int Count { get; }

        public (long Start, long End) Interval { get; }
    }

    /// <summary>
    /// What booking needs to know about a provider, worked out once, and where its booked slots are: one bit per slot
    /// of each working day of the window, a row of whole words per day, in the block of slots it shares with the
    /// providers numbered next to it.
    /// </summary>
    private sealed class ProviderFacts
    {
        // For each day of a week of the window (counted from the window's first day), four bits: the day's row among
        // the working days of its week plus one, or zero for a day off.
        private int _weekRows;

        private ProviderFacts(Provider provider, SpecialtySeed specialty, int number)
        {
            Provider = provider;
            Id = provider.Id;
            Specialty = specialty;
            IsPrimaryCare = specialty.IsPrimaryCare;
            Number = number;
        }

        public Provider Provider { get; }

        public string Id { get; }

        public SpecialtySeed Specialty { get; }

        public bool IsPrimaryCare { get; }

        public int Number { get; }

        /// <summary>The number of the clinic's state among the providers' states, -1 when it has none.</summary>
        public int State { get; set; } = -1;

        /// <summary>The number of the provider's (specialty, day length) pair: it sets the types offered.</summary>
        public int Choice { get; set; }

        public TimeSpan Offset { get; private set; }

        public long OffsetTicks { get; private set; }

        public long OpeningTicks { get; private set; }

        public int SlotMinutes { get; private set; }

        public long SlotTicks { get; private set; }

        /// <summary>The minutes from the first slot's start to the last slot's end.</summary>
        public int DayMinutes { get; private set; }

        /// <summary>The words of a day's row: enough for a bit per slot that starts before closing.</summary>
        public int WordsPerDay { get; private set; }

        /// <summary>The words of all the provider's rows.</summary>
        public int SlotWords { get; private set; }

        /// <summary>Where the provider's first row starts in its block.</summary>
        public int SlotBase { get; set; }

        /// <summary>The block of booked slots, null until the provider's first booking.</summary>
        public ulong[]? Slots { get; set; }

        private int WorkingDays { get; set; }

        /// <summary>The row of day <paramref name="day"/> of the window; -1 on the provider's days off.</summary>
        public int RowOf(int day)
        {
            var week = day / 7;
            var rank = ((_weekRows >> (4 * (day - week * 7))) & 15) - 1;
            return rank < 0 ? -1 : week * WorkingDays + rank;
        }

        /// <summary>Whether <paramref name="count"/> slots from <paramref name="slot"/> of the row are free.</summary>
        public bool IsFree(int row, int slot, int count)
        {
            if (Slots is null)
            {
                return true;
            }

            var bit = (SlotBase + row * WordsPerDay) * 64 + slot;
            for (var i = 0; i < count; i++, bit++)
            {
                if ((Slots[bit >> 6] & (1UL << (bit & 63))) != 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Books or frees <paramref name="count"/> slots from <paramref name="slot"/> of the row; the block must have
        /// been given when booking.
        /// </summary>
        public void Mark(int row, int slot, int count, bool booked)
        {
            var words = Slots!;
            var bit = (SlotBase + row * WordsPerDay) * 64 + slot;
            for (var i = 0; i < count; i++, bit++)
            {
                if (booked)
                {
                    words[bit >> 6] |= 1UL << (bit & 63);
                }
                else
                {
                    words[bit >> 6] &= ~(1UL << (bit & 63));
                }
            }
        }

        /// <summary>
        /// Checks the provider and works out its facts for a booking window of <paramref name="days"/> days from a
        /// <paramref name="firstWeekday"/>.
        /// </summary>
        public static ProviderFacts Create(SeedCatalog seeds, Provider provider, int number, DayOfWeek firstWeekday,
            int days)
        {
            var specialty = seeds.FindSpecialty(provider.Specialty ?? "")
                ?? throw new InvalidOptionException("Providers", provider.Id,
                    $"Provider {provider.Id} practises '{provider.Specialty}', which the specialties seeds do not "
                    + $"list: expected one of {string.Join(", ", seeds.Specialties.Select(s => s.Name))}.");
            var schedule = provider.Schedule;
            if (schedule is null || schedule.Days is null || schedule.Days.Length == 0 || schedule.SlotMinutes <= 0
                || schedule.End <= schedule.Start || schedule.Start < TimeSpan.Zero
                || schedule.End > TimeSpan.FromDays(1))
            {
                throw new InvalidOptionException("Providers", provider.Id,
                    $"Provider {provider.Id} has the schedule '{schedule}': expected at least one working day, a "
                    + "positive slot length and a start before the end within one day.");
            }

            if (!TryParseOffset(provider.Clinic?.UtcOffset, out var offset))
            {
                throw new InvalidOptionException("Providers", provider.Id,
                    $"Provider {provider.Id} has the clinic UTC offset '{provider.Clinic?.UtcOffset}': expected an "
                    + "offset such as -05:00 or +09:30.");
            }

            var dayMinutes = (int)(schedule.End - schedule.Start).TotalMinutes;
            var slotsPerDay = (dayMinutes + schedule.SlotMinutes - 1) / schedule.SlotMinutes;
            var facts = new ProviderFacts(provider, specialty, number)
            {
                Offset = offset,
                OffsetTicks = offset.Ticks,
                OpeningTicks = schedule.Start.Ticks,
                SlotMinutes = schedule.SlotMinutes,
                SlotTicks = TimeSpan.TicksPerMinute * schedule.SlotMinutes,
                DayMinutes = dayMinutes,
                WordsPerDay = Math.Max(1, (slotsPerDay + 63) / 64),
            };
            var dayMask = 0;
            foreach (var day in schedule.Days)
            {
                dayMask |= 1 << (int)day;
            }

            for (var i = 0; i < 7; i++)
            {
                var weekday = ((int)firstWeekday + i) % 7;
                if ((dayMask & (1 << weekday)) != 0)
                {
                    facts.WorkingDays++;
                    facts._weekRows |= facts.WorkingDays << (4 * i);
                }
            }

            facts.SlotWords = (days + 6) / 7 * facts.WorkingDays * facts.WordsPerDay;
            return facts;
        }

        private static bool TryParseOffset(string? text, out TimeSpan offset)
        {
            offset = TimeSpan.Zero;
            if (text is null || text.Length != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':'
                || !int.TryParse(text.Substring(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
                || !int.TryParse(text.Substring(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
                || hours > 14 || minutes > 59)
            {
                return false;
            }

            offset = new TimeSpan(hours, minutes, 0);
            if (text[0] == '-')
            {
                offset = offset.Negate();
            }

            return offset <= TimeSpan.FromHours(14) && offset >= TimeSpan.FromHours(-14);
        }
    }
}

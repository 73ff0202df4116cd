using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HealthMock.Generation;
using HealthMock.Randomness;
using HealthMock.Seeds;

namespace HealthMock.Tests.Appointments;

/// <summary>
/// The appointment generator as it was before it was made fast: a verbatim copy of the old
/// <see cref="AppointmentGenerator"/> under another name, kept only in the tests so that
/// <see cref="AppointmentEquivalenceTests"/> can check that the fast generator makes exactly the same appointments,
/// draw for draw. Do not change it to follow the fast generator; it is the reference.
/// </summary>
public sealed class ReferenceAppointmentGenerator
{
    /// <summary>How many months before the reference date the earliest appointment may fall.</summary>
    public const int MonthsBefore = 12;

    /// <summary>How many months after the reference date the latest appointment may fall.</summary>
    public const int MonthsAfter = 3;

    private static readonly string[] CancellationReasons =
    {
        "Patient request", "Scheduling conflict", "Feeling better", "Patient illness", "Provider unavailable",
        "Transportation issue", "Work conflict", "Weather", "Rescheduled by patient", "Insurance issue",
        "Family emergency", "Clinic closure",
    };

    private readonly AppointmentOptions _options;
    private readonly DateTime _referenceDate;
    private readonly DateTime _firstDay;
    private readonly DateTime _lastDay;
    private readonly ProviderFacts[] _providers;
    private readonly Dictionary<string, InsurancePolicy> _policiesByNumber =
        new Dictionary<string, InsurancePolicy>(StringComparer.Ordinal);

    private readonly Dictionary<string, InsurancePolicy> _policiesByPatient =
        new Dictionary<string, InsurancePolicy>(StringComparer.Ordinal);

    // Bookings are kept for the generator's lifetime: that state is what stops double booking across patients.
    private readonly HashSet<(int Provider, long Slot)> _bookedSlots = new HashSet<(int Provider, long Slot)>();
    private readonly Dictionary<string, List<(long Start, long End)>> _patientBookings =
        new Dictionary<string, List<(long Start, long End)>>(StringComparer.Ordinal);

    private readonly long _firstNumber;

    private long _nextNumber;

    /// <summary>
    /// Creates a generator for the providers to book with and, optionally, the policies that set copays. Throws an
    /// <see cref="InvalidOptionException"/> for bad options, no provider, or a provider whose specialty is not in
    /// the seeds or whose schedule or UTC offset cannot be used.
    /// </summary>
    public ReferenceAppointmentGenerator(SeedCatalog seeds, AppointmentOptions options,
        IEnumerable<Provider> providers, IEnumerable<InsurancePolicy>? policies = null)
    {
        options.Validate();
        _options = options;
        _firstNumber = options.StartIndex;
        _nextNumber = options.StartIndex;
        _referenceDate = DateTime.SpecifyKind(options.ReferenceDate.Date, DateTimeKind.Unspecified);
        _firstDay = _referenceDate.AddMonths(-MonthsBefore);
        _lastDay = _referenceDate.AddMonths(MonthsAfter);
        var facts = new List<ProviderFacts>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var provider in providers)
        {
            if (provider is not null && ids.Add(provider.Id))
            {
                facts.Add(ProviderFacts.Create(seeds, provider, facts.Count));
            }
        }

        if (facts.Count == 0)
        {
            throw new InvalidOptionException("Providers", null,
                "No provider was given: expected at least one provider to book appointments with.");
        }

        _providers = facts.ToArray();
        foreach (var policy in policies ?? Array.Empty<InsurancePolicy>())
        {
            if (policy is null)
            {
                continue;
            }

            _policiesByNumber[policy.PolicyNumber] = policy;
            if (!_policiesByPatient.ContainsKey(policy.PatientId))
            {
                _policiesByPatient[policy.PatientId] = policy;
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
        var candidates = Candidates(patient, age);
        if (candidates.Count == 0)
        {
            throw new RecordException("NoSuitableProvider", patient,
                $"No provider given can see patient {patient.Id}, aged {age} ({patient.Sex}): expected a provider "
                + "whose specialty sees that age and sex, such as Pediatrics or Family Medicine for a minor.");
        }

        var firstNumber = _nextNumber;
        var local = candidates.Where(c => IsLocal(c.Facts, patient)).ToList();
        var booked = new List<Booking>(count);
        var appointments = new List<Appointment>(count);
        for (var k = 0; k < count; k++)
        {
            var appointment = BookOne(ref random, patient, candidates, local, booked);
            if (appointment is null)
            {
                Release(patient, booked);
                _nextNumber = firstNumber;
                throw new RecordException("NoFreeSlot", patient,
                    $"Every provider able to see patient {patient.Id} is fully booked from "
                    + $"{_firstDay:yyyy-MM-dd} to {_lastDay:yyyy-MM-dd}: expected more providers or fewer "
                    + "appointments.");
            }

            appointments.Add(appointment);
        }

        return appointments;
    }

    private List<Candidate> Candidates(Patient patient, int age)
    {
        var candidates = new List<Candidate>();
        foreach (var facts in _providers)
        {
            if (!facts.Specialty.Serves(age, patient.Sex))
            {
                continue;
            }

            var types = facts.Specialty.AppointmentTypes
                .Where(t => t.Serves(age) && t.DurationMinutes <= facts.DayMinutes)
                .ToArray();
            if (types.Length > 0)
            {
                candidates.Add(new Candidate(facts, types));
            }
        }

        return candidates;
    }

    /// <summary>
    /// Primary care visits (a share set by the options) go to the patient's own primary care provider when it is
    /// among the candidates, most of the time; other visits go to a specialist, one in the patient's state when there
    /// is one. When some candidate is in the patient's state (<paramref name="local"/> is not empty), a provider
    /// elsewhere is booked only by telehealth. When the chosen provider has no free slot, the others are tried in
    /// order: those in the patient's state, then those elsewhere (by telehealth when the patient has local ones),
    /// and as a last resort those elsewhere in person.
    /// </summary>
    private Appointment? BookOne(ref RecordRandom random, Patient patient, List<Candidate> candidates,
        List<Candidate> local, List<Booking> booked)
    {
        var near = local.Count > 0 ? local : candidates;
        var primary = candidates.Where(c => c.Facts.Specialty.IsPrimaryCare).ToList();
        var others = candidates.Where(c => !c.Facts.Specialty.IsPrimaryCare).ToList();
        Candidate chosen;
        if (primary.Count > 0 && (others.Count == 0 || random.Chance(_options.PrimaryCareShare)))
        {
            var own = primary.FirstOrDefault(c => string.Equals(c.Facts.Provider.Id, patient.PrimaryCareProviderId,
                StringComparison.Ordinal));
            chosen = own is not null && random.Chance(0.85) ? own : random.Pick(Nearest(primary, near));
        }
        else
        {
            chosen = random.Pick(Nearest(others, near));
        }

        var hasLocal = local.Count > 0;
        var appointment = TryBook(ref random, patient, chosen, booked, hasLocal && !local.Contains(chosen));
        foreach (var candidate in local)
        {
            if (appointment is not null)
            {
                break;
            }

            if (candidate != chosen)
            {
                appointment = TryBook(ref random, patient, candidate, booked, false);
            }
        }

        var elsewhere = candidates.Where(c => !local.Contains(c)).ToList();
        foreach (var candidate in elsewhere)
        {
            if (appointment is not null)
            {
                break;
            }

            if (candidate != chosen)
            {
                appointment = TryBook(ref random, patient, candidate, booked, hasLocal);
            }
        }

        foreach (var candidate in hasLocal ? elsewhere : new List<Candidate>())
        {
            if (appointment is not null)
            {
                break;
            }

            appointment = TryBook(ref random, patient, candidate, booked, false);
        }

        return appointment;
    }

    /// <summary>The candidates of a group in the patient's state when it has any there, else all of them.</summary>
    private static List<Candidate> Nearest(List<Candidate> group, List<Candidate> near)
    {
        var nearest = group.Where(near.Contains).ToList();
        return nearest.Count > 0 ? nearest : group;
    }

    /// <summary>Whether the provider's clinic is in the patient's state.</summary>
    private static bool IsLocal(ProviderFacts facts, Patient patient) =>
        !string.IsNullOrEmpty(patient.State)
        && string.Equals(facts.Provider.Clinic?.State, patient.State, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Books one appointment with the candidate in a free slot, or returns null. With
    /// <paramref name="telehealthOnly"/> only the types that allow telehealth are drawn and the visit is held by
    /// telehealth.
    /// </summary>
    private Appointment? TryBook(ref RecordRandom random, Patient patient, Candidate candidate, List<Booking> booked,
        bool telehealthOnly)
    {
        var facts = candidate.Facts;
        var types = telehealthOnly ? candidate.TelehealthTypes : candidate.Types;
        if (types.Length == 0)
        {
            return null;
        }

        var type = random.Pick(types);
        var mode = telehealthOnly ? AppointmentMode.Telehealth
            : type.Modes.Count == 1 ? type.Modes[0]
            : type.AllowsTelehealth && random.Chance(0.25) ? AppointmentMode.Telehealth
            : AppointmentMode.InPerson;
        var category = type.VisitCategory;
        var reason = random.Pick(type.Reasons);
        var first = Later(_firstDay, patient.DateOfBirth.Date.AddDays(1));
        var afterAccount = patient.AccountCreationDate.Date.AddDays(1);
        if (afterAccount <= _lastDay)
        {
            first = Later(first, afterAccount);
        }

        if (first > _lastDay)
        {
            return null;
        }

        first = DateTime.SpecifyKind(first, DateTimeKind.Unspecified);

        var local = FindSlot(ref random, facts, patient.Id, first, type.DurationMinutes);
        if (local is null)
        {
            return null;
        }

        var start = new DateTimeOffset(local.Value, facts.Offset);
        var status = PickStatus(ref random, local.Value.Date);
        var bookedAt = PickBookedAt(ref random, patient, start);
        var appointment = new Appointment
        {
            Id = AppointmentId(++_nextNumber),
            PatientId = patient.Id,
            ProviderId = facts.Provider.Id,
            Type = type.Name,
            VisitCategory = category,
            Start = start,
            DurationMinutes = type.DurationMinutes,
            Mode = mode,
            Reason = reason,
            Status = status,
            BookedAt = bookedAt,
            Copay = CopayFor(patient, category, local.Value.Date),
        };
        if (status == AppointmentStatus.Canceled)
        {
            appointment.CancellationReason = random.Pick(CancellationReasons);
            var latest = Earlier(local.Value, _referenceDate.AddDays(1).AddMinutes(-1));
            var canceledAt = Between(ref random, bookedAt.DateTime, latest);
            appointment.CanceledAt = new DateTimeOffset(canceledAt, facts.Offset);
        }
        else
        {
            Reserve(facts, patient.Id, local.Value, type.DurationMinutes, booked);
        }

        return appointment;
    }

    /// <summary>
    /// Scans the days of the window from a random one, and the slots of each working day from a random one, for the
    /// first slot where the appointment fits before closing and neither the provider nor the patient is busy.
    /// </summary>
    private DateTime? FindSlot(ref RecordRandom random, ProviderFacts facts, string patientId, DateTime first,
        int duration)
    {
        var days = (int)(_lastDay - first).TotalDays + 1;
        var slots = (facts.DayMinutes - duration) / facts.SlotMinutes + 1;
        var firstDay = random.Next(days);
        var firstSlot = random.Next(slots);
        for (var d = 0; d < days; d++)
        {
            var day = first.AddDays((firstDay + d) % days);
            if (!facts.WorksOn(day.DayOfWeek))
            {
                continue;
            }

            for (var s = 0; s < slots; s++)
            {
                var local = day + facts.Opening + TimeSpan.FromMinutes((firstSlot + s) % slots * facts.SlotMinutes);
                if (ProviderIsFree(facts, local, duration) && PatientIsFree(patientId, facts, local, duration))
                {
                    return local;
                }
            }
        }

        return null;
    }

    private bool ProviderIsFree(ProviderFacts facts, DateTime local, int duration)
    {
        for (var minute = 0; minute < duration; minute += facts.SlotMinutes)
        {
            if (_bookedSlots.Contains((facts.Number, local.AddMinutes(minute).Ticks)))
            {
                return false;
            }
        }

        return true;
    }

    private bool PatientIsFree(string patientId, ProviderFacts facts, DateTime local, int duration)
    {
        if (!_patientBookings.TryGetValue(patientId, out var bookings))
        {
            return true;
        }

        var start = new DateTimeOffset(local, facts.Offset).UtcTicks;
        var end = start + TimeSpan.TicksPerMinute * duration;
        return bookings.All(b => end <= b.Start || start >= b.End);
    }

    private void Reserve(ProviderFacts facts, string patientId, DateTime local, int duration, List<Booking> booked)
    {
        var slots = new List<long>();
        for (var minute = 0; minute < duration; minute += facts.SlotMinutes)
        {
            var key = local.AddMinutes(minute).Ticks;
            _bookedSlots.Add((facts.Number, key));
            slots.Add(key);
        }

        var start = new DateTimeOffset(local, facts.Offset).UtcTicks;
        var interval = (start, start + TimeSpan.TicksPerMinute * duration);
        if (!_patientBookings.TryGetValue(patientId, out var bookings))
        {
            bookings = new List<(long Start, long End)>();
            _patientBookings[patientId] = bookings;
        }

        bookings.Add(interval);
        booked.Add(new Booking(facts.Number, slots, interval));
    }

    private void Release(Patient patient, List<Booking> booked)
    {
        foreach (var booking in booked)
        {
            foreach (var slot in booking.Slots)
            {
                _bookedSlots.Remove((booking.Provider, slot));
            }

            _patientBookings[patient.Id].Remove(booking.Interval);
        }
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
        var upper = Earlier(local.AddMinutes(-30), _referenceDate.AddDays(1).AddMinutes(-1));
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
        InsurancePolicy? policy;
        if (!string.IsNullOrEmpty(patient.InsurancePolicyNumber))
        {
            _policiesByNumber.TryGetValue(patient.InsurancePolicyNumber!, out policy);
        }
        else
        {
            _policiesByPatient.TryGetValue(patient.Id, out policy);
        }

        return policy is not null && policy.IsActiveOn(day) ? policy.Copays.For(category) : null;
    }

    /// <summary>A whole minute from <paramref name="lower"/> to <paramref name="upper"/>, both included.</summary>
    private static DateTime Between(ref RecordRandom random, DateTime lower, DateTime upper)
    {
        var minutes = (long)(upper - lower).TotalMinutes;
        return minutes <= 0 ? lower : lower.AddMinutes(Math.Min(minutes, (long)(random.NextDouble() * (minutes + 1))));
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;

    /// <summary>A provider able to see the patient, with the appointment types that suit the patient.</summary>
    private sealed class Candidate
    {
        public Candidate(ProviderFacts facts, AppointmentTypeSeed[] types)
        {
            Facts = facts;
            Types = types;
            TelehealthTypes = types.Where(t => t.AllowsTelehealth).ToArray();
        }

        public ProviderFacts Facts { get; }

        public AppointmentTypeSeed[] Types { get; }

        /// <summary>The types that may be held by telehealth, for providers outside the patient's state.</summary>
        public AppointmentTypeSeed[] TelehealthTypes { get; }
    }

    /// <summary>The slots and time range one active appointment took, so they can be released.</summary>
    private sealed class Booking
    {
        public Booking(int provider, List<long> slots, (long Start, long End) interval)
        {
            Provider = provider;
            Slots = slots;
            Interval = interval;
        }

        public int Provider { get; }

        public List<long> Slots { get; }

        public (long Start, long End) Interval { get; }
    }

    /// <summary>What booking needs to know about a provider, worked out once.</summary>
    private sealed class ProviderFacts
    {
        private int _dayMask;

        private ProviderFacts(Provider provider, SpecialtySeed specialty, int number)
        {
            Provider = provider;
            Specialty = specialty;
            Number = number;
        }

        public Provider Provider { get; }

        public SpecialtySeed Specialty { get; }

        public int Number { get; }

        public TimeSpan Offset { get; private set; }

        public TimeSpan Opening { get; private set; }

        public int SlotMinutes { get; private set; }

        /// <summary>The minutes from the first slot's start to the last slot's end.</summary>
        public int DayMinutes { get; private set; }

        public bool WorksOn(DayOfWeek day) => (_dayMask & (1 << (int)day)) != 0;

        public static ProviderFacts Create(SeedCatalog seeds, Provider provider, int number)
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

            var facts = new ProviderFacts(provider, specialty, number)
            {
                Offset = offset,
                Opening = schedule.Start,
                SlotMinutes = schedule.SlotMinutes,
                DayMinutes = (int)(schedule.End - schedule.Start).TotalMinutes,
            };
            foreach (var day in schedule.Days)
            {
                facts._dayMask |= 1 << (int)day;
            }

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

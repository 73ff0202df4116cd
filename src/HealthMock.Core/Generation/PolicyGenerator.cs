using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using HealthMock.Randomness;
using HealthMock.Seeds;

namespace HealthMock.Generation;

/// <summary>
/// Generates insurance policies for given patients. Record i of the policy stream is a pure function of the seed,
/// the options, i and the patient (or family) it covers: no clock, no culture, no shared random state.
/// </summary>
/// <remarks>
/// <para>A family policy takes the records from its subscriber's index to the index of its last member: the plan,
/// period and amounts are drawn once for the subscriber's record and each member gets its own policy number and
/// member id.</para>
/// <para>Each policy is the patient's current coverage: a twelve-month plan year starting on the first of a month,
/// in force at the reference date for about 95 policies in 100 (Active), starting within the next
/// <see cref="PendingWithinDays"/> days for a few (Pending) and ended within the last <see cref="ExpiredWithinDays"/>
/// days for a few (Expired, a lapse the patient has yet to renew). <see cref="PolicyOptions.Statuses"/> narrows the
/// mix. Nobody is covered before birth: a plan year that would start earlier starts on the youngest member's date
/// of birth, and its status follows from that period.</para>
/// </remarks>
public sealed class PolicyGenerator
{
    /// <summary>The age from which a patient can subscribe to a family policy.</summary>
    public const int AdultAge = 18;

    /// <summary>The age until which a child can be covered as a dependant (exclusive).</summary>
    public const int DependentAgeLimit = 26;

    /// <summary>How many years a child is at least younger than the subscriber.</summary>
    public const int ParentAgeGap = 15;

    /// <summary>How many days after the reference date a Pending policy starts, at most.</summary>
    public const int PendingWithinDays = 60;

    /// <summary>How many days before the reference date an Expired policy ended, at most.</summary>
    public const int ExpiredWithinDays = 90;

    private const int MemberNumberDigits = 9;

    private static readonly (PolicyStatus Status, int Weight)[] StatusWeights =
        { (PolicyStatus.Active, 190), (PolicyStatus.Pending, 5), (PolicyStatus.Expired, 5) };

    private static readonly PlanType[] FamilyPlanTypes =
        { PlanType.HMO, PlanType.PPO, PlanType.EPO, PlanType.POS, PlanType.HDHP };

    private readonly PolicyOptions _options;
    private readonly DateTime _referenceDate;
    private readonly Dictionary<PlanType, PlanSeed[]> _plans;
    private readonly PlanType[] _planTypes;
    private readonly KeyedPermutation _memberNumbers;
    private readonly (PolicyStatus Status, int Weight)[] _statuses;

    /// <summary>Creates a generator; throws <see cref="InvalidOptionException"/> for options it cannot meet.</summary>
    public PolicyGenerator(SeedCatalog seeds, PolicyOptions options)
    {
        options.Validate(seeds);
        _options = options;
        _referenceDate = DateTime.SpecifyKind(options.ReferenceDate.Date, DateTimeKind.Unspecified);
        var wanted = options.PlanTypes.Count == 0 ? null : new HashSet<PlanType>(options.PlanTypes);
        _plans = options.SelectedPayers(seeds).SelectMany(p => p.Plans)
            .Where(p => wanted is null || wanted.Contains(p.PlanType))
            .GroupBy(p => p.PlanType)
            .ToDictionary(g => g.Key, g => g.ToArray());
        _planTypes = _plans.Keys.OrderBy(t => t).ToArray();
        _memberNumbers = new KeyedPermutation(1_000_000_000UL, options.Seed, RecordKind.PolicyMember);
        _statuses = options.Statuses.Count == 0 ? StatusWeights
            : StatusWeights.Where(w => options.Statuses.Contains(w.Status)).ToArray();
    }

    /// <summary>The plan types this generator draws from, in declaration order.</summary>
    public IReadOnlyList<PlanType> PlanTypes => _planTypes;

    /// <summary>The plan types a family policy can have: employer plans, never Medicare or Medicaid.</summary>
    public static IReadOnlyList<PlanType> FamilyPlanTypeChoices => FamilyPlanTypes;

    /// <summary>
    /// Generates record <paramref name="index"/>: an individual policy for <paramref name="patient"/>. Throws a
    /// <see cref="RecordException"/> (NoEligiblePlanType) when no allowed plan type suits the patient's age.
    /// </summary>
    public InsurancePolicy Generate(long index, Patient patient)
    {
        CheckIndex(index);
        var random = new RecordRandom(_options.Seed, RecordKind.Policy, index);
        var age = Ages.At(patient.DateOfBirth, _referenceDate);
        var planType = PickIndividualPlanType(ref random, patient, age);
        var terms = DrawTerms(ref random, index, planType, false, patient.DateOfBirth.Date);
        return Build(terms, index, 0, patient, patient, "self", CoverageTier.Individual);
    }

    /// <summary>
    /// Generates records <paramref name="index"/> to <paramref name="index"/> + n - 1: one policy per member of a
    /// family, in member order. The first member is the subscriber and must be an adult; each other member is a
    /// child (under 26 and at least 15 years younger than the subscriber) or else the one spouse (an adult). The
    /// members share the payer, plan, group number, period and family amounts; the tier is family when a child is
    /// covered and employee plus spouse otherwise. One member gives an individual policy, as
    /// <see cref="Generate(long, Patient)"/> does. Throws a <see cref="RecordException"/> (InvalidFamily or
    /// NoEligiblePlanType) for a family that cannot be covered.
    /// </summary>
    public IReadOnlyList<InsurancePolicy> GenerateFamily(long index, IReadOnlyList<Patient> members)
    {
        CheckIndex(index);
        if (members.Count == 0)
        {
            throw new ArgumentException("Expected at least one family member.", nameof(members));
        }

        if (members.Count == 1)
        {
            return new[] { Generate(index, members[0]) };
        }

        var subscriber = members[0];
        var relationships = Relationships(members);
        var choices = _planTypes.Where(t => FamilyPlanTypes.Contains(t)).ToArray();
        if (choices.Length == 0)
        {
            throw new RecordException("NoEligiblePlanType", subscriber,
                $"The family of subscriber {subscriber.Id} cannot be covered: the plan types allowed are "
                + $"{string.Join(", ", _planTypes)}, but a family policy needs one of "
                + $"{string.Join(", ", FamilyPlanTypes)}.");
        }

        var random = new RecordRandom(_options.Seed, RecordKind.Policy, index);
        var planType = PickWeighted(ref random, choices, Ages.At(subscriber.DateOfBirth, _referenceDate));
        var youngestBirth = members.Max(m => m.DateOfBirth.Date);
        var terms = DrawTerms(ref random, index, planType, true, youngestBirth);
        var tier = relationships.Contains("child") ? CoverageTier.Family : CoverageTier.EmployeePlusSpouse;
        var policies = new InsurancePolicy[members.Count];
        for (var k = 0; k < members.Count; k++)
        {
            policies[k] = Build(terms, index + k, k, members[k], subscriber, relationships[k], tier);
        }

        return policies;
    }

    /// <summary>
    /// Records <paramref name="policy"/> on <paramref name="patient"/>: its policy number, payer, plan type (as the
    /// coverage type) and the deductible still to be met, so the patient carries its policy onward.
    /// </summary>
    public static void AssignTo(Patient patient, InsurancePolicy policy)
    {
        patient.InsurancePolicyNumber = policy.PolicyNumber;
        patient.InsuranceProvider = policy.Payer;
        patient.CoverageType = policy.PlanType.ToString();
        patient.DeductibleBalance = policy.Deductible - policy.DeductibleMet;
    }

    /// <summary>The policy number of record <paramref name="index"/>: pol_ and the record number from 000001.</summary>
    public static string PolicyNumber(long index) =>
        "pol_" + (index + 1).ToString("D6", CultureInfo.InvariantCulture);

    private static void CheckIndex(long index)
    {
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "Expected a record index of 0 or more.");
        }
    }

    private string[] Relationships(IReadOnlyList<Patient> members)
    {
        var subscriber = members[0];
        var subscriberAge = Ages.At(subscriber.DateOfBirth, _referenceDate);
        if (subscriberAge < AdultAge)
        {
            throw new RecordException("InvalidFamily", subscriber,
                $"Subscriber {subscriber.Id}, the first family member, is {subscriberAge}: expected an adult of "
                + $"{AdultAge} or more first.");
        }

        var relationships = new string[members.Count];
        relationships[0] = "self";
        var seen = new HashSet<string>(StringComparer.Ordinal) { subscriber.Id };
        var hasSpouse = false;
        for (var k = 1; k < members.Count; k++)
        {
            var member = members[k];
            var age = Ages.At(member.DateOfBirth, _referenceDate);
            if (!seen.Add(member.Id))
            {
                throw new RecordException("InvalidFamily", member,
                    $"Patient {member.Id} is listed twice in the family of subscriber {subscriber.Id}: expected each "
                    + "member once.");
            }

            if (age < DependentAgeLimit && subscriberAge - age >= ParentAgeGap)
            {
                relationships[k] = "child";
            }
            else if (!hasSpouse && age >= AdultAge)
            {
                relationships[k] = "spouse";
                hasSpouse = true;
            }
            else
            {
                throw new RecordException("InvalidFamily", member,
                    $"Patient {member.Id}, aged {age}, cannot join the family policy of subscriber {subscriber.Id}, "
                    + $"aged {subscriberAge}: expected a child under {DependentAgeLimit} at least {ParentAgeGap} "
                    + $"years younger than the subscriber, or one adult spouse"
                    + (hasSpouse ? " (the family already has one)." : "."));
            }
        }

        return relationships;
    }

    private PlanType PickIndividualPlanType(ref RecordRandom random, Patient patient, int age)
    {
        if (age >= _options.MedicareAge && _plans.ContainsKey(PlanType.Medicare))
        {
            return PlanType.Medicare;
        }

        var choices = _planTypes.Where(t => t != PlanType.Medicare).ToArray();
        if (choices.Length == 0)
        {
            throw new RecordException("NoEligiblePlanType", patient,
                $"Patient {patient.Id} is {age}, younger than the Medicare age {_options.MedicareAge}, and the plan "
                + $"types allowed are only Medicare: expected a patient aged {_options.MedicareAge} or more, or "
                + "another plan type.");
        }

        return PickWeighted(ref random, choices, age);
    }

    /// <summary>Commercial plans by their usual market share; children are often on Medicaid.</summary>
    private static PlanType PickWeighted(ref RecordRandom random, PlanType[] choices, int age)
    {
        static int Weight(PlanType type, int age) => type switch
        {
            PlanType.HMO => 22,
            PlanType.PPO => 30,
            PlanType.EPO => 10,
            PlanType.POS => 8,
            PlanType.HDHP => 15,
            PlanType.Medicaid => age < AdultAge ? 40 : 12,
            _ => 10,
        };

        var total = choices.Sum(t => Weight(t, age));
        var draw = random.Next(total);
        foreach (var type in choices)
        {
            draw -= Weight(type, age);
            if (draw < 0)
            {
                return type;
            }
        }

        return choices[choices.Length - 1];
    }

    private Terms DrawTerms(ref RecordRandom random, long index, PlanType planType, bool family,
        DateTime earliestStart)
    {
        var terms = new Terms { Plan = random.Pick(_plans[planType]) };
        terms.GroupNumber = random.Between(100000, 999999).ToString(CultureInfo.InvariantCulture);
        terms.MemberNumber = _memberNumbers.Map((ulong)index)
            .ToString("D" + MemberNumberDigits, CultureInfo.InvariantCulture);
        DrawPeriod(ref random, terms, earliestStart);
        DrawAmounts(ref random, terms, family);
        terms.Copays = DrawCopays(ref random, planType);
        terms.Coinsurance = planType switch
        {
            PlanType.Medicaid => 0m,
            PlanType.Medicare => 0.2m,
            _ => random.Between(2, 6) * 0.05m,
        };
        return terms;
    }

    /// <summary>
    /// A plan year of twelve months starting on the first of a month, with the status drawn first: Active years
    /// started in the last twelve months, Pending ones start on the first of a month within the next
    /// <see cref="PendingWithinDays"/> days, Expired ones ended within the last <see cref="ExpiredWithinDays"/> days.
    /// A plan year drawn to start before the youngest member's birth starts on the date of birth instead, and the
    /// status follows from the period.
    /// </summary>
    private void DrawPeriod(ref RecordRandom random, Terms terms, DateTime earliestStart)
    {
        var monthStart = new DateTime(_referenceDate.Year, _referenceDate.Month, 1);
        DateTime effective;
        switch (PickStatus(ref random))
        {
            case PolicyStatus.Pending:
                var pending = 1;
                while (monthStart.AddMonths(pending + 1) <= _referenceDate.AddDays(PendingWithinDays))
                {
                    pending++;
                }

                effective = monthStart.AddMonths(random.Between(1, pending));
                break;
            case PolicyStatus.Expired:
                // The year after an expired plan year starts on the first of a month within the window.
                var expired = 0;
                while (monthStart.AddMonths(-(expired + 1)) > _referenceDate.AddDays(-ExpiredWithinDays))
                {
                    expired++;
                }

                effective = monthStart.AddMonths(-random.Between(0, expired)).AddYears(-1);
                break;
            default:
                effective = monthStart.AddMonths(-random.Next(12));
                break;
        }

        if (effective < earliestStart)
        {
            effective = earliestStart;
        }

        terms.Effective = DateTime.SpecifyKind(effective, DateTimeKind.Unspecified);
        terms.End = terms.Effective.AddYears(1).AddDays(-1);
        terms.Status = _referenceDate < terms.Effective ? PolicyStatus.Pending
            : _referenceDate > terms.End ? PolicyStatus.Expired
            : PolicyStatus.Active;
    }

    /// <summary>The status a plan year is drawn for, by the weights of the statuses the options allow.</summary>
    private PolicyStatus PickStatus(ref RecordRandom random)
    {
        var draw = random.Next(_statuses.Sum(s => s.Weight));
        foreach (var (status, weight) in _statuses)
        {
            draw -= weight;
            if (draw < 0)
            {
                return status;
            }
        }

        return _statuses[_statuses.Length - 1].Status;
    }

    /// <summary>
    /// The deductible and out-of-pocket maximum for the plan type (doubled for a family), and the parts met so far,
    /// which grow with the share of the plan year gone: 0 &lt;= deductible met &lt;= deductible &lt;= out-of-pocket
    /// maximum and deductible met &lt;= out-of-pocket met &lt;= out-of-pocket maximum.
    /// </summary>
    private void DrawAmounts(ref RecordRandom random, Terms terms, bool family)
    {
        int deductible;
        int outOfPocket;
        switch (terms.Plan.PlanType)
        {
            case PlanType.HMO:
                deductible = random.Between(0, 6) * 250;
                outOfPocket = Steps(ref random, Math.Max(deductible + 1500, 3000), 9200, 250);
                break;
            case PlanType.PPO:
                deductible = random.Between(2, 12) * 250;
                outOfPocket = Steps(ref random, Math.Max(deductible + 1500, 4000), 9200, 250);
                break;
            case PlanType.EPO:
                deductible = random.Between(2, 10) * 250;
                outOfPocket = Steps(ref random, Math.Max(deductible + 1500, 3500), 9200, 250);
                break;
            case PlanType.POS:
                deductible = random.Between(1, 8) * 250;
                outOfPocket = Steps(ref random, Math.Max(deductible + 1500, 3500), 9200, 250);
                break;
            case PlanType.HDHP:
                deductible = random.Between(33, 100) * 50;
                outOfPocket = Steps(ref random, Math.Max(deductible + 1000, 4000), 8300, 50);
                break;
            case PlanType.Medicare:
                deductible = random.Between(0, 10) * 50;
                outOfPocket = Steps(ref random, 3400, 8850, 50);
                break;
            default:
                deductible = 0;
                outOfPocket = Steps(ref random, 100, 600, 50);
                break;
        }

        var scale = family ? 2 : 1;
        terms.Deductible = deductible * scale;
        terms.OutOfPocketMax = outOfPocket * scale;
        var elapsed = terms.Status == PolicyStatus.Pending ? 0m
            : terms.Status == PolicyStatus.Expired ? 1m
            : ((_referenceDate - terms.Effective).Days + 1m) / ((terms.End - terms.Effective).Days + 1m);
        var usage = random.Chance(0.2) ? 0m : elapsed * random.Next(16001) / 10000m;
        terms.DeductibleMet = Cents(terms.Deductible * Math.Min(1m, usage));
        var extraShare = usage >= 1m ? elapsed * random.Next(5001) / 10000m : elapsed * random.Next(501) / 10000m;
        terms.OutOfPocketMet = terms.DeductibleMet + Cents((terms.OutOfPocketMax - terms.DeductibleMet) * extraShare);
    }

    /// <summary>
    /// Copays by visit category: primary care &lt; specialist &lt; urgent care &lt; emergency, with telehealth at most
    /// the primary care copay. Medicaid copays are a few dollars.
    /// </summary>
    private static Copays DrawCopays(ref RecordRandom random, PlanType planType)
    {
        int primary;
        int specialist;
        int urgent;
        int emergency;
        int telehealth;
        switch (planType)
        {
            case PlanType.Medicaid:
                primary = random.Between(0, 1);
                specialist = primary + random.Between(1, 2);
                urgent = specialist + 1;
                emergency = urgent + random.Between(1, 4);
                telehealth = 0;
                break;
            case PlanType.Medicare:
                primary = random.Between(0, 4) * 5;
                specialist = primary + random.Between(3, 6) * 5;
                urgent = specialist + random.Between(1, 4) * 5;
                emergency = urgent + random.Between(4, 8) * 10;
                telehealth = random.Between(0, primary / 5) * 5;
                break;
            default:
                var lowest = planType == PlanType.HMO ? 2
                    : planType == PlanType.PPO || planType == PlanType.HDHP ? 4
                    : 3;
                primary = random.Between(lowest, lowest + 4) * 5;
                specialist = primary + random.Between(3, 8) * 5;
                urgent = specialist + random.Between(2, 8) * 5;
                emergency = urgent + random.Between(3, 12) * 25;
                telehealth = random.Between(0, primary / 5) * 5;
                break;
        }

        return new Copays
        {
            PrimaryCare = primary,
            Specialist = specialist,
            UrgentCare = urgent,
            Telehealth = telehealth,
            Emergency = emergency,
        };
    }

    private static int Steps(ref RecordRandom random, int low, int high, int step) =>
        low + random.Next((high - low) / step + 1) * step;

    private static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static InsurancePolicy Build(Terms terms, long index, int member, Patient patient, Patient subscriber,
        string relationship, CoverageTier tier) =>
        new InsurancePolicy
        {
            PolicyNumber = PolicyNumber(index),
            MemberId = terms.Plan.Payer.MemberPrefix + terms.MemberNumber
                + member.ToString("D2", CultureInfo.InvariantCulture),
            GroupNumber = terms.GroupNumber,
            PatientId = patient.Id,
            Payer = terms.Plan.Payer.Name,
            PlanName = terms.Plan.Name,
            PlanType = terms.Plan.PlanType,
            CoverageTier = tier,
            SubscriberId = subscriber.Id,
            RelationshipToSubscriber = relationship,
            EffectiveDate = terms.Effective,
            EndDate = terms.End,
            Status = terms.Status,
            Deductible = terms.Deductible,
            DeductibleMet = terms.DeductibleMet,
            OutOfPocketMax = terms.OutOfPocketMax,
            OutOfPocketMet = terms.OutOfPocketMet,
            Copays = new Copays
            {
                PrimaryCare = terms.Copays.PrimaryCare,
                Specialist = terms.Copays.Specialist,
                UrgentCare = terms.Copays.UrgentCare,
                Telehealth = terms.Copays.Telehealth,
                Emergency = terms.Copays.Emergency,
            },
            Coinsurance = terms.Coinsurance,
            RequiresReferral = terms.Plan.PlanType == PlanType.HMO || terms.Plan.PlanType == PlanType.POS,
            CopaysAfterDeductible = terms.Plan.PlanType == PlanType.HDHP,
        };

    /// <summary>What the members of one policy share.</summary>
    private sealed class Terms
    {
        public PlanSeed Plan { get; set; } = null!;

        public string GroupNumber { get; set; } = "";

        public string MemberNumber { get; set; } = "";

        public DateTime Effective { get; set; }

        public DateTime End { get; set; }

        public PolicyStatus Status { get; set; }

        public decimal Deductible { get; set; }

        public decimal DeductibleMet { get; set; }

        public decimal OutOfPocketMax { get; set; }

        public decimal OutOfPocketMet { get; set; }

        public Copays Copays { get; set; } = new Copays();

        public decimal Coinsurance { get; set; }
    }
}

using System;
using System.Collections.Generic;
using HealthMock.Randomness;

namespace HealthMock.Generation;

/// <summary>
/// One pass over a dataset's records, patient by patient, holding only the providers, a window of the next few
/// patients and the booking state: what lets a dataset of millions of patients be written without being held.
/// </summary>
/// <remarks>
/// <para>Patient i is made, then insured (a working-age patient may subscribe to a family policy that also covers a
/// spouse and children found among the next <see cref="FamilyLookAhead"/> patients not yet covered; a patient
/// outside any family is uninsured at the uninsured share and otherwise gets an individual policy), then booked.
/// A patient covered by an earlier subscriber's family policy already carries it when its turn comes, so each
/// patient is complete when <see cref="Next"/> hands it over, and later steps never change it.</para>
/// <para>Policies are numbered in the order they are made, and each step hands over the policies it made, the
/// family members' among them, so the policies of all steps in order are the dataset's policies in order.</para>
/// <para>Not safe for use by several threads at once; one thread may make the steps while another reads what
/// earlier steps handed over, as nothing handed over is changed afterwards.</para>
/// </remarks>
internal sealed class DatasetRecordStream
{
    /// <summary>How many of the following patients are looked at for a subscriber's spouse and children.</summary>
    internal const int FamilyLookAhead = 12;

    private const int MostChildren = 3;

    private const int SpouseAgeGap = 12;

    // The window of patients made but not yet handed over: patient k sits at k % WindowSize. It must hold the
    // patient of the step and the FamilyLookAhead after it.
    private const int WindowSize = 16;

    private readonly DatasetOptions _options;
    private readonly DateTime _referenceDate;
    private readonly PatientGenerator? _patients;
    private readonly PolicyGenerator? _policies;
    private readonly AppointmentGenerator? _appointments;
    private readonly Patient[] _window = new Patient[WindowSize];
    private readonly int[] _ages = new int[WindowSize];
    private readonly bool[] _covered = new bool[WindowSize];
    private readonly List<int> _family = new List<int>(1 + 1 + MostChildren);
    private long _made;
    private long _nextStep;
    private long _nextPolicy;

    internal DatasetRecordStream(DatasetGenerator dataset, IReadOnlyList<Provider> providers,
        PatientGenerator? patients, PolicyGenerator? policies, AppointmentGenerator? appointments)
    {
        _options = dataset.Options;
        _referenceDate = dataset.ReferenceDate;
        Providers = providers;
        _patients = patients;
        _policies = policies;
        _appointments = appointments;
    }

    /// <summary>The dataset's providers, all made when the pass starts.</summary>
    public IReadOnlyList<Provider> Providers { get; }

    /// <summary>The number of patients, hence of steps.</summary>
    public int PatientCount => _options.PatientCount;

    /// <summary>
    /// Makes step <paramref name="index"/>: patient <paramref name="index"/>, complete with its policy, the policies
    /// made for it and its family, and its appointments. Steps must be made in order, each once. Throws the
    /// streams' errors: a <see cref="RecordException"/> when a family cannot be covered or the patient's
    /// appointments cannot all be booked.
    /// </summary>
    public DatasetStep Next(long index)
    {
        if (index != _nextStep || index >= PatientCount || _patients is null)
        {
            throw new InvalidOperationException(
                $"Expected step {_nextStep} of {PatientCount}, in order, but step {index} was asked for.");
        }

        MakeThrough(Math.Min(PatientCount - 1, index + FamilyLookAhead));
        var policies = Insure(index);
        var patient = _window[index % WindowSize];
        foreach (var policy in policies)
        {
            _appointments!.AddPolicy(policy);
        }

        var appointments = _appointments!.Generate(index, patient);
        _appointments.Forget(patient);
        _window[index % WindowSize] = null!;
        _nextStep++;
        return new DatasetStep(patient, policies, appointments);
    }

    private void MakeThrough(long last)
    {
        for (; _made <= last; _made++)
        {
            var slot = _made % WindowSize;
            var patient = _patients!.Generate(_made);
            _window[slot] = patient;
            _ages[slot] = Ages.At(patient.DateOfBirth, _referenceDate);
            _covered[slot] = false;
        }
    }

    /// <summary>
    /// Gives patient <paramref name="index"/> a policy unless an earlier family policy covers it: a family policy
    /// with the spouse and children found after it, an individual one, or none at the uninsured share. Returns the
    /// policies made, in number order, each already recorded on its patient.
    /// </summary>
    private IReadOnlyList<InsurancePolicy> Insure(long index)
    {
        var slot = index % WindowSize;
        if (_covered[slot])
        {
            return Array.Empty<InsurancePolicy>();
        }

        _covered[slot] = true;
        var random = new RecordRandom(_options.Seed, RecordKind.Coverage, index);
        var age = _ages[slot];
        _family.Clear();
        if (age >= DatasetGenerator.FamilySubscriberMinAge && age < _options.MedicareAge
            && random.Chance(_options.FamilyShare))
        {
            FindFamily(index);
        }

        IReadOnlyList<InsurancePolicy> policies;
        if (_family.Count > 0)
        {
            var members = new Patient[_family.Count + 1];
            members[0] = _window[slot];
            for (var m = 0; m < _family.Count; m++)
            {
                var member = _family[m] % WindowSize;
                members[m + 1] = _window[member];
                _covered[member] = true;
            }

            policies = _policies!.GenerateFamily(_nextPolicy, members);
            for (var m = 0; m < policies.Count; m++)
            {
                PolicyGenerator.AssignTo(members[m], policies[m]);
            }
        }
        else if (random.Chance(_options.UninsuredShare))
        {
            return Array.Empty<InsurancePolicy>();
        }
        else
        {
            var policy = _policies!.Generate(_nextPolicy, _window[slot]);
            PolicyGenerator.AssignTo(_window[slot], policy);
            policies = new[] { policy };
        }

        _nextPolicy += policies.Count;
        return policies;
    }

    /// <summary>
    /// Puts in the family list the spouse (an adult within a few years of the subscriber, under the Medicare age)
    /// and up to three children (under 26 and at least 15 years younger) among the next patients not yet covered.
    /// </summary>
    private void FindFamily(long subscriber)
    {
        var hasSpouse = false;
        var children = 0;
        var age = _ages[subscriber % WindowSize];
        var last = Math.Min(PatientCount - 1, subscriber + FamilyLookAhead);
        for (var k = subscriber + 1; k <= last && !(hasSpouse && children == MostChildren); k++)
        {
            var slot = (int)(k % WindowSize);
            if (_covered[slot])
            {
                continue;
            }

            var other = _ages[slot];
            if (!hasSpouse && other >= PolicyGenerator.AdultAge && other < _options.MedicareAge
                && Math.Abs(other - age) <= SpouseAgeGap)
            {
                hasSpouse = true;
                _family.Add((int)k);
            }
            else if (children < MostChildren && other < PolicyGenerator.DependentAgeLimit
                && age - other >= PolicyGenerator.ParentAgeGap)
            {
                children++;
                _family.Add((int)k);
            }
        }
    }
}

/// <summary>What one step of a dataset pass hands over: a patient, the policies made at that step and the
/// patient's appointments.</summary>
internal sealed class DatasetStep
{
    public DatasetStep(Patient patient, IReadOnlyList<InsurancePolicy> policies, IReadOnlyList<Appointment> appointments)
    {
        Patient = patient;
        Policies = policies;
        Appointments = appointments;
    }

    /// <summary>The patient, complete with its policy.</summary>
    public Patient Patient { get; }

    /// <summary>The policies made at this step: the patient's own and those of the family it subscribes for.</summary>
    public IReadOnlyList<InsurancePolicy> Policies { get; }

    /// <summary>The patient's appointments.</summary>
    public IReadOnlyList<Appointment> Appointments { get; }
}

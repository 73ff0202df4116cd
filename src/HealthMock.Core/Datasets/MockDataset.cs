using System;
using System.Collections.Generic;
using HealthMock.Generation;

namespace HealthMock;

/// <summary>
/// A whole linked clinic dataset: patients, providers, insurance policies and appointments, with the seed,
/// reference date and module version that made it, so the run can be repeated.
/// </summary>
/// <remarks>
/// A dataset from <see cref="DatasetGenerator.Defer"/> makes its records when one of the record lists is first
/// read or set; <see cref="DatasetWriter"/> instead writes such a dataset one patient at a time without keeping
/// the records, so a dataset of millions of patients never has to fit in memory. The records are the same either
/// way.
/// </remarks>
public sealed class MockDataset
{
    private readonly object _gate = new object();

    private DatasetGenerator? _pending;

    private List<Patient> _patients = new List<Patient>();

    private List<Provider> _providers = new List<Provider>();

    private List<InsurancePolicy> _policies = new List<InsurancePolicy>();

    private List<Appointment> _appointments = new List<Appointment>();

    /// <summary>The seed the dataset was generated from.</summary>
    public int Seed { get; set; }

    /// <summary>The reference date that anchors ages, appointment statuses and policy periods.</summary>
    public DateTime ReferenceDate { get; set; }

    /// <summary>The version of HealthMock that generated the dataset.</summary>
    public string ModuleVersion { get; set; } = "";

    /// <summary>The patients.</summary>
    public List<Patient> Patients
    {
        get => Made()._patients;
        set => Made()._patients = value;
    }

    /// <summary>The providers.</summary>
    public List<Provider> Providers
    {
        get => Made()._providers;
        set => Made()._providers = value;
    }

    /// <summary>The insurance policies.</summary>
    public List<InsurancePolicy> Policies
    {
        get => Made()._policies;
        set => Made()._policies = value;
    }

    /// <summary>The appointments.</summary>
    public List<Appointment> Appointments
    {
        get => Made()._appointments;
        set => Made()._appointments = value;
    }

    /// <summary>
    /// The generator whose records this dataset has not made yet, or null once they are made (or for a dataset
    /// built from lists).
    /// </summary>
    internal DatasetGenerator? Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending;
            }
        }
    }

    /// <summary>Returns a one-line summary of the counts.</summary>
    public override string ToString()
    {
        var pending = Pending;
        if (pending is not null)
        {
            var options = pending.Options;
            return $"{options.PatientCount} patients, {options.ProviderCount} providers, "
                + $"{(long)options.PatientCount * options.AppointmentsPerPatient} appointments (seed {Seed}; "
                + "records made when first read)";
        }

        return $"{Patients.Count} patients, {Providers.Count} providers, {Policies.Count} policies, "
            + $"{Appointments.Count} appointments (seed {Seed})";
    }

    /// <summary>A dataset whose records <paramref name="generator"/> makes when they are first needed.</summary>
    internal static MockDataset Deferred(DatasetGenerator generator) => new MockDataset
    {
        Seed = generator.Options.Seed,
        ReferenceDate = generator.ReferenceDate,
        ModuleVersion = DatasetGenerator.ModuleVersion,
        _pending = generator,
    };

    /// <summary>Makes the records of a deferred dataset, once; a failure leaves it deferred.</summary>
    private MockDataset Made()
    {
        lock (_gate)
        {
            if (_pending is not null)
            {
                var made = _pending.Generate();
                _patients = made._patients;
                _providers = made._providers;
                _policies = made._policies;
                _appointments = made._appointments;
                _pending = null;
            }

            return this;
        }
    }
}

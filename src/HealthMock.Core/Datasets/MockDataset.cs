using System;
using System.Collections.Generic;

namespace HealthMock;

/// <summary>
/// A whole linked clinic dataset: patients, providers, insurance policies and appointments, with the seed,
/// reference date and module version that made it, so the run can be repeated.
/// </summary>
public sealed class MockDataset
{
    /// <summary>The seed the dataset was generated from.</summary>
    public int Seed { get; set; }

    /// <summary>The reference date that anchors ages, appointment statuses and policy periods.</summary>
    public DateTime ReferenceDate { get; set; }

    /// <summary>The version of HealthMock that generated the dataset.</summary>
    public string ModuleVersion { get; set; } = "";

    /// <summary>The patients.</summary>
    public List<Patient> Patients { get; set; } = new List<Patient>();

    /// <summary>The providers.</summary>
    public List<Provider> Providers { get; set; } = new List<Provider>();

    /// <summary>The insurance policies.</summary>
    public List<InsurancePolicy> Policies { get; set; } = new List<InsurancePolicy>();

    /// <summary>The appointments.</summary>
    public List<Appointment> Appointments { get; set; } = new List<Appointment>();

    /// <summary>Returns a one-line summary of the counts.</summary>
    public override string ToString() =>
        $"{Patients.Count} patients, {Providers.Count} providers, {Policies.Count} policies, "
        + $"{Appointments.Count} appointments (seed {Seed})";
}

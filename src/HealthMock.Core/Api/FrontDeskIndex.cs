using System;
using System.Collections.Generic;
using System.Globalization;
using HealthMock.Generation;

namespace HealthMock.Api;

/// <summary>The records of a dataset indexed by id, and its appointments by patient and by provider.</summary>
internal sealed class FrontDeskIndex
{
    private long _lastNumber;

    public FrontDeskIndex(MockDataset dataset)
    {
        foreach (var patient in dataset.Patients)
        {
            if (patient is null || Patients.ContainsKey(patient.Id))
            {
                continue;
            }

            Patients[patient.Id] = patient;
            AddTo(Emails, (patient.Email ?? "").Trim(), patient);
            AddTo(Births, patient.DateOfBirth.Date, patient);
        }

        foreach (var provider in dataset.Providers)
        {
            if (provider is not null && !Providers.ContainsKey(provider.Id))
            {
                Providers[provider.Id] = provider;
            }
        }

        foreach (var policy in dataset.Policies)
        {
            if (policy is not null && !Policies.ContainsKey(policy.PolicyNumber))
            {
                Policies[policy.PolicyNumber] = policy;
            }
        }

        for (var i = 0; i < dataset.Appointments.Count; i++)
        {
            Add(i, dataset.Appointments[i]);
        }
    }

    public Dictionary<string, Patient> Patients { get; } = new Dictionary<string, Patient>(StringComparer.Ordinal);

    public Dictionary<string, List<Patient>> Emails { get; } =
        new Dictionary<string, List<Patient>>(StringComparer.OrdinalIgnoreCase);

    public Dictionary<DateTime, List<Patient>> Births { get; } = new Dictionary<DateTime, List<Patient>>();

    public Dictionary<string, Provider> Providers { get; } =
        new Dictionary<string, Provider>(StringComparer.Ordinal);

    public Dictionary<string, InsurancePolicy> Policies { get; } =
        new Dictionary<string, InsurancePolicy>(StringComparer.Ordinal);

    public Dictionary<string, int> Positions { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

    public Dictionary<string, List<int>> ByPatient { get; } =
        new Dictionary<string, List<int>>(StringComparer.Ordinal);

    public Dictionary<string, List<int>> ByProvider { get; } =
        new Dictionary<string, List<int>>(StringComparer.Ordinal);

    public void Add(int position, Appointment appointment)
    {
        if (appointment is null)
        {
            return;
        }

        if (!Positions.ContainsKey(appointment.Id))
        {
            Positions[appointment.Id] = position;
        }

        AddTo(ByPatient, appointment.PatientId ?? "", position);
        AddTo(ByProvider, appointment.ProviderId ?? "", position);
        var id = appointment.Id ?? "";
        if (id.StartsWith("apt_", StringComparison.Ordinal)
            && long.TryParse(id.Substring(4), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number > _lastNumber)
        {
            _lastNumber = number;
        }
    }

    /// <summary>
    /// An appointment id no appointment has: the next apt_ number after the highest so far; it is taken when the
    /// appointment is added.
    /// </summary>
    public string NextId()
    {
        var number = _lastNumber;
        string id;
        do
        {
            id = AppointmentGenerator.AppointmentId(++number);
        }
        while (Positions.ContainsKey(id));

        return id;
    }

    private static void AddTo<TKey, TValue>(Dictionary<TKey, List<TValue>> index, TKey key, TValue value)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = new List<TValue>();
            index[key] = list;
        }

        list.Add(value);
    }
}

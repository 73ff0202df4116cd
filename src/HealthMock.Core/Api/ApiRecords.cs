using System;
using System.Linq;
using HealthMock.Datasets;

namespace HealthMock.Api;

/// <summary>
/// Turns entities into the record shapes of the dataset files, so the service saves appointments.json exactly as
/// <see cref="DatasetWriter"/> writes it and the HTTP service answers with the dataset's own JSON names.
/// </summary>
internal static class ApiRecords
{
    public static UserRecord ToRecord(Patient patient) => new UserRecord
    {
        Id = patient.Id,
        FirstName = patient.FirstName,
        LastName = patient.LastName,
        Sex = patient.Sex,
        Dob = DatasetWriter.FormatDate(patient.DateOfBirth),
        Age = patient.Age,
        Email = patient.Email,
        Phone = patient.Phone,
        Address = patient.Address,
        AddressLine1 = patient.AddressLine1,
        AddressLine2 = patient.AddressLine2,
        City = patient.City,
        State = patient.State,
        Zip = patient.Zip,
        PreferredContactMethod = patient.PreferredContactMethod,
        PrimaryCareProvider = patient.PrimaryCareProvider,
        PrimaryCareProviderId = patient.PrimaryCareProviderId,
        InsurancePolicyNumber = patient.InsurancePolicyNumber,
        InsuranceProvider = patient.InsuranceProvider,
        CoverageType = patient.CoverageType,
        DeductibleBalance = patient.DeductibleBalance,
        ChronicConditions = (patient.ChronicConditions ?? Array.Empty<Condition>())
            .Select(c => new ConditionRecord { Code = c.Code, Name = c.Name }).ToList(),
        Allergies = patient.Allergies ?? Array.Empty<string>(),
        Medications = (patient.Medications ?? Array.Empty<Medication>())
            .Select(m => new MedicationRecord { Name = m.Name, Dosage = m.Dosage, TreatsCode = m.TreatsCode })
            .ToList(),
        EmergencyContact = patient.EmergencyContact is null
            ? null
            : new EmergencyContactRecord
            {
                Name = patient.EmergencyContact.Name,
                Relationship = patient.EmergencyContact.Relationship,
                Phone = patient.EmergencyContact.Phone,
            },
        AccountCreationDate = DatasetWriter.FormatDate(patient.AccountCreationDate),
    };

    public static ProviderRecord ToRecord(Provider provider) => new ProviderRecord
    {
        Id = provider.Id,
        FirstName = provider.FirstName,
        LastName = provider.LastName,
        DisplayName = provider.DisplayName,
        Credential = provider.Credential,
        Specialty = provider.Specialty,
        IsPrimaryCare = provider.IsPrimaryCare,
        Npi = provider.Npi,
        Clinic = new ClinicRecord
        {
            Name = provider.Clinic?.Name ?? "",
            AddressLine1 = provider.Clinic?.AddressLine1 ?? "",
            City = provider.Clinic?.City ?? "",
            State = provider.Clinic?.State ?? "",
            Zip = provider.Clinic?.Zip ?? "",
            UtcOffset = provider.Clinic?.UtcOffset ?? "",
        },
        Phone = provider.Phone,
        Email = provider.Email,
        Schedule = new ScheduleRecord
        {
            Days = (provider.Schedule?.Days ?? Array.Empty<DayOfWeek>()).Select(d => d.ToString()).ToArray(),
            Start = DatasetWriter.FormatTime(provider.Schedule?.Start ?? TimeSpan.Zero),
            End = DatasetWriter.FormatTime(provider.Schedule?.End ?? TimeSpan.Zero),
            SlotMinutes = provider.Schedule?.SlotMinutes ?? 0,
        },
        AcceptingNewPatients = provider.AcceptingNewPatients,
        Languages = provider.Languages ?? Array.Empty<string>(),
    };

    public static PolicyRecord ToRecord(InsurancePolicy policy) => new PolicyRecord
    {
        PolicyNumber = policy.PolicyNumber,
        MemberId = policy.MemberId,
        GroupNumber = policy.GroupNumber,
        PatientId = policy.PatientId,
        Payer = policy.Payer,
        PlanName = policy.PlanName,
        PlanType = policy.PlanType,
        CoverageTier = policy.CoverageTier,
        SubscriberId = policy.SubscriberId,
        RelationshipToSubscriber = policy.RelationshipToSubscriber,
        EffectiveDate = DatasetWriter.FormatDate(policy.EffectiveDate),
        EndDate = DatasetWriter.FormatDate(policy.EndDate),
        Status = policy.Status,
        Deductible = policy.Deductible,
        DeductibleMet = policy.DeductibleMet,
        OutOfPocketMax = policy.OutOfPocketMax,
        OutOfPocketMet = policy.OutOfPocketMet,
        Copays = new CopaysRecord
        {
            PrimaryCare = policy.Copays?.PrimaryCare ?? 0m,
            Specialist = policy.Copays?.Specialist ?? 0m,
            UrgentCare = policy.Copays?.UrgentCare ?? 0m,
            Telehealth = policy.Copays?.Telehealth ?? 0m,
            Emergency = policy.Copays?.Emergency ?? 0m,
        },
        Coinsurance = policy.Coinsurance,
        RequiresReferral = policy.RequiresReferral,
        CopaysAfterDeductible = policy.CopaysAfterDeductible,
    };

    public static AppointmentRecord ToRecord(Appointment appointment) => new AppointmentRecord
    {
        Id = appointment.Id,
        PatientId = appointment.PatientId,
        ProviderId = appointment.ProviderId,
        Type = appointment.Type,
        VisitCategory = appointment.VisitCategory,
        Start = DatasetWriter.FormatMoment(appointment.Start),
        DurationMinutes = appointment.DurationMinutes,
        Mode = appointment.Mode,
        Reason = appointment.Reason,
        Status = appointment.Status,
        CancellationReason = appointment.CancellationReason,
        CanceledAt = appointment.CanceledAt is DateTimeOffset canceled ? DatasetWriter.FormatMoment(canceled) : null,
        BookedAt = DatasetWriter.FormatMoment(appointment.BookedAt),
        Copay = appointment.Copay,
    };
}

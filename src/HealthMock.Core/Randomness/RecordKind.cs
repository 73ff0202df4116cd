namespace HealthMock.Randomness;

/// <summary>
/// The streams a run draws from. Each kind has its own sequence of records for the same seed, so adding
/// appointments to a run never changes its patients.
/// </summary>
public enum RecordKind : ulong
{
    /// <summary>The patient stream.</summary>
    Patient = 0x5041_5449_454E_5401,

    /// <summary>The keyed permutation that makes (last name, date of birth) unique among patients.</summary>
    PatientIdentity = 0x5041_5449_454E_5402,

    /// <summary>The keyed permutation that scatters the numbers in patient ids.</summary>
    PatientIdNumber = 0x5041_5449_454E_5403,

    /// <summary>The provider stream.</summary>
    Provider = 0x5052_4F56_4944_4501,

    /// <summary>The keyed permutation that gives each provider record its own NPI.</summary>
    ProviderNpi = 0x5052_4F56_4944_4502,

    /// <summary>The per-clinic stream that fixes a clinic's address and phone from its name and city.</summary>
    Clinic = 0x434C_494E_4943_0001,

    /// <summary>The stream that picks each patient's primary care provider, apart from the patient stream.</summary>
    PrimaryCare = 0x5041_5449_454E_5403,

    /// <summary>The insurance policy stream.</summary>
    Policy = 0x504F_4C49_4359_0001,

    /// <summary>The keyed permutation that gives each policy record its own member number.</summary>
    PolicyMember = 0x504F_4C49_4359_0002,

    /// <summary>The appointment stream.</summary>
    Appointment = 0x4150_504F_494E_5401,

    /// <summary>The per-patient draws of a dataset that decide who is insured and who shares a family policy.</summary>
    Coverage = 0x434F_5645_5241_4701,

    /// <summary>The values a run derives once, such as id offsets.</summary>
    Run = 0x5255_4E00_0000_0001,

    /// <summary>The draw that picks the state of a dataset's clinic network when the caller names none.</summary>
    DatasetState = 0x5354_4154_4500_0001,
}

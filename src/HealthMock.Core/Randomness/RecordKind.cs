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

    /// <summary>The provider stream.</summary>
    Provider = 0x5052_4F56_4944_4501,

    /// <summary>The insurance policy stream.</summary>
    Policy = 0x504F_4C49_4359_0001,

    /// <summary>The appointment stream.</summary>
    Appointment = 0x4150_504F_494E_5401,

    /// <summary>The values a run derives once, such as id offsets.</summary>
    Run = 0x5255_4E00_0000_0001,
}

namespace HealthMock;

/// <summary>The kinds of record in a dataset, used to say which record a rule violation is about.</summary>
public enum DatasetEntityKind
{
    /// <summary>A patient, identified by its id.</summary>
    Patient,

    /// <summary>A provider, identified by its id.</summary>
    Provider,

    /// <summary>An insurance policy, identified by its policy number.</summary>
    Policy,

    /// <summary>An appointment, identified by its id.</summary>
    Appointment,
}

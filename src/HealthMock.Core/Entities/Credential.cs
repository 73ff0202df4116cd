namespace HealthMock;

/// <summary>A provider's professional credential.</summary>
public enum Credential
{
    /// <summary>Doctor of Medicine.</summary>
    MD,

    /// <summary>Doctor of Osteopathic Medicine.</summary>
    DO,

    /// <summary>Nurse Practitioner.</summary>
    NP,

    /// <summary>Physician Assistant.</summary>
    PA,
}

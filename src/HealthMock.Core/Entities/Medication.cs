namespace HealthMock;

/// <summary>A medication a patient takes, tied to the condition it treats.</summary>
public sealed class Medication
{
    /// <summary>Creates a medication entry.</summary>
    public Medication(string name, string dosage, string treatsCode)
    {
        Name = name;
        Dosage = dosage;
        TreatsCode = treatsCode;
    }

    /// <summary>The medication name.</summary>
    public string Name { get; set; }

    /// <summary>The dosage and frequency.</summary>
    public string Dosage { get; set; }

    /// <summary>The ICD-10-CM code of the patient's condition that this medication treats.</summary>
    public string TreatsCode { get; set; }

    /// <summary>Returns the name, as a table cell shows it.</summary>
    public override string ToString() => Name;
}

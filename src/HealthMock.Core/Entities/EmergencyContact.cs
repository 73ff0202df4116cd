namespace HealthMock;

/// <summary>The person to call for a patient in an emergency.</summary>
public sealed class EmergencyContact
{
    /// <summary>Creates an emergency contact.</summary>
    public EmergencyContact(string name, string relationship, string phone)
    {
        Name = name;
        Relationship = relationship;
        Phone = phone;
    }

    /// <summary>The contact's full name.</summary>
    public string Name { get; set; }

    /// <summary>The contact's relationship to the patient, such as Spouse or Parent.</summary>
    public string Relationship { get; set; }

    /// <summary>The contact's telephone number, on the fictional 555-01XX lines.</summary>
    public string Phone { get; set; }

    /// <summary>Returns "Name (Relationship)", as a table cell shows it.</summary>
    public override string ToString() => Name + " (" + Relationship + ")";
}

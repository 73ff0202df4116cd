namespace HealthMock;

/// <summary>A chronic condition on a patient's chart.</summary>
public sealed class Condition
{
    /// <summary>Creates a condition.</summary>
    public Condition(string code, string name)
    {
        Code = code;
        Name = name;
    }

    /// <summary>The ICD-10-CM code, such as I10.</summary>
    public string Code { get; set; }

    /// <summary>The condition's name, such as Essential hypertension.</summary>
    public string Name { get; set; }

    /// <summary>Returns the name, as a table cell shows it.</summary>
    public override string ToString() => Name;
}

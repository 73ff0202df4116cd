namespace HealthMock;

/// <summary>The clinic where a provider sees patients.</summary>
public sealed class Clinic
{
    /// <summary>The clinic's name (invented in the default seeds).</summary>
    public string Name { get; set; } = "";

    /// <summary>The street address.</summary>
    public string AddressLine1 { get; set; } = "";

    /// <summary>The city.</summary>
    public string City { get; set; } = "";

    /// <summary>The two-letter state code.</summary>
    public string State { get; set; } = "";

    /// <summary>The five-digit ZIP code.</summary>
    public string Zip { get; set; } = "";

    /// <summary>The clinic's UTC offset, such as -05:00, used for appointment times.</summary>
    public string UtcOffset { get; set; } = "";

    /// <summary>Returns the name.</summary>
    public override string ToString() => Name;
}

namespace HealthMock.Seeds;

/// <summary>A language besides English that providers consult in, with the share of providers who speak it.</summary>
public sealed class LanguageSeed
{
    /// <summary>Creates a language with its share, from 0 to 1.</summary>
    public LanguageSeed(string name, double share)
    {
        Name = name;
        Share = share;
    }

    /// <summary>The language's name in English, such as Spanish.</summary>
    public string Name { get; }

    /// <summary>The share of providers who consult in the language, from 0 to 1.</summary>
    public double Share { get; }

    /// <summary>Returns the name.</summary>
    public override string ToString() => Name;
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Bogus.Bson;

namespace HealthMock.Seeds;

/// <summary>
/// The curated vocabularies generation draws from: cities, conditions with their medications, allergies and
/// streets from the seeds files, and personal names from Bogus's locale data. Loaded once and read-only.
/// </summary>
public sealed class SeedCatalog
{
    private const string ResourcePrefix = "HealthMock.Seeds.";

    private static readonly Lazy<SeedCatalog> DefaultCatalog = new Lazy<SeedCatalog>(() => Load(null));

    private static readonly string[] SeedFileNames =
    {
        "allergies.json", "clinics.json", "conditions.json", "locations.json", "names.json", "payers.json",
        "specialties.json", "streets.json",
    };

    private readonly Dictionary<string, string> _stateCodes;

    private SeedCatalog(IReadOnlyList<CitySeed> cities, IReadOnlyList<ConditionSeed> conditions,
        IReadOnlyList<AllergySeed> allergies, IReadOnlyList<string> streetNames, IReadOnlyList<string> streetSuffixes,
        IReadOnlyList<string> unitPrefixes, NameLists names)
    {
        Cities = cities;
        Conditions = conditions;
        Allergies = allergies;
        StreetNames = streetNames;
        StreetSuffixes = streetSuffixes;
        UnitPrefixes = unitPrefixes;
        FemaleFirstNames = BogusNames.Join(BogusNames.FemaleFirstNames, names.Female);
        MaleFirstNames = BogusNames.Join(BogusNames.MaleFirstNames, names.Male);
        LastNames = BogusNames.Join(BogusNames.LastNames, names.Last);
        _stateCodes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var city in cities)
        {
            _stateCodes[city.State] = city.State;
            _stateCodes[city.StateName] = city.State;
        }

        States = cities.Select(c => c.State).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The catalog built from the seeds embedded in the assembly.</summary>
    public static SeedCatalog Default => DefaultCatalog.Value;

    /// <summary>The names of the seeds files, such as specialties.json; a seeds folder may hold any of them.</summary>
    public static IReadOnlyList<string> FileNames => SeedFileNames;

    /// <summary>
    /// The full path of the seeds folder the catalog was loaded from, or null for the embedded seeds.
    /// </summary>
    public string? Folder { get; private set; }

    /// <summary>
    /// The seeds files, by name, that came from <see cref="Folder"/>; the others are the embedded ones. Empty for
    /// the embedded seeds.
    /// </summary>
    public IReadOnlyList<string> FolderFiles { get; private set; } = Array.Empty<string>();

    /// <summary>Cities with their state, ZIP prefix and area code.</summary>
    public IReadOnlyList<CitySeed> Cities { get; }

    /// <summary>The two-letter codes of the states that have at least one city, sorted.</summary>
    public IReadOnlyList<string> States { get; }

    /// <summary>Chronic conditions, in the order of the seeds file.</summary>
    public IReadOnlyList<ConditionSeed> Conditions { get; }

    /// <summary>Allergies.</summary>
    public IReadOnlyList<AllergySeed> Allergies { get; }

    /// <summary>Street names for addresses.</summary>
    public IReadOnlyList<string> StreetNames { get; }

    /// <summary>Street suffixes such as Street or Avenue.</summary>
    public IReadOnlyList<string> StreetSuffixes { get; }

    /// <summary>Prefixes for the second address line, such as Apt.</summary>
    public IReadOnlyList<string> UnitPrefixes { get; }

    /// <summary>Female first names.</summary>
    public IReadOnlyList<NameSeed> FemaleFirstNames { get; }

    /// <summary>Male first names.</summary>
    public IReadOnlyList<NameSeed> MaleFirstNames { get; }

    /// <summary>Last names.</summary>
    public IReadOnlyList<NameSeed> LastNames { get; }

    /// <summary>Payers (insurance companies) with their plans by plan type, invented in the default seeds.</summary>
    public IReadOnlyList<PayerSeed> Payers { get; private set; } = Array.Empty<PayerSeed>();

    /// <summary>Medical specialties with their patient ages, appointment types and visit reasons.</summary>
    public IReadOnlyList<SpecialtySeed> Specialties { get; private set; } = Array.Empty<SpecialtySeed>();

    /// <summary>Place-like words that start invented clinic names, such as Maple Grove.</summary>
    public IReadOnlyList<string> ClinicPlaces { get; private set; } = Array.Empty<string>();

    /// <summary>Words that may end clinic names, such as Associates.</summary>
    public IReadOnlyList<string> ClinicSuffixes { get; private set; } = Array.Empty<string>();

    /// <summary>Languages besides English that providers consult in, each with its share of providers.</summary>
    public IReadOnlyList<LanguageSeed> Languages { get; private set; } = Array.Empty<LanguageSeed>();

    /// <summary>
    /// Loads the catalog. Files present in <paramref name="folder"/> replace the embedded ones of the same name;
    /// with no folder, the embedded seeds are used.
    /// </summary>
    public static SeedCatalog Load(string? folder)
    {
        var locations = Read("locations.json", folder, ReadCities);
        var conditions = Read("conditions.json", folder, ReadConditions);
        var allergies = Read("allergies.json", folder, ReadAllergies);
        var streets = Read("streets.json", folder, (reader, root) => (
            reader.Strings(root, "street_names", "$"),
            reader.Strings(root, "street_suffixes", "$"),
            reader.Strings(root, "unit_prefixes", "$")));
        var clinics = Read("clinics.json", folder, ProviderSeedReaders.ReadClinics);
        var names = Read("names.json", folder, (reader, root) => new NameLists(
            reader.Strings(root, "female_first_names", "$"),
            reader.Strings(root, "male_first_names", "$"),
            reader.Strings(root, "last_names", "$")));
        return new SeedCatalog(locations, conditions, allergies, streets.Item1, streets.Item2, streets.Item3, names)
        {
            Payers = Read("payers.json", folder, ReadPayers),
            Specialties = Read("specialties.json", folder, ProviderSeedReaders.ReadSpecialties),
            ClinicPlaces = clinics.Places,
            ClinicSuffixes = clinics.Suffixes,
            Languages = clinics.Languages,
            Folder = folder is null ? null : Path.GetFullPath(folder),
            FolderFiles = folder is null
                ? Array.Empty<string>()
                : SeedFileNames.Where(name => File.Exists(Path.Combine(folder, name))).ToArray(),
        };
    }

    /// <summary>
    /// Opens the embedded seeds file named <paramref name="file"/> (one of <see cref="FileNames"/>), the starting
    /// point for a seeds folder of one's own.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not that of a seeds file.</exception>
    public static Stream OpenEmbedded(string file)
    {
        if (!SeedFileNames.Contains(file, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"'{file}' is not a seeds file: expected one of {string.Join(", ", SeedFileNames)}.", nameof(file));
        }

        return typeof(SeedCatalog).GetTypeInfo().Assembly.GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new SeedFormatException(file, null, "the embedded seeds file is missing from the assembly.");
    }

    /// <summary>
    /// Returns the specialty with this name or slug, ignoring case and surrounding spaces, or null when the seeds
    /// have none.
    /// </summary>
    public SpecialtySeed? FindSpecialty(string nameOrSlug)
    {
        var wanted = nameOrSlug.Trim();
        return Specialties.FirstOrDefault(s => string.Equals(s.Name, wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(s.Slug, wanted, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Returns the two-letter code for a state given by code or full name, ignoring case, or null when no seeded
    /// city is in that state.
    /// </summary>
    public string? FindState(string codeOrName)
    {
        return _stateCodes.TryGetValue(codeOrName.Trim(), out var code) ? code : null;
    }

    private static T Read<T>(string file, string? folder, Func<SeedReader, JsonElement, T> read)
    {
        var path = folder is null ? null : Path.Combine(folder, file);
        string json;
        string shownName;
        if (path is not null && File.Exists(path))
        {
            json = File.ReadAllText(path);
            shownName = path;
        }
        else
        {
            using var stream = typeof(SeedCatalog).GetTypeInfo().Assembly.GetManifestResourceStream(ResourcePrefix + file)
                ?? throw new SeedFormatException(file, null, "the embedded seeds file is missing from the assembly.");
            using var text = new StreamReader(stream);
            json = text.ReadToEnd();
            shownName = file;
        }

        using var document = SeedReader.Parse(shownName, json);
        return read(new SeedReader(shownName), document.RootElement);
    }

    private static IReadOnlyList<CitySeed> ReadCities(SeedReader reader, JsonElement root)
    {
        var cities = new List<CitySeed>();
        var items = reader.Array(root, "cities", "$");
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"$.cities[{i}]";
            var state = reader.String(items[i], "state", path);
            if (state.Length != 2 || !state.All(c => c >= 'A' && c <= 'Z'))
            {
                throw reader.Error(path + ".state", $"expected a two-letter upper-case state code, got '{state}'.");
            }

            var offset = reader.String(items[i], "utc_offset", path);
            if (!IsUtcOffset(offset))
            {
                throw reader.Error(path + ".utc_offset",
                    $"expected an offset such as -05:00 or +09:30, got '{offset}'.");
            }

            cities.Add(new CitySeed(reader.String(items[i], "city", path), state,
                reader.String(items[i], "state_name", path), reader.Digits(items[i], "zip_prefix", path, 3),
                reader.Digits(items[i], "area_code", path, 3), offset));
        }

        return cities;
    }

    /// <summary>Whether the text is a UTC offset of the form +hh:mm or -hh:mm, from -12:00 to +14:00.</summary>
    private static bool IsUtcOffset(string offset) =>
        offset.Length == 6 && (offset[0] == '+' || offset[0] == '-') && offset[3] == ':'
        && char.IsDigit(offset[1]) && char.IsDigit(offset[2]) && char.IsDigit(offset[4]) && char.IsDigit(offset[5])
        && (offset[4] - '0') * 10 + (offset[5] - '0') < 60
        && (offset[1] - '0') * 10 + (offset[2] - '0') <= (offset[0] == '+' ? 14 : 12);

    private static IReadOnlyList<ConditionSeed> ReadConditions(SeedReader reader, JsonElement root)
    {
        var conditions = new List<ConditionSeed>();
        var items = reader.Array(root, "conditions", "$");
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"$.conditions[{i}]";
            var item = items[i];
            var sex = reader.OptionalString(item, "sex", path);
            if (sex is not null && sex != "female" && sex != "male")
            {
                throw reader.Error(path + ".sex", $"expected 'female' or 'male', got '{sex}'.");
            }

            var minAge = reader.Int(item, "min_age", path, 0, 120);
            var maxAge = reader.Int(item, "max_age", path, minAge, 120);
            var medications = new List<MedicationSeed>();
            if (item.TryGetProperty("medications", out var list))
            {
                if (list.ValueKind != JsonValueKind.Array)
                {
                    throw reader.Error(path + ".medications",
                        $"expected an array of objects, got {SeedReader.Describe(list)}.");
                }

                var m = 0;
                foreach (var medication in list.EnumerateArray())
                {
                    var medicationPath = $"{path}.medications[{m++}]";
                    var medicationMinAge = medication.TryGetProperty("min_age", out _)
                        ? reader.Int(medication, "min_age", medicationPath, 0, 120)
                        : 0;
                    medications.Add(new MedicationSeed(reader.String(medication, "name", medicationPath),
                        reader.String(medication, "dosage", medicationPath),
                        reader.OptionalString(medication, "class", medicationPath), medicationMinAge));
                }
            }

            conditions.Add(new ConditionSeed(reader.String(item, "code", path), reader.String(item, "name", path),
                minAge, maxAge, sex, reader.Double(item, "prevalence", path, 0, 1), medications));
        }

        return conditions;
    }

    private static IReadOnlyList<AllergySeed> ReadAllergies(SeedReader reader, JsonElement root)
    {
        var allergies = new List<AllergySeed>();
        var items = reader.Array(root, "allergies", "$");
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"$.allergies[{i}]";
            allergies.Add(new AllergySeed(reader.String(items[i], "name", path), reader.String(items[i], "kind", path),
                reader.Strings(items[i], "excludes_medications", path, optional: true)));
        }

        return allergies;
    }

    private static IReadOnlyList<PayerSeed> ReadPayers(SeedReader reader, JsonElement root)
    {
        var payers = new List<PayerSeed>();
        var items = reader.Array(root, "payers", "$");
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"$.payers[{i}]";
            var prefix = reader.String(items[i], "member_prefix", path);
            if (prefix.Length < 2 || prefix.Length > 4 || !prefix.All(c => c >= 'A' && c <= 'Z'))
            {
                throw reader.Error(path + ".member_prefix", $"expected 2 to 4 upper-case letters, got '{prefix}'.");
            }

            var payer = new PayerSeed(reader.String(items[i], "name", path), prefix);
            var plans = reader.Array(items[i], "plans", path);
            for (var k = 0; k < plans.Count; k++)
            {
                var planPath = $"{path}.plans[{k}]";
                var type = reader.String(plans[k], "plan_type", planPath);
                if (!type.All(char.IsLetter) || !Enum.TryParse<PlanType>(type, false, out var planType))
                {
                    throw reader.Error(planPath + ".plan_type", $"expected one of "
                        + $"{string.Join(", ", Enum.GetNames(typeof(PlanType)))}, got '{type}'.");
                }

                payer.AddPlan(reader.String(plans[k], "name", planPath), planType);
            }

            payers.Add(payer);
        }

        return payers;
    }

    /// <summary>The extra names of names.json, before they are joined to Bogus's.</summary>
    private sealed class NameLists
    {
        public NameLists(string[] female, string[] male, string[] last)
        {
            Female = female;
            Male = male;
            Last = last;
        }

        public string[] Female { get; }

        public string[] Male { get; }

        public string[] Last { get; }
    }

    /// <summary>
    /// Personal names: Bogus's English locale data, the part of Bogus that earns its place here, read once and
    /// joined per catalog with the curated names of names.json.
    /// </summary>
    private static class BogusNames
    {
        public static readonly IReadOnlyList<string> FemaleFirstNames = Read("female_first_name");

        public static readonly IReadOnlyList<string> MaleFirstNames = Read("male_first_name");

        public static readonly IReadOnlyList<string> LastNames = Read("last_name");

        /// <summary>
        /// Joins the lists, keeping the first spelling of each name and skipping any that the ASCII folding
        /// cannot turn into at least two letters.
        /// </summary>
        public static IReadOnlyList<NameSeed> Join(IReadOnlyList<string> bogus, IReadOnlyList<string> extra)
        {
            var names = new List<NameSeed>(bogus.Count + extra.Count);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var text in bogus.Concat(extra))
            {
                var ascii = AsciiFolding.Fold(text);
                if (ascii is not null && ascii.Length >= 2 && seen.Add(text))
                {
                    names.Add(new NameSeed(text, ascii));
                }
            }

            return names;
        }

        private static IReadOnlyList<string> Read(string path)
        {
            var values = (BArray)Bogus.Database.Get("name", path, "en");
            var names = new List<string>(values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                var text = values[i].StringValue?.Trim();
                if (!string.IsNullOrEmpty(text))
                {
                    names.Add(text!);
                }
            }

            return names;
        }
    }
}

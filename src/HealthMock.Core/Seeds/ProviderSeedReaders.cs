using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;

namespace HealthMock.Seeds;

/// <summary>Reads the seeds that providers are made from: specialties.json and clinics.json.</summary>
internal static class ProviderSeedReaders
{
    private const int OldestAge = 120;

    /// <summary>Reads specialties.json; names and slugs must each be unique.</summary>
    public static IReadOnlyList<SpecialtySeed> ReadSpecialties(SeedReader reader, JsonElement root)
    {
        var specialties = new List<SpecialtySeed>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var items = reader.Array(root, "specialties", "$");
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"$.specialties[{i}]";
            var item = items[i];
            var name = reader.String(item, "name", path);
            if (!names.Add(name))
            {
                throw reader.Error(path + ".name", $"'{name}' is listed twice; expected unique specialty names.");
            }

            var slug = reader.String(item, "slug", path);
            if (!IsSlug(slug) || !slugs.Add(slug))
            {
                throw reader.Error(path + ".slug",
                    $"expected a unique slug of lower-case ASCII letters, digits and underscores, got '{slug}'.");
            }

            var minAge = reader.Int(item, "min_age", path, 0, OldestAge);
            var maxAge = reader.Int(item, "max_age", path, minAge, OldestAge);
            var sex = ReadSex(reader, item, path);
            var category = ReadEnum<VisitCategory>(reader, item, "visit_category", path);
            var weight = item.TryGetProperty("weight", out _) ? reader.Double(item, "weight", path, 0.001, 1000) : 1.0;
            var clinicWords = NonEmptyStrings(reader, item, "clinic_words", path);
            var reasons = NonEmptyStrings(reader, item, "visit_reasons", path);
            var types = ReadAppointmentTypes(reader, item, path, category, minAge, maxAge, reasons);
            specialties.Add(new SpecialtySeed(name, slug, ReadBool(reader, item, "is_primary_care", path), minAge,
                maxAge, sex, category, weight, clinicWords, types, reasons));
        }

        return specialties;
    }

    /// <summary>Reads clinics.json: the parts of clinic names, and the languages besides English.</summary>
    public static (IReadOnlyList<string> Places, IReadOnlyList<string> Suffixes,
        IReadOnlyList<LanguageSeed> Languages) ReadClinics(SeedReader reader, JsonElement root)
    {
        var places = NonEmptyStrings(reader, root, "places", "$");
        var suffixes = NonEmptyStrings(reader, root, "suffixes", "$");
        var languages = new List<LanguageSeed>();
        var items = reader.Array(root, "languages", "$");
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"$.languages[{i}]";
            var name = reader.String(items[i], "name", path);
            if (string.Equals(name, "English", StringComparison.OrdinalIgnoreCase)
                || languages.Any(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw reader.Error(path + ".name",
                    $"'{name}' is English or listed twice; expected each language besides English once.");
            }

            languages.Add(new LanguageSeed(name, reader.Double(items[i], "share", path, 0, 1)));
        }

        return (places, suffixes, languages);
    }

    private static IReadOnlyList<AppointmentTypeSeed> ReadAppointmentTypes(SeedReader reader, JsonElement specialty,
        string specialtyPath, VisitCategory category, int minAge, int maxAge, IReadOnlyList<string> reasons)
    {
        var types = new List<AppointmentTypeSeed>();
        var items = reader.Array(specialty, "appointment_types", specialtyPath);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"{specialtyPath}.appointment_types[{i}]";
            var item = items[i];
            var name = reader.String(item, "name", path);
            if (types.Any(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw reader.Error(path + ".name", $"'{name}' is listed twice; expected unique appointment types.");
            }

            var duration = reader.Int(item, "duration_minutes", path, 5, 480);
            if (duration % 5 != 0)
            {
                throw reader.Error(path + ".duration_minutes", $"expected a multiple of 5 minutes, got {duration}.");
            }

            var modes = NonEmptyStrings(reader, item, "modes", path)
                .Select((mode, m) => ParseEnum<AppointmentMode>(reader, mode, $"{path}.modes[{m}]"))
                .Distinct()
                .ToArray();
            var typeCategory = item.TryGetProperty("visit_category", out _)
                ? ReadEnum<VisitCategory>(reader, item, "visit_category", path)
                : category;
            var typeMin = item.TryGetProperty("min_age", out _) ? reader.Int(item, "min_age", path, minAge, maxAge)
                : minAge;
            var typeMax = item.TryGetProperty("max_age", out _) ? reader.Int(item, "max_age", path, typeMin, maxAge)
                : maxAge;
            var typeReasons = item.TryGetProperty("reasons", out _) ? NonEmptyStrings(reader, item, "reasons", path)
                : reasons;
            types.Add(new AppointmentTypeSeed(name, duration, modes, typeCategory, typeMin, typeMax, typeReasons));
        }

        return types;
    }

    private static Sex? ReadSex(SeedReader reader, JsonElement item, string path)
    {
        var sex = reader.OptionalString(item, "sex", path);
        return sex switch
        {
            null => null,
            "female" => Sex.Female,
            "male" => Sex.Male,
            _ => throw reader.Error(path + ".sex", $"expected 'female' or 'male', got '{sex}'."),
        };
    }

    private static bool ReadBool(SeedReader reader, JsonElement item, string name, string path)
    {
        if (!item.TryGetProperty(name, out var element))
        {
            throw reader.Error($"{path}.{name}", "is missing; expected true or false.");
        }

        if (element.ValueKind != JsonValueKind.True && element.ValueKind != JsonValueKind.False)
        {
            throw reader.Error($"{path}.{name}", $"expected true or false, got {SeedReader.Describe(element)}.");
        }

        return element.GetBoolean();
    }

    private static string[] NonEmptyStrings(SeedReader reader, JsonElement item, string name, string path)
    {
        var values = reader.Strings(item, name, path);
        if (values.Length == 0)
        {
            throw reader.Error($"{path}.{name}", "expected a non-empty array of strings.");
        }

        return values;
    }

    private static T ReadEnum<T>(SeedReader reader, JsonElement item, string name, string path)
        where T : struct, Enum =>
        ParseEnum<T>(reader, reader.String(item, name, path), $"{path}.{name}");

    /// <summary>Parses an enum member by its JSON name, the value of its [EnumMember] attribute.</summary>
    private static T ParseEnum<T>(SeedReader reader, string value, string path)
        where T : struct, Enum
    {
        var names = new List<string>();
        foreach (var field in typeof(T).GetTypeInfo().DeclaredFields.Where(f => f.IsStatic))
        {
            var jsonName = field.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? field.Name;
            if (jsonName == value)
            {
                return (T)field.GetValue(null)!;
            }

            names.Add(jsonName);
        }

        throw reader.Error(path, $"expected one of {string.Join(", ", names)}, got '{value}'.");
    }

    private static bool IsSlug(string slug) =>
        slug[0] >= 'a' && slug[0] <= 'z' && slug.All(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
}

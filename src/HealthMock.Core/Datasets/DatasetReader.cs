using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Threading;
using HealthMock.Datasets;

namespace HealthMock;

/// <summary>
/// Reads a dataset folder written by <see cref="DatasetWriter"/> back into a <see cref="MockDataset"/> equal to the
/// one written, so that writing it again gives the same bytes.
/// </summary>
/// <remarks>
/// The data files are read one record at a time with a streaming JSON reader, so memory holds the dataset being
/// built plus one record, never a whole document. Every error names the file and, where known, the line, the
/// record id and the field.
/// </remarks>
public sealed class DatasetReader
{
    private const string DateFormat = "yyyy-MM-dd";

    private static readonly ConcurrentDictionary<Type, Dictionary<string, object>> EnumValues =
        new ConcurrentDictionary<Type, Dictionary<string, object>>();

    private long _read;

    private long _total;

    /// <summary>
    /// Called after each record is read with the file being read, the records read so far and the records the
    /// manifest lists for the whole dataset, on the thread that calls <see cref="Read"/>; null for no reports.
    /// </summary>
    public Action<string, long, long>? Progress { get; set; }

    /// <summary>The manifest of the folder last read.</summary>
    public DatasetManifest? Manifest { get; private set; }

    /// <summary>
    /// Where the data files of the folder last read disagree with its manifest (a record count or a hash), one
    /// sentence each; empty when they agree. A file edited by hand shows up here.
    /// </summary>
    public IReadOnlyList<string> ManifestMismatches { get; private set; } = Array.Empty<string>();

    /// <summary>Reads the dataset in <paramref name="folder"/>, a full file-system path.</summary>
    /// <exception cref="DatasetFileException">
    /// The folder or a file is missing, a file is malformed, or a field has the wrong type.
    /// </exception>
    public MockDataset Read(string folder, CancellationToken cancellation = default)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new DatasetFileException(DatasetFileErrorKind.DirectoryNotFound, root,
                $"The dataset folder '{root}' does not exist.");
        }

        foreach (var name in DatasetFiles.All)
        {
            var path = Path.Combine(root, name);
            if (!File.Exists(path))
            {
                throw new DatasetFileException(DatasetFileErrorKind.DatasetFileMissing, path,
                    $"The dataset folder '{root}' has no {name}; expected the files "
                    + string.Join(", ", DatasetFiles.All) + ".");
            }
        }

        var manifest = ReadManifest(Path.Combine(root, DatasetFiles.Manifest));
        var dataset = new MockDataset
        {
            Seed = manifest.Seed,
            ReferenceDate = manifest.ReferenceDate,
            ModuleVersion = manifest.ModuleVersion,
        };
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        _read = 0;
        _total = DatasetFiles.DataFiles.Sum(name => manifest.Counts.TryGetValue(name, out var count) ? count : 0);
        hashes[DatasetFiles.Users] = ReadFile(root, DatasetFiles.Users, "id",
            fields => dataset.Patients.Add(ReadPatient(fields)), cancellation);
        hashes[DatasetFiles.Providers] = ReadFile(root, DatasetFiles.Providers, "id",
            fields => dataset.Providers.Add(ReadProvider(fields)), cancellation);
        hashes[DatasetFiles.Appointments] = ReadFile(root, DatasetFiles.Appointments, "id",
            fields => dataset.Appointments.Add(ReadAppointment(fields)), cancellation);
        hashes[DatasetFiles.Insurance] = ReadFile(root, DatasetFiles.Insurance, "policy_number",
            fields => dataset.Policies.Add(ReadPolicy(fields)), cancellation);
        counts[DatasetFiles.Users] = dataset.Patients.Count;
        counts[DatasetFiles.Providers] = dataset.Providers.Count;
        counts[DatasetFiles.Appointments] = dataset.Appointments.Count;
        counts[DatasetFiles.Insurance] = dataset.Policies.Count;

        var mismatches = new List<string>();
        foreach (var name in DatasetFiles.DataFiles)
        {
            if (!manifest.Counts.TryGetValue(name, out var count) || count != counts[name])
            {
                var listed = manifest.Counts.TryGetValue(name, out var value)
                    ? value.ToString(CultureInfo.InvariantCulture)
                    : "none";
                mismatches.Add($"{name} holds {counts[name]} records but {DatasetFiles.Manifest} lists {listed}.");
            }

            if (!manifest.Sha256.TryGetValue(name, out var hash) || !string.Equals(hash, hashes[name],
                StringComparison.OrdinalIgnoreCase))
            {
                mismatches.Add($"{name} has SHA-256 {hashes[name]} but {DatasetFiles.Manifest} lists "
                    + (hash ?? "none") + "; the file was changed after it was written.");
            }
        }

        Manifest = manifest;
        ManifestMismatches = mismatches;
        return dataset;
    }

    private string ReadFile(string root, string name, string keyField, Action<RecordFields> read,
        CancellationToken cancellation)
    {
        var path = Path.Combine(root, name);
        return KeyedJsonFile.Read(path, name, (key, element) =>
        {
            var fields = new RecordFields(path, name, key, element);
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw fields.Invalid(null, $"expected an object, got {element.ValueKind}.");
            }

            var id = fields.String(element, keyField);
            if (!string.Equals(id, key, StringComparison.Ordinal))
            {
                throw fields.Invalid(keyField, $"the record is keyed '{key}' but its {keyField} is '{id}'; expected "
                    + "the same.");
            }

            read(fields);
            _read++;
            Progress?.Invoke(name, _read, _total);
        }, cancellation);
    }

    private static DatasetManifest ReadManifest(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new DatasetFileException(DatasetFileErrorKind.DatasetFileMalformed, path,
                $"The dataset file '{DatasetFiles.Manifest}' is not valid JSON at line {e.LineNumber + 1}, position "
                + $"{e.BytePositionInLine + 1}: {e.Message}", e)
            {
                LineNumber = e.LineNumber + 1,
            };
        }

        using (document)
        {
            var root = document.RootElement;
            var fields = new RecordFields(path, DatasetFiles.Manifest, null, root);
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw fields.Invalid(null, $"expected an object, got {root.ValueKind}.");
            }

            var manifest = new DatasetManifest
            {
                Seed = fields.Int(root, "seed"),
                ReferenceDate = fields.Date(root, "reference_date"),
                ModuleVersion = fields.String(root, "module_version"),
            };
            foreach (var entry in fields.Object(root, "counts").EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetInt64(out var count))
                {
                    throw fields.Invalid("counts." + entry.Name, $"expected a whole number, got {Show(entry.Value)}.");
                }

                manifest.Counts[entry.Name] = count;
            }

            foreach (var entry in fields.Object(root, "sha256").EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String)
                {
                    throw fields.Invalid("sha256." + entry.Name, $"expected a string, got {Show(entry.Value)}.");
                }

                manifest.Sha256[entry.Name] = entry.Value.GetString()!;
            }

            return manifest;
        }
    }

    private static Patient ReadPatient(RecordFields f)
    {
        var e = f.Element;
        var patient = new Patient
        {
            Id = f.String(e, "id"),
            FirstName = f.String(e, "first_name"),
            LastName = f.String(e, "last_name"),
            Sex = f.Enum<Sex>(e, "sex"),
            DateOfBirth = f.Date(e, "dob"),
            Age = f.Int(e, "age"),
            Email = f.String(e, "email"),
            Phone = f.String(e, "phone"),
            Address = f.String(e, "address"),
            AddressLine1 = f.String(e, "address_line1"),
            AddressLine2 = f.OptionalString(e, "address_line2"),
            City = f.String(e, "city"),
            State = f.String(e, "state"),
            Zip = f.String(e, "zip"),
            PreferredContactMethod = f.Enum<ContactMethod>(e, "preferred_contact_method"),
            PrimaryCareProvider = f.OptionalString(e, "primary_care_provider"),
            PrimaryCareProviderId = f.OptionalString(e, "primary_care_provider_id"),
            InsurancePolicyNumber = f.OptionalString(e, "insurance_policy_number"),
            InsuranceProvider = f.OptionalString(e, "insurance_provider"),
            CoverageType = f.OptionalString(e, "coverage_type"),
            DeductibleBalance = f.OptionalDecimal(e, "deductible_balance"),
            Allergies = f.Strings(e, "allergies"),
            AccountCreationDate = f.Date(e, "account_creation_date"),
        };
        var conditions = f.Array(e, "chronic_conditions");
        patient.ChronicConditions = new Condition[conditions.Count];
        for (var i = 0; i < conditions.Count; i++)
        {
            var item = f.Item(conditions[i], "chronic_conditions", i);
            patient.ChronicConditions[i] = new Condition(f.String(item, "code", "chronic_conditions", i),
                f.String(item, "name", "chronic_conditions", i));
        }

        var medications = f.Array(e, "medications");
        patient.Medications = new Medication[medications.Count];
        for (var i = 0; i < medications.Count; i++)
        {
            var item = f.Item(medications[i], "medications", i);
            patient.Medications[i] = new Medication(f.String(item, "name", "medications", i),
                f.String(item, "dosage", "medications", i), f.String(item, "treats_code", "medications", i));
        }

        if (e.TryGetProperty("emergency_contact", out var contact) && contact.ValueKind != JsonValueKind.Null)
        {
            if (contact.ValueKind != JsonValueKind.Object)
            {
                throw f.Invalid("emergency_contact", $"expected an object or null, got {Show(contact)}.");
            }

            patient.EmergencyContact = new EmergencyContact(f.String(contact, "name", "emergency_contact"),
                f.String(contact, "relationship", "emergency_contact"),
                f.String(contact, "phone", "emergency_contact"));
        }

        return patient;
    }

    private static Provider ReadProvider(RecordFields f)
    {
        var e = f.Element;
        var clinic = f.Object(e, "clinic");
        var schedule = f.Object(e, "schedule");
        var days = f.Strings(schedule, "days", "schedule");
        var provider = new Provider
        {
            Id = f.String(e, "id"),
            FirstName = f.String(e, "first_name"),
            LastName = f.String(e, "last_name"),
            Credential = f.Enum<Credential>(e, "credential"),
            Specialty = f.String(e, "specialty"),
            IsPrimaryCare = f.Bool(e, "is_primary_care"),
            Npi = f.String(e, "npi"),
            Clinic = new Clinic
            {
                Name = f.String(clinic, "name", "clinic"),
                AddressLine1 = f.String(clinic, "address_line1", "clinic"),
                City = f.String(clinic, "city", "clinic"),
                State = f.String(clinic, "state", "clinic"),
                Zip = f.String(clinic, "zip", "clinic"),
                UtcOffset = f.String(clinic, "utc_offset", "clinic"),
            },
            Phone = f.String(e, "phone"),
            Email = f.String(e, "email"),
            Schedule = new WeeklySchedule
            {
                Days = new DayOfWeek[days.Length],
                Start = f.Time(schedule, "start", "schedule"),
                End = f.Time(schedule, "end", "schedule"),
                SlotMinutes = f.Int(schedule, "slot_minutes", "schedule"),
            },
            AcceptingNewPatients = f.Bool(e, "accepting_new_patients"),
            Languages = f.Strings(e, "languages"),
        };
        for (var i = 0; i < days.Length; i++)
        {
            if (!System.Enum.TryParse<DayOfWeek>(days[i], ignoreCase: true, out var day) || !IsDayName(days[i]))
            {
                throw f.Invalid($"schedule.days[{i}]", $"expected a day name such as Monday, got '{days[i]}'.");
            }

            provider.Schedule.Days[i] = day;
        }

        return provider;
    }

    private static bool IsDayName(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    private static InsurancePolicy ReadPolicy(RecordFields f)
    {
        var e = f.Element;
        var copays = f.Object(e, "copays");
        return new InsurancePolicy
        {
            PolicyNumber = f.String(e, "policy_number"),
            MemberId = f.String(e, "member_id"),
            GroupNumber = f.String(e, "group_number"),
            PatientId = f.String(e, "patient_id"),
            Payer = f.String(e, "payer"),
            PlanName = f.String(e, "plan_name"),
            PlanType = f.Enum<PlanType>(e, "plan_type"),
            CoverageTier = f.Enum<CoverageTier>(e, "coverage_tier"),
            SubscriberId = f.String(e, "subscriber_id"),
            RelationshipToSubscriber = f.String(e, "relationship_to_subscriber"),
            EffectiveDate = f.Date(e, "effective_date"),
            EndDate = f.Date(e, "end_date"),
            Status = f.Enum<PolicyStatus>(e, "status"),
            Deductible = f.Decimal(e, "deductible"),
            DeductibleMet = f.Decimal(e, "deductible_met"),
            OutOfPocketMax = f.Decimal(e, "out_of_pocket_max"),
            OutOfPocketMet = f.Decimal(e, "out_of_pocket_met"),
            Copays = new Copays
            {
                PrimaryCare = f.Decimal(copays, "primary_care", "copays"),
                Specialist = f.Decimal(copays, "specialist", "copays"),
                UrgentCare = f.Decimal(copays, "urgent_care", "copays"),
                Telehealth = f.Decimal(copays, "telehealth", "copays"),
                Emergency = f.Decimal(copays, "emergency", "copays"),
            },
            Coinsurance = f.Decimal(e, "coinsurance"),
            RequiresReferral = f.Bool(e, "requires_referral"),
            CopaysAfterDeductible = f.OptionalBool(e, "copays_after_deductible"),
        };
    }

    private static Appointment ReadAppointment(RecordFields f)
    {
        var e = f.Element;
        return new Appointment
        {
            Id = f.String(e, "id"),
            PatientId = f.String(e, "patient_id"),
            ProviderId = f.String(e, "provider_id"),
            Type = f.String(e, "type"),
            VisitCategory = f.Enum<VisitCategory>(e, "visit_category"),
            Start = f.Moment(e, "start"),
            DurationMinutes = f.Int(e, "duration_minutes"),
            Mode = f.Enum<AppointmentMode>(e, "mode"),
            Reason = f.String(e, "reason"),
            Status = f.Enum<AppointmentStatus>(e, "status"),
            CancellationReason = f.OptionalString(e, "cancellation_reason"),
            CanceledAt = f.OptionalMoment(e, "canceled_at"),
            BookedAt = f.Moment(e, "booked_at"),
            Copay = f.OptionalDecimal(e, "copay"),
        };
    }

    private static string Show(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length > 40 ? text.Substring(0, 40) + "..." : text;
    }

    /// <summary>Maps the JSON spellings of an enum (its [EnumMember] values and its names) to its values.</summary>
    private static Dictionary<string, object> EnumMap(Type type) => EnumValues.GetOrAdd(type, t =>
    {
        var map = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in t.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = field.GetValue(null)!;
            map[field.Name] = value;
            var member = field.GetCustomAttribute<EnumMemberAttribute>();
            if (member?.Value is not null)
            {
                map[member.Value] = value;
            }
        }

        return map;
    });

    /// <summary>Reads the typed fields of one record and names the file, record and field in every error.</summary>
    private sealed class RecordFields
    {
        private readonly string _path;
        private readonly string _file;
        private readonly string? _recordId;

        public RecordFields(string path, string file, string? recordId, JsonElement element)
        {
            _path = path;
            _file = file;
            _recordId = recordId;
            Element = element;
        }

        public JsonElement Element { get; }

        public DatasetFileException Invalid(string? field, string message)
        {
            var where = _recordId is null ? $"'{_file}'" : $"'{_file}', record '{_recordId}'";
            var text = field is null
                ? $"Dataset file {where}: {message}"
                : $"Dataset file {where}, field '{field}': {message}";
            return new DatasetFileException(DatasetFileErrorKind.DatasetFieldInvalid, _path, text)
            {
                RecordId = _recordId,
                Field = field,
            };
        }

        public string String(JsonElement parent, string name, string? owner = null, int index = -1)
        {
            var value = Get(parent, name, owner, index);
            return value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw Invalid(Name(name, owner, index), $"expected a string, got {Show(value)}.");
        }

        /// <summary>Reads a string that may be null or missing.</summary>
        public string? OptionalString(JsonElement parent, string name, string? owner = null, int index = -1)
        {
            if (!parent.TryGetProperty(name, out var value))
            {
                return null;
            }

            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => throw Invalid(Name(name, owner, index), $"expected a string, got {Show(value)}."),
            };
        }

        public int Int(JsonElement parent, string name, string? owner = null)
        {
            var value = Get(parent, name, owner, -1);
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
            {
                throw Invalid(Name(name, owner, -1), $"expected a whole number, got {Show(value)}.");
            }

            return number;
        }

        public decimal Decimal(JsonElement parent, string name, string? owner = null) =>
            OptionalDecimal(Get(parent, name, owner, -1), name, owner)
                ?? throw Invalid(Name(name, owner, -1), "expected a number, got null.");

        /// <summary>Reads a number that may be null or missing.</summary>
        public decimal? OptionalDecimal(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var value) ? OptionalDecimal(value, name, null) : null;

        private decimal? OptionalDecimal(JsonElement value, string name, string? owner)
        {
            if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
            {
                throw Invalid(Name(name, owner, -1), $"expected a number, got {Show(value)}.");
            }

            return number;
        }

        public bool Bool(JsonElement parent, string name)
        {
            var value = Get(parent, name, null, -1);
            return value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Invalid(name, $"expected true or false, got {Show(value)}."),
            };
        }

        public bool OptionalBool(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null && Bool(parent, name);

        public DateTime Date(JsonElement parent, string name)
        {
            var text = String(parent, name);
            if (!DateTime.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var date))
            {
                throw Invalid(name, $"expected a date YYYY-MM-DD, got '{text}'.");
            }

            return DateTime.SpecifyKind(date, DateTimeKind.Unspecified);
        }

        public DateTimeOffset Moment(JsonElement parent, string name) =>
            OptionalMoment(parent, name) ?? throw Invalid(name,
                $"expected a date and time in ISO 8601 with its UTC offset, got {Show(Get(parent, name, null, -1))}.");

        public DateTimeOffset? OptionalMoment(JsonElement parent, string name)
        {
            var text = OptionalString(parent, name);
            if (text is null)
            {
                return null;
            }

            if (!DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var moment))
            {
                throw Invalid(name, $"expected a date and time in ISO 8601 with its UTC offset, such as "
                    + $"2026-01-05T09:30:00-05:00, got '{text}'.");
            }

            return moment;
        }

        public TimeSpan Time(JsonElement parent, string name, string owner)
        {
            var text = String(parent, name, owner);
            if (!TimeSpan.TryParseExact(text, new[] { @"hh\:mm", @"hh\:mm\:ss" },
                CultureInfo.InvariantCulture, out var time))
            {
                throw Invalid(Name(name, owner, -1), $"expected a local time hh:mm, got '{text}'.");
            }

            return time;
        }

        public T Enum<T>(JsonElement parent, string name)
            where T : struct
        {
            var text = String(parent, name);
            if (!EnumMap(typeof(T)).TryGetValue(text, out var value))
            {
                throw Invalid(name, $"expected one of {string.Join(", ", Spellings(typeof(T)))}, got '{text}'.");
            }

            return (T)value;
        }

        public JsonElement Object(JsonElement parent, string name)
        {
            var value = Get(parent, name, null, -1);
            if (value.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(name, $"expected an object, got {Show(value)}.");
            }

            return value;
        }

        public IReadOnlyList<JsonElement> Array(JsonElement parent, string name)
        {
            var value = Get(parent, name, null, -1);
            if (value.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(name, $"expected an array, got {Show(value)}.");
            }

            var items = new List<JsonElement>(value.GetArrayLength());
            foreach (var item in value.EnumerateArray())
            {
                items.Add(item);
            }

            return items;
        }

        public JsonElement Item(JsonElement item, string owner, int index)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Invalid($"{owner}[{index}]", $"expected an object, got {Show(item)}.");
            }

            return item;
        }

        public string[] Strings(JsonElement parent, string name, string? owner = null)
        {
            var value = Get(parent, name, owner, -1);
            if (value.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(Name(name, owner, -1), $"expected an array of strings, got {Show(value)}.");
            }

            var items = new string[value.GetArrayLength()];
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    throw Invalid($"{Name(name, owner, -1)}[{i}]", $"expected a string, got {Show(item)}.");
                }

                items[i++] = item.GetString()!;
            }

            return items;
        }

        private JsonElement Get(JsonElement parent, string name, string? owner, int index)
        {
            if (!parent.TryGetProperty(name, out var value))
            {
                throw Invalid(Name(name, owner, index), "the field is missing.");
            }

            return value;
        }

        private static string Name(string name, string? owner, int index) =>
            owner is null ? name : index < 0 ? owner + "." + name : $"{owner}[{index}].{name}";

        private static IEnumerable<string> Spellings(Type type)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                yield return field.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? field.Name;
            }
        }
    }
}

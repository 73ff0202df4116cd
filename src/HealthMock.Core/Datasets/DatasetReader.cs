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

    private string ReadFile(string root, string name, string keyField, Action<FieldReader> read,
        CancellationToken cancellation)
    {
        var path = Path.Combine(root, name);
        return KeyedJsonFile.Read(path, name, (key, element) =>
        {
            var record = new FieldReader(path, name, key, element);
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw record.Invalid(null, $"expected an object, got {element.ValueKind}.");
            }

            var id = record.String(keyField);
            if (!string.Equals(id, key, StringComparison.Ordinal))
            {
                throw record.Invalid(keyField, $"the record is keyed '{key}' but its {keyField} is '{id}'; expected "
                    + "the same.");
            }

            read(record);
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
            var root = new FieldReader(path, DatasetFiles.Manifest, null, document.RootElement);
            if (root.Element.ValueKind != JsonValueKind.Object)
            {
                throw root.Invalid(null, $"expected an object, got {root.Element.ValueKind}.");
            }

            var manifest = new DatasetManifest
            {
                Seed = root.Int("seed"),
                ReferenceDate = root.Date("reference_date"),
                ModuleVersion = root.String("module_version"),
            };
            var counts = root.Object("counts");
            foreach (var entry in counts.Element.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetInt64(out var count))
                {
                    throw counts.Invalid(entry.Name, $"expected a whole number, got {Show(entry.Value)}.");
                }

                manifest.Counts[entry.Name] = count;
            }

            var sha256 = root.Object("sha256");
            foreach (var entry in sha256.Element.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String)
                {
                    throw sha256.Invalid(entry.Name, $"expected a string, got {Show(entry.Value)}.");
                }

                manifest.Sha256[entry.Name] = entry.Value.GetString()!;
            }

            return manifest;
        }
    }

    private static Patient ReadPatient(FieldReader r)
    {
        var patient = new Patient
        {
            Id = r.String("id"),
            FirstName = r.String("first_name"),
            LastName = r.String("last_name"),
            Sex = r.Enum<Sex>("sex"),
            DateOfBirth = r.Date("dob"),
            Age = r.Int("age"),
            Email = r.String("email"),
            Phone = r.String("phone"),
            Address = r.String("address"),
            AddressLine1 = r.String("address_line1"),
            AddressLine2 = r.OptionalString("address_line2"),
            City = r.String("city"),
            State = r.String("state"),
            Zip = r.String("zip"),
            PreferredContactMethod = r.Enum<ContactMethod>("preferred_contact_method"),
            PrimaryCareProvider = r.OptionalString("primary_care_provider"),
            PrimaryCareProviderId = r.OptionalString("primary_care_provider_id"),
            InsurancePolicyNumber = r.OptionalString("insurance_policy_number"),
            InsuranceProvider = r.OptionalString("insurance_provider"),
            CoverageType = r.OptionalString("coverage_type"),
            DeductibleBalance = r.OptionalDecimal("deductible_balance"),
            Allergies = r.Strings("allergies"),
            AccountCreationDate = r.Date("account_creation_date"),
            ChronicConditions = r.Objects("chronic_conditions",
                item => new Condition(item.String("code"), item.String("name"))),
            Medications = r.Objects("medications",
                item => new Medication(item.String("name"), item.String("dosage"), item.String("treats_code"))),
        };
        if (r.OptionalObject("emergency_contact") is { } contact)
        {
            patient.EmergencyContact = new EmergencyContact(contact.String("name"), contact.String("relationship"),
                contact.String("phone"));
        }

        return patient;
    }

    private static Provider ReadProvider(FieldReader r)
    {
        var clinic = r.Object("clinic");
        var schedule = r.Object("schedule");
        var days = schedule.Strings("days");
        var provider = new Provider
        {
            Id = r.String("id"),
            FirstName = r.String("first_name"),
            LastName = r.String("last_name"),
            Credential = r.Enum<Credential>("credential"),
            Specialty = r.String("specialty"),
            IsPrimaryCare = r.Bool("is_primary_care"),
            Npi = r.String("npi"),
            Clinic = new Clinic
            {
                Name = clinic.String("name"),
                AddressLine1 = clinic.String("address_line1"),
                City = clinic.String("city"),
                State = clinic.String("state"),
                Zip = clinic.String("zip"),
                UtcOffset = clinic.String("utc_offset"),
            },
            Phone = r.String("phone"),
            Email = r.String("email"),
            Schedule = new WeeklySchedule
            {
                Days = new DayOfWeek[days.Length],
                Start = schedule.Time("start"),
                End = schedule.Time("end"),
                SlotMinutes = schedule.Int("slot_minutes"),
            },
            AcceptingNewPatients = r.Bool("accepting_new_patients"),
            Languages = r.Strings("languages"),
        };
        for (var i = 0; i < days.Length; i++)
        {
            if (!System.Enum.TryParse<DayOfWeek>(days[i], ignoreCase: true, out var day) || !IsDayName(days[i]))
            {
                throw schedule.Invalid($"days[{i}]", $"expected a day name such as Monday, got '{days[i]}'.");
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

    private static InsurancePolicy ReadPolicy(FieldReader r)
    {
        var copays = r.Object("copays");
        return new InsurancePolicy
        {
            PolicyNumber = r.String("policy_number"),
            MemberId = r.String("member_id"),
            GroupNumber = r.String("group_number"),
            PatientId = r.String("patient_id"),
            Payer = r.String("payer"),
            PlanName = r.String("plan_name"),
            PlanType = r.Enum<PlanType>("plan_type"),
            CoverageTier = r.Enum<CoverageTier>("coverage_tier"),
            SubscriberId = r.String("subscriber_id"),
            RelationshipToSubscriber = r.String("relationship_to_subscriber"),
            EffectiveDate = r.Date("effective_date"),
            EndDate = r.Date("end_date"),
            Status = r.Enum<PolicyStatus>("status"),
            Deductible = r.Decimal("deductible"),
            DeductibleMet = r.Decimal("deductible_met"),
            OutOfPocketMax = r.Decimal("out_of_pocket_max"),
            OutOfPocketMet = r.Decimal("out_of_pocket_met"),
            Copays = new Copays
            {
                PrimaryCare = copays.Decimal("primary_care"),
                Specialist = copays.Decimal("specialist"),
                UrgentCare = copays.Decimal("urgent_care"),
                Telehealth = copays.Decimal("telehealth"),
                Emergency = copays.Decimal("emergency"),
            },
            Coinsurance = r.Decimal("coinsurance"),
            RequiresReferral = r.Bool("requires_referral"),
            CopaysAfterDeductible = r.OptionalBool("copays_after_deductible"),
        };
    }

    private static Appointment ReadAppointment(FieldReader r) => new Appointment
    {
        Id = r.String("id"),
        PatientId = r.String("patient_id"),
        ProviderId = r.String("provider_id"),
        Type = r.String("type"),
        VisitCategory = r.Enum<VisitCategory>("visit_category"),
        Start = r.Moment("start"),
        DurationMinutes = r.Int("duration_minutes"),
        Mode = r.Enum<AppointmentMode>("mode"),
        Reason = r.String("reason"),
        Status = r.Enum<AppointmentStatus>("status"),
        CancellationReason = r.OptionalString("cancellation_reason"),
        CanceledAt = r.OptionalMoment("canceled_at"),
        BookedAt = r.Moment("booked_at"),
        Copay = r.OptionalDecimal("copay"),
    };

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

    /// <summary>
    /// Reads the typed fields of one JSON object of a dataset file, a record or an object nested in it, and names the
    /// file, the record and the field's path (such as clinic.zip or chronic_conditions[0].code) in every error.
    /// </summary>
    /// <remarks>
    /// A struct, so reading a record and the objects in it allocates no reader; the path of a nested object is kept
    /// as its owner's name and its index in an array, and joined only for an error.
    /// </remarks>
    private readonly struct FieldReader
    {
        private readonly string _path;
        private readonly string _file;
        private readonly string? _recordId;
        private readonly string? _owner;
        private readonly int _index;

        /// <summary>A reader of a record, or of the manifest when <paramref name="recordId"/> is null.</summary>
        public FieldReader(string path, string file, string? recordId, JsonElement element)
            : this(path, file, recordId, null, -1, element)
        {
        }

        private FieldReader(string path, string file, string? recordId, string? owner, int index, JsonElement element)
        {
            _path = path;
            _file = file;
            _recordId = recordId;
            _owner = owner;
            _index = index;
            Element = element;
        }

        public JsonElement Element { get; }

        /// <summary>
        /// An error about the field <paramref name="name"/> of this object, or about this object itself when
        /// <paramref name="name"/> is null.
        /// </summary>
        public DatasetFileException Invalid(string? name, string message)
        {
            var field = name is null ? Self() : Field(name);
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

        public string String(string name)
        {
            var value = Get(name);
            return value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw Invalid(name, $"expected a string, got {Show(value)}.");
        }

        /// <summary>Reads a string that may be null or missing.</summary>
        public string? OptionalString(string name)
        {
            if (!Element.TryGetProperty(name, out var value))
            {
                return null;
            }

            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => throw Invalid(name, $"expected a string, got {Show(value)}."),
            };
        }

        public int Int(string name)
        {
            var value = Get(name);
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
            {
                throw Invalid(name, $"expected a whole number, got {Show(value)}.");
            }

            return number;
        }

        public decimal Decimal(string name) =>
            OptionalDecimal(Get(name), name) ?? throw Invalid(name, "expected a number, got null.");

        /// <summary>Reads a number that may be null or missing.</summary>
        public decimal? OptionalDecimal(string name) =>
            Element.TryGetProperty(name, out var value) ? OptionalDecimal(value, name) : null;

        public bool Bool(string name)
        {
            var value = Get(name);
            return value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Invalid(name, $"expected true or false, got {Show(value)}."),
            };
        }

        /// <summary>Reads true or false, where null or missing is false.</summary>
        public bool OptionalBool(string name) =>
            Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null && Bool(name);

        public DateTime Date(string name)
        {
            var text = String(name);
            if (!DateTime.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var date))
            {
                throw Invalid(name, $"expected a date YYYY-MM-DD, got '{text}'.");
            }

            return DateTime.SpecifyKind(date, DateTimeKind.Unspecified);
        }

        public DateTimeOffset Moment(string name) =>
            OptionalMoment(name) ?? throw Invalid(name,
                $"expected a date and time in ISO 8601 with its UTC offset, got {Show(Get(name))}.");

        /// <summary>Reads a date and time with its UTC offset that may be null or missing.</summary>
        public DateTimeOffset? OptionalMoment(string name)
        {
            var text = OptionalString(name);
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

        public TimeSpan Time(string name)
        {
            var text = String(name);
            if (!TimeSpan.TryParseExact(text, new[] { @"hh\:mm", @"hh\:mm\:ss" },
                CultureInfo.InvariantCulture, out var time))
            {
                throw Invalid(name, $"expected a local time hh:mm, got '{text}'.");
            }

            return time;
        }

        public T Enum<T>(string name)
            where T : struct
        {
            var text = String(name);
            if (!EnumMap(typeof(T)).TryGetValue(text, out var value))
            {
                throw Invalid(name, $"expected one of {string.Join(", ", Spellings(typeof(T)))}, got '{text}'.");
            }

            return (T)value;
        }

        /// <summary>A reader of the object in the field <paramref name="name"/>.</summary>
        public FieldReader Object(string name)
        {
            var value = Get(name);
            if (value.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(name, $"expected an object, got {Show(value)}.");
            }

            return Nested(name, -1, value);
        }

        /// <summary>
        /// A reader of the object in the field <paramref name="name"/>, or null when the field is null or missing.
        /// </summary>
        public FieldReader? OptionalObject(string name)
        {
            if (!Element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(name, $"expected an object or null, got {Show(value)}.");
            }

            return Nested(name, -1, value);
        }

        /// <summary>
        /// Reads the array of objects in the field <paramref name="name"/>, each with <paramref name="read"/>.
        /// </summary>
        public T[] Objects<T>(string name, Func<FieldReader, T> read)
        {
            var value = Get(name);
            if (value.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(name, $"expected an array, got {Show(value)}.");
            }

            var items = new T[value.GetArrayLength()];
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                var reader = Nested(name, i, item);
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw reader.Invalid(null, $"expected an object, got {Show(item)}.");
                }

                items[i++] = read(reader);
            }

            return items;
        }

        public string[] Strings(string name)
        {
            var value = Get(name);
            if (value.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(name, $"expected an array of strings, got {Show(value)}.");
            }

            var items = new string[value.GetArrayLength()];
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    throw Invalid($"{name}[{i}]", $"expected a string, got {Show(item)}.");
                }

                items[i++] = item.GetString()!;
            }

            return items;
        }

        private decimal? OptionalDecimal(JsonElement value, string name)
        {
            if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
            {
                throw Invalid(name, $"expected a number, got {Show(value)}.");
            }

            return number;
        }

        private JsonElement Get(string name)
        {
            if (!Element.TryGetProperty(name, out var value))
            {
                throw Invalid(name, "the field is missing.");
            }

            return value;
        }

        /// <summary>
        /// A reader of an object in the field <paramref name="name"/>, at <paramref name="index"/> when the field is
        /// an array.
        /// </summary>
        private FieldReader Nested(string name, int index, JsonElement element) =>
            new FieldReader(_path, _file, _recordId, _owner is null ? name : Field(name), index, element);

        /// <summary>The path of this object in its record: null for the record itself.</summary>
        private string? Self() => _owner is null ? null : _index < 0 ? _owner : $"{_owner}[{_index}]";

        /// <summary>The path of the field <paramref name="name"/> of this object in its record.</summary>
        private string Field(string name) => Self() is { } self ? self + "." + name : name;

        private static IEnumerable<string> Spellings(Type type)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                yield return field.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? field.Name;
            }
        }
    }
}

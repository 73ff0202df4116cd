using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using HealthMock.Datasets;
using HealthMock.Generation;
using HealthMock.Json;

namespace HealthMock;

/// <summary>
/// Writes a dataset folder in the benchmark layout: users.json, providers.json, appointments.json and
/// insurance.json, each one JSON object keyed by id, plus manifest.json. The folder receives all five files or,
/// after a failure or cancellation, none of the new ones.
/// </summary>
/// <remarks>
/// <para>The files are first written, one record at a time through <see cref="JsonFileWriter"/>, into a hidden
/// staging folder inside the target folder, and hashed on the way; only when all five are complete are they moved
/// into place. Files the target folder held before are replaced only when overwriting is allowed, and are put back
/// if a move fails.</para>
/// <para>A dataset whose records are not made yet (<see cref="DatasetGenerator.Defer"/>) is written as it is made,
/// patient by patient into all four files at once, while a second thread makes the next patients; no more than a
/// few hundred patients' records are held at any time, so memory stays flat at any size.</para>
/// </remarks>
public sealed class DatasetWriter
{
    private const string DateFormat = "yyyy-MM-dd";

    private const string MomentFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    /// <summary>What <see cref="Progress"/> reports in place of a file name while a dataset is written as it is
    /// made.</summary>
    public const string PatientsProgress = "patients";

    // Patients handed over from the thread that makes them at a time, and batches of them made ahead.
    private const int PatientsPerBatch = 64;

    private const int BatchesAhead = 8;

    private long _written;

    private long _total;

    /// <summary>
    /// Called after each record is written with the file being written, the records written so far and the
    /// records of the whole dataset, on the thread that calls <see cref="Write"/>; null for no reports. A dataset
    /// written as it is made counts its providers and then its patients (each with its policies and appointments)
    /// in place of records, with <see cref="PatientsProgress"/> in place of the file name once the patients start.
    /// </summary>
    public Action<string, long, long>? Progress { get; set; }

    /// <summary>
    /// Writes <paramref name="dataset"/> into <paramref name="folder"/>, creating the folder when its parent exists,
    /// and returns the manifest written.
    /// </summary>
    /// <param name="dataset">The dataset to write.</param>
    /// <param name="folder">The target folder, as a full file-system path.</param>
    /// <param name="overwrite">Whether dataset files already in the folder may be replaced.</param>
    /// <param name="cancellation">Stops writing between records; nothing new is left behind.</param>
    /// <exception cref="DatasetFileException">
    /// The parent folder does not exist (<see cref="DatasetFileErrorKind.DirectoryNotFound"/>) or the folder holds
    /// dataset files and <paramref name="overwrite"/> is false (<see cref="DatasetFileErrorKind.DatasetExists"/>);
    /// checked before anything is written.
    /// </exception>
    /// <exception cref="JsonExportException">A record cannot be written, for example a duplicate id.</exception>
    public DatasetManifest Write(MockDataset dataset, string folder, bool overwrite = false,
        CancellationToken cancellation = default)
    {
        if (dataset is null)
        {
            throw new ArgumentNullException(nameof(dataset));
        }

        var target = CheckTarget(folder, overwrite);
        var created = false;
        if (!Directory.Exists(target))
        {
            Directory.CreateDirectory(target);
            created = true;
        }

        var staging = Path.Combine(target, ".healthmock-export-"
            + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture).Substring(0, 12));
        Directory.CreateDirectory(staging);
        try
        {
            var manifest = new DatasetManifest
            {
                Seed = dataset.Seed,
                ReferenceDate = DateOnly(dataset.ReferenceDate),
                ModuleVersion = dataset.ModuleVersion ?? "",
            };
            _written = 0;
            if (dataset.Pending is DatasetGenerator generator)
            {
                WriteAsMade(generator, staging, manifest, cancellation);
            }
            else
            {
                _total = (long)dataset.Patients.Count + dataset.Providers.Count + dataset.Appointments.Count
                    + dataset.Policies.Count;
                WriteFile(staging, DatasetFiles.Users, "id", dataset.Patients.Select(ToRecord), manifest,
                    cancellation);
                WriteFile(staging, DatasetFiles.Providers, "id", dataset.Providers.Select(ToRecord), manifest,
                    cancellation);
                WriteFile(staging, DatasetFiles.Appointments, "id", dataset.Appointments.Select(ToRecord), manifest,
                    cancellation);
                WriteFile(staging, DatasetFiles.Insurance, "policy_number", dataset.Policies.Select(ToRecord),
                    manifest, cancellation);
            }

            WriteManifest(staging, manifest);
            cancellation.ThrowIfCancellationRequested();
            MoveIntoPlace(staging, target);
            return manifest;
        }
        finally
        {
            TryDeleteFolder(staging);
            if (created && !Directory.EnumerateFileSystemEntries(target).Any())
            {
                TryDeleteFolder(target);
            }
        }
    }

    /// <summary>
    /// Checks, before anything is written, that <paramref name="folder"/> can receive a dataset: its parent exists
    /// and it holds no dataset file unless <paramref name="overwrite"/> is true. Returns the full path.
    /// </summary>
    /// <exception cref="DatasetFileException">The folder cannot receive the dataset.</exception>
    public static string CheckTarget(string folder, bool overwrite)
    {
        if (string.IsNullOrEmpty(folder))
        {
            throw new ArgumentException("Expected the path of a folder.", nameof(folder));
        }

        var target = Path.GetFullPath(folder);
        if (File.Exists(target))
        {
            throw new DatasetFileException(DatasetFileErrorKind.DirectoryNotFound, target,
                $"The path '{target}' is a file; expected a folder to write the dataset files into.");
        }

        var parent = Path.GetDirectoryName(target.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        if (!Directory.Exists(target) && (string.IsNullOrEmpty(parent) || !Directory.Exists(parent)))
        {
            throw new DatasetFileException(DatasetFileErrorKind.DirectoryNotFound, target,
                $"Cannot create the dataset folder '{target}': its parent folder '{parent}' does not exist.");
        }

        if (!overwrite && Directory.Exists(target))
        {
            var present = DatasetFiles.All.Where(name => File.Exists(Path.Combine(target, name))).ToArray();
            if (present.Length > 0)
            {
                throw new DatasetFileException(DatasetFileErrorKind.DatasetExists, target,
                    $"The folder '{target}' already holds {string.Join(", ", present)}; use -Force to replace the "
                    + "dataset files.");
            }
        }

        return target;
    }

    private void WriteFile<T>(string staging, string name, string key, IEnumerable<T> records,
        DatasetManifest manifest, CancellationToken cancellation)
    {
        using var writer = Open(staging, name, key, cancellation);
        foreach (var record in records)
        {
            writer.Write(record);
            _written++;
            Progress?.Invoke(name, _written, _total);
        }

        Complete(writer, name, manifest);
    }

    /// <summary>
    /// Writes a dataset as it is made: the providers, then each patient with the policies and appointments made
    /// with it, into the four files at once, while a second thread makes the patients ahead.
    /// </summary>
    private void WriteAsMade(DatasetGenerator generator, string staging, DatasetManifest manifest,
        CancellationToken cancellation)
    {
        var records = generator.Start();
        _total = (long)records.Providers.Count + records.PatientCount;
        // Ids and policy numbers are unique by construction (each is a one-to-one function of its record's index),
        // so the keys are not remembered to check them: that would hold millions of strings.
        using var users = Open(staging, DatasetFiles.Users, "id", cancellation, uniqueKeys: true);
        using var providers = Open(staging, DatasetFiles.Providers, "id", cancellation, uniqueKeys: true);
        using var appointments = Open(staging, DatasetFiles.Appointments, "id", cancellation, uniqueKeys: true);
        using var insurance = Open(staging, DatasetFiles.Insurance, "policy_number", cancellation, uniqueKeys: true);
        foreach (var provider in records.Providers)
        {
            providers.Write(ToRecord(provider));
            _written++;
            Progress?.Invoke(DatasetFiles.Providers, _written, _total);
        }

        using (var ahead = new BackgroundGenerator<DatasetStep>(records.Next, 0, records.PatientCount,
            PatientsPerBatch, BatchesAhead))
        using (cancellation.Register(ahead.Cancel))
        {
            while (ahead.TryTake(out var step))
            {
                users.Write(ToRecord(step.Patient));
                foreach (var policy in step.Policies)
                {
                    insurance.Write(ToRecord(policy));
                }

                foreach (var appointment in step.Appointments)
                {
                    appointments.Write(ToRecord(appointment));
                }

                _written++;
                Progress?.Invoke(PatientsProgress, _written, _total);
            }
        }

        cancellation.ThrowIfCancellationRequested();
        Complete(users, DatasetFiles.Users, manifest);
        Complete(providers, DatasetFiles.Providers, manifest);
        Complete(appointments, DatasetFiles.Appointments, manifest);
        Complete(insurance, DatasetFiles.Insurance, manifest);
    }

    private static JsonFileWriter Open(string staging, string name, string key, CancellationToken cancellation,
        bool uniqueKeys = false)
    {
        var options = new JsonExportOptions
        {
            Layout = JsonLayout.Keyed,
            KeyProperty = key,
            CheckDuplicateKeys = !uniqueKeys,
            Indented = true,
            NamingPolicy = NamingPolicy.SnakeCase,
            CancellationToken = cancellation,
        };
        return JsonFileWriter.Create(Path.Combine(staging, name), options, computeSha256: true);
    }

    private static void Complete(JsonFileWriter writer, string name, DatasetManifest manifest)
    {
        writer.Complete();
        manifest.Counts[name] = writer.RecordCount;
        manifest.Sha256[name] = writer.Sha256!;
    }

    private static void WriteManifest(string staging, DatasetManifest manifest)
    {
        var record = new ManifestRecord
        {
            Seed = manifest.Seed,
            ReferenceDate = manifest.ReferenceDate.ToString(DateFormat, CultureInfo.InvariantCulture),
            ModuleVersion = manifest.ModuleVersion,
            Counts = manifest.Counts,
            Sha256 = manifest.Sha256,
        };
        var json = new JsonValueWriter(new JsonExportOptions { NamingPolicy = NamingPolicy.AsIs, Indented = true })
            .Serialize(record);
        File.WriteAllBytes(Path.Combine(staging, DatasetFiles.Manifest), new UTF8Encoding(false).GetBytes(json + "\n"));
    }

    /// <summary>Returns the SHA-256 hash of a file as lower-case hexadecimal.</summary>
    public static string HashFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        using var sha = SHA256.Create();
        return Hex(sha.ComputeHash(stream));
    }

    internal static string Hex(byte[] hash)
    {
        var builder = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            builder.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>
    /// Moves the five staged files into the target folder. Earlier files of the same names are first set aside in
    /// the staging folder, so that if any move fails they are all put back and the new files withdrawn.
    /// </summary>
    private static void MoveIntoPlace(string staging, string target)
    {
        var moved = new List<string>();
        var setAside = new List<string>();
        try
        {
            foreach (var name in DatasetFiles.All)
            {
                var destination = Path.Combine(target, name);
                if (File.Exists(destination))
                {
                    File.Move(destination, Path.Combine(staging, name + ".previous"));
                    setAside.Add(name);
                }

                File.Move(Path.Combine(staging, name), destination);
                moved.Add(name);
            }
        }
        catch
        {
            foreach (var name in moved)
            {
                TryMove(Path.Combine(target, name), Path.Combine(staging, name));
            }

            foreach (var name in setAside)
            {
                TryMove(Path.Combine(staging, name + ".previous"), Path.Combine(target, name));
            }

            throw;
        }
    }

    private static void TryMove(string from, string to)
    {
        try
        {
            File.Move(from, to);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done for this file; the original error is reported to the caller.
        }
    }

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file is held open by another process; the hidden folder is left for the user to remove.
        }
    }

    private static DateTime DateOnly(DateTime value) => DateTime.SpecifyKind(value.Date, DateTimeKind.Unspecified);

    /// <summary>The date as yyyy-MM-dd, written digit by digit: a dataset formats millions of them.</summary>
    internal static string FormatDate(DateTime value)
    {
        var text = new char[10];
        WriteDate(text, value);
        return new string(text);
    }

    /// <summary>
    /// The moment in ISO 8601 with its UTC offset (yyyy-MM-ddTHH:mm:ss, then the fraction of a second when there is
    /// one, then +hh:mm), written digit by digit for whole seconds, as every generated moment is.
    /// </summary>
    internal static string FormatMoment(DateTimeOffset value)
    {
        var local = value.DateTime;
        var offset = value.Offset;
        if (local.Ticks % TimeSpan.TicksPerSecond != 0 || offset.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            return value.ToString(MomentFormat, CultureInfo.InvariantCulture);
        }

        var text = new char[25];
        WriteDate(text, local);
        text[10] = 'T';
        WriteTwo(text, 11, local.Hour);
        text[13] = ':';
        WriteTwo(text, 14, local.Minute);
        text[16] = ':';
        WriteTwo(text, 17, local.Second);
        var minutes = (int)(offset.Ticks / TimeSpan.TicksPerMinute);
        text[19] = minutes < 0 ? '-' : '+';
        minutes = Math.Abs(minutes);
        WriteTwo(text, 20, minutes / 60);
        text[22] = ':';
        WriteTwo(text, 23, minutes % 60);
        return new string(text);
    }

    private static void WriteDate(char[] text, DateTime value)
    {
        var year = value.Year;
        text[0] = (char)('0' + (year / 1000));
        text[1] = (char)('0' + (year / 100 % 10));
        WriteTwo(text, 2, year % 100);
        text[4] = '-';
        WriteTwo(text, 5, value.Month);
        text[7] = '-';
        WriteTwo(text, 8, value.Day);
    }

    private static void WriteTwo(char[] text, int at, int value)
    {
        text[at] = (char)('0' + (value / 10));
        text[at + 1] = (char)('0' + (value % 10));
    }

    internal static string FormatTime(TimeSpan value) =>
        value.Seconds == 0 && value.Milliseconds == 0
            ? value.ToString(@"hh\:mm", CultureInfo.InvariantCulture)
            : value.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);

    internal static UserRecord ToRecord(Patient patient) => new UserRecord
    {
        Id = patient.Id,
        FirstName = patient.FirstName,
        LastName = patient.LastName,
        Sex = patient.Sex,
        Dob = FormatDate(patient.DateOfBirth),
        Age = patient.Age,
        Email = patient.Email,
        Phone = patient.Phone,
        Address = patient.Address,
        AddressLine1 = patient.AddressLine1,
        AddressLine2 = patient.AddressLine2,
        City = patient.City,
        State = patient.State,
        Zip = patient.Zip,
        PreferredContactMethod = patient.PreferredContactMethod,
        PrimaryCareProvider = patient.PrimaryCareProvider,
        PrimaryCareProviderId = patient.PrimaryCareProviderId,
        InsurancePolicyNumber = patient.InsurancePolicyNumber,
        InsuranceProvider = patient.InsuranceProvider,
        CoverageType = patient.CoverageType,
        DeductibleBalance = patient.DeductibleBalance,
        ChronicConditions = (patient.ChronicConditions ?? Array.Empty<Condition>())
            .Select(c => new ConditionRecord { Code = c.Code, Name = c.Name }).ToList(),
        Allergies = patient.Allergies ?? Array.Empty<string>(),
        Medications = (patient.Medications ?? Array.Empty<Medication>())
            .Select(m => new MedicationRecord { Name = m.Name, Dosage = m.Dosage, TreatsCode = m.TreatsCode })
            .ToList(),
        EmergencyContact = patient.EmergencyContact is null
            ? null
            : new EmergencyContactRecord
            {
                Name = patient.EmergencyContact.Name,
                Relationship = patient.EmergencyContact.Relationship,
                Phone = patient.EmergencyContact.Phone,
            },
        AccountCreationDate = FormatDate(patient.AccountCreationDate),
    };

    internal static ProviderRecord ToRecord(Provider provider) => new ProviderRecord
    {
        Id = provider.Id,
        FirstName = provider.FirstName,
        LastName = provider.LastName,
        DisplayName = provider.DisplayName,
        Credential = provider.Credential,
        Specialty = provider.Specialty,
        IsPrimaryCare = provider.IsPrimaryCare,
        Npi = provider.Npi,
        Clinic = new ClinicRecord
        {
            Name = provider.Clinic?.Name ?? "",
            AddressLine1 = provider.Clinic?.AddressLine1 ?? "",
            City = provider.Clinic?.City ?? "",
            State = provider.Clinic?.State ?? "",
            Zip = provider.Clinic?.Zip ?? "",
            UtcOffset = provider.Clinic?.UtcOffset ?? "",
        },
        Phone = provider.Phone,
        Email = provider.Email,
        Schedule = new ScheduleRecord
        {
            Days = (provider.Schedule?.Days ?? Array.Empty<DayOfWeek>())
                .Select(d => d.ToString()).ToArray(),
            Start = FormatTime(provider.Schedule?.Start ?? TimeSpan.Zero),
            End = FormatTime(provider.Schedule?.End ?? TimeSpan.Zero),
            SlotMinutes = provider.Schedule?.SlotMinutes ?? 0,
        },
        AcceptingNewPatients = provider.AcceptingNewPatients,
        Languages = provider.Languages ?? Array.Empty<string>(),
    };

    internal static PolicyRecord ToRecord(InsurancePolicy policy) => new PolicyRecord
    {
        PolicyNumber = policy.PolicyNumber,
        MemberId = policy.MemberId,
        GroupNumber = policy.GroupNumber,
        PatientId = policy.PatientId,
        Payer = policy.Payer,
        PlanName = policy.PlanName,
        PlanType = policy.PlanType,
        CoverageTier = policy.CoverageTier,
        SubscriberId = policy.SubscriberId,
        RelationshipToSubscriber = policy.RelationshipToSubscriber,
        EffectiveDate = FormatDate(policy.EffectiveDate),
        EndDate = FormatDate(policy.EndDate),
        Status = policy.Status,
        Deductible = policy.Deductible,
        DeductibleMet = policy.DeductibleMet,
        OutOfPocketMax = policy.OutOfPocketMax,
        OutOfPocketMet = policy.OutOfPocketMet,
        Copays = new CopaysRecord
        {
            PrimaryCare = policy.Copays?.PrimaryCare ?? 0,
            Specialist = policy.Copays?.Specialist ?? 0,
            UrgentCare = policy.Copays?.UrgentCare ?? 0,
            Telehealth = policy.Copays?.Telehealth ?? 0,
            Emergency = policy.Copays?.Emergency ?? 0,
        },
        Coinsurance = policy.Coinsurance,
        RequiresReferral = policy.RequiresReferral,
        CopaysAfterDeductible = policy.CopaysAfterDeductible,
    };

    internal static AppointmentRecord ToRecord(Appointment appointment) => new AppointmentRecord
    {
        Id = appointment.Id,
        PatientId = appointment.PatientId,
        ProviderId = appointment.ProviderId,
        Type = appointment.Type,
        VisitCategory = appointment.VisitCategory,
        Start = FormatMoment(appointment.Start),
        DurationMinutes = appointment.DurationMinutes,
        Mode = appointment.Mode,
        Reason = appointment.Reason,
        Status = appointment.Status,
        CancellationReason = appointment.CancellationReason,
        CanceledAt = appointment.CanceledAt is DateTimeOffset canceled ? FormatMoment(canceled) : null,
        BookedAt = FormatMoment(appointment.BookedAt),
        Copay = appointment.Copay,
    };
}

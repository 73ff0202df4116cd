using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using HealthMock.Json;
using Xunit;

namespace HealthMock.Tests.Datasets;

/// <summary>Writing a dataset folder, reading it back, and the errors for folders that cannot be used.</summary>
public sealed class DatasetFilesTests : IDisposable
{
    private readonly string _root;

    public DatasetFilesTests()
    {
        _root = Path.Combine(Path.GetTempPath(), "healthmock-datasets-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Export_writes_the_four_data_files_and_the_manifest()
    {
        var folder = Path.Combine(_root, "clinic");

        new DatasetWriter().Write(ValidatorSamples.Clean(), folder);

        Assert.Equal(DatasetFiles.All.OrderBy(n => n, StringComparer.Ordinal),
            Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Each_data_file_is_one_object_keyed_by_id_with_the_design_names()
    {
        var folder = Write(ValidatorSamples.Clean());

        using var users = Parse(folder, DatasetFiles.Users);
        var sara = users.RootElement.GetProperty("sara_doe_4821");
        foreach (var name in new[]
        {
            "id", "first_name", "last_name", "sex", "dob", "age", "email", "phone", "address", "address_line1",
            "address_line2", "city", "state", "zip", "preferred_contact_method", "primary_care_provider",
            "primary_care_provider_id", "insurance_policy_number", "insurance_provider", "coverage_type",
            "deductible_balance", "chronic_conditions", "allergies", "medications", "emergency_contact",
            "account_creation_date",
        })
        {
            Assert.True(sara.TryGetProperty(name, out _), $"users.json lacks {name}");
        }

        Assert.Equal("1985-06-02", sara.GetProperty("dob").GetString());
        Assert.Equal("Dr. Mei Lee, MD", sara.GetProperty("primary_care_provider").GetString());
        Assert.Equal("12 Elm Street, Boston, MA 02118", sara.GetProperty("address").GetString());
        Assert.Equal("female", sara.GetProperty("sex").GetString());

        using var insurance = Parse(folder, DatasetFiles.Insurance);
        var policy = insurance.RootElement.GetProperty("POL-000001");
        Assert.Equal("POL-000001", policy.GetProperty("policy_number").GetString());
        Assert.Equal(25m, policy.GetProperty("copays").GetProperty("primary_care").GetDecimal());
        Assert.Equal("2025-07-01", policy.GetProperty("effective_date").GetString());

        using var appointments = Parse(folder, DatasetFiles.Appointments);
        var appointment = appointments.RootElement.GetProperty("apt_000004");
        Assert.Equal("2026-01-21T14:00:00-05:00", appointment.GetProperty("start").GetString());
        Assert.Equal("canceled", appointment.GetProperty("status").GetString());
        Assert.Equal("Patient request", appointment.GetProperty("cancellation_reason").GetString());

        using var providers = Parse(folder, DatasetFiles.Providers);
        var lee = providers.RootElement.GetProperty("dr_lee_family_medicine_01");
        Assert.Equal("08:00", lee.GetProperty("schedule").GetProperty("start").GetString());
        Assert.Equal(-5 * 60, ParseOffset(lee.GetProperty("clinic").GetProperty("utc_offset").GetString()!));
    }

    [Fact]
    public void The_manifest_holds_the_seed_counts_and_a_hash_per_file()
    {
        var folder = Write(ValidatorSamples.Clean());

        using var manifest = Parse(folder, DatasetFiles.Manifest);
        var root = manifest.RootElement;

        Assert.Equal(42, root.GetProperty("seed").GetInt32());
        Assert.Equal("2026-01-15", root.GetProperty("reference_date").GetString());
        Assert.Equal("0.1.0", root.GetProperty("module_version").GetString());
        Assert.Equal(3, root.GetProperty("counts").GetProperty(DatasetFiles.Users).GetInt64());
        Assert.Equal(5, root.GetProperty("counts").GetProperty(DatasetFiles.Appointments).GetInt64());
        foreach (var file in DatasetFiles.DataFiles)
        {
            Assert.Equal(DatasetWriter.HashFile(Path.Combine(folder, file)),
                root.GetProperty("sha256").GetProperty(file).GetString());
        }
    }

    [Fact]
    public void Export_import_export_gives_identical_bytes()
    {
        var first = Write(ValidatorSamples.Clean(), "first");
        var reader = new DatasetReader();
        var imported = reader.Read(first);
        var second = Write(imported, "second");

        foreach (var file in DatasetFiles.All)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(second, file)));
        }

        Assert.Empty(reader.ManifestMismatches);
    }

    [Fact]
    public void Import_gives_back_a_dataset_equal_to_the_one_exported()
    {
        var original = ValidatorSamples.Clean();

        var imported = new DatasetReader().Read(Write(original));

        Assert.Equal(original.Seed, imported.Seed);
        Assert.Equal(original.ReferenceDate, imported.ReferenceDate);
        Assert.Equal(original.ModuleVersion, imported.ModuleVersion);
        Assert.Equal(Serialize(original.Patients), Serialize(imported.Patients));
        Assert.Equal(Serialize(original.Providers), Serialize(imported.Providers));
        Assert.Equal(Serialize(original.Policies), Serialize(imported.Policies));
        Assert.Equal(Serialize(original.Appointments), Serialize(imported.Appointments));
        Assert.Empty(new DatasetValidator().Validate(imported));
    }

    [Fact]
    public void A_large_file_is_read_across_many_buffers()
    {
        var dataset = ValidatorSamples.Clean();
        var template = dataset.AppointmentById("apt_000005");
        for (var i = 0; i < 3000; i++)
        {
            dataset.Appointments.Add(new Appointment
            {
                Id = $"apt_{100000 + i}",
                PatientId = template.PatientId,
                ProviderId = template.ProviderId,
                Type = template.Type,
                Start = template.Start.AddDays(-7 * (i + 1)),
                DurationMinutes = 15,
                Reason = new string('x', i % 500),
                Status = AppointmentStatus.Completed,
                BookedAt = template.BookedAt.AddDays(-7 * (i + 1)),
            });
        }

        var folder = Write(dataset);
        var imported = new DatasetReader().Read(folder);

        Assert.Equal(dataset.Appointments.Select(a => a.Id), imported.Appointments.Select(a => a.Id));
        Assert.Equal(dataset.Appointments.Select(a => a.Reason), imported.Appointments.Select(a => a.Reason));
    }

    [Fact]
    public void An_existing_dataset_is_not_replaced_without_overwrite()
    {
        var folder = Write(ValidatorSamples.Clean());
        var before = File.ReadAllBytes(Path.Combine(folder, DatasetFiles.Users));
        var changed = ValidatorSamples.Clean();
        changed.Patients.RemoveAt(2);

        var error = Assert.Throws<DatasetFileException>(() => new DatasetWriter().Write(changed, folder));

        Assert.Equal(DatasetFileErrorKind.DatasetExists, error.Kind);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(folder, DatasetFiles.Users)));
    }

    [Fact]
    public void Overwrite_replaces_the_dataset_files_and_keeps_other_files()
    {
        var folder = Write(ValidatorSamples.Clean());
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "keep me");
        var changed = ValidatorSamples.Clean();
        changed.Patients.RemoveAt(2);

        var manifest = new DatasetWriter().Write(changed, folder, overwrite: true);

        Assert.Equal(2, manifest.Counts[DatasetFiles.Users]);
        Assert.Equal(2, new DatasetReader().Read(folder).Patients.Count);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(folder, "notes.txt")));
        Assert.Equal(6, Directory.GetFileSystemEntries(folder).Length);
    }

    [Fact]
    public void A_missing_parent_folder_is_reported_before_anything_is_written()
    {
        var folder = Path.Combine(_root, "missing", "clinic");

        var error = Assert.Throws<DatasetFileException>(() =>
            new DatasetWriter().Write(ValidatorSamples.Clean(), folder));

        Assert.Equal(DatasetFileErrorKind.DirectoryNotFound, error.Kind);
        Assert.False(Directory.Exists(Path.Combine(_root, "missing")));
    }

    [Fact]
    public void A_record_that_cannot_be_written_leaves_no_new_file()
    {
        var folder = Path.Combine(_root, "clinic");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "keep me");
        var dataset = ValidatorSamples.Clean();
        dataset.Policies.Add(dataset.Policies[0]);

        var error = Assert.Throws<JsonExportException>(() => new DatasetWriter().Write(dataset, folder));

        Assert.Equal(JsonExportErrorKind.DuplicateKey, error.Kind);
        Assert.Equal(new[] { "notes.txt" }, Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_overwrite_keeps_the_previous_dataset()
    {
        var folder = Write(ValidatorSamples.Clean());
        var before = DatasetFiles.All.Select(f => File.ReadAllBytes(Path.Combine(folder, f))).ToList();
        var dataset = ValidatorSamples.Clean();
        dataset.Appointments.Add(dataset.Appointments[0]);

        Assert.Throws<JsonExportException>(() => new DatasetWriter().Write(dataset, folder, overwrite: true));

        Assert.Equal(before, DatasetFiles.All.Select(f => File.ReadAllBytes(Path.Combine(folder, f))).ToList());
        Assert.Equal(5, Directory.GetFileSystemEntries(folder).Length);
    }

    [Fact]
    public void A_cancelled_export_into_a_new_folder_leaves_nothing_behind()
    {
        var folder = Path.Combine(_root, "clinic");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            new DatasetWriter().Write(ValidatorSamples.Clean(), folder, cancellation: cancellation.Token));

        Assert.False(Directory.Exists(folder));
    }

    [Theory]
    [InlineData("users.json")]
    [InlineData("providers.json")]
    [InlineData("appointments.json")]
    [InlineData("insurance.json")]
    [InlineData("manifest.json")]
    public void A_missing_file_is_named(string file)
    {
        var folder = Write(ValidatorSamples.Clean());
        File.Delete(Path.Combine(folder, file));

        var error = Assert.Throws<DatasetFileException>(() => new DatasetReader().Read(folder));

        Assert.Equal(DatasetFileErrorKind.DatasetFileMissing, error.Kind);
        Assert.Contains(file, error.Message);
    }

    [Fact]
    public void Malformed_json_is_reported_with_the_file_and_line()
    {
        var folder = Write(ValidatorSamples.Clean());
        var path = Path.Combine(folder, DatasetFiles.Providers);
        var lines = File.ReadAllLines(path);
        var broken = Array.FindIndex(lines, l => l.Contains("\"npi\""));
        lines[broken] = lines[broken].Replace(",", "");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");

        var error = Assert.Throws<DatasetFileException>(() => new DatasetReader().Read(folder));

        Assert.Equal(DatasetFileErrorKind.DatasetFileMalformed, error.Kind);
        Assert.Contains(DatasetFiles.Providers, error.Message);
        Assert.Equal(broken + 2, error.LineNumber);
        Assert.Contains($"line {broken + 2}", error.Message);
    }

    [Fact]
    public void Malformed_json_deep_in_a_large_file_is_reported_at_its_line()
    {
        var dataset = ValidatorSamples.Clean();
        for (var i = 0; i < 2000; i++)
        {
            var copy = dataset.Appointments[0];
            dataset.Appointments.Add(new Appointment
            {
                Id = $"apt_{200000 + i}",
                PatientId = copy.PatientId,
                ProviderId = copy.ProviderId,
                Type = copy.Type,
                Start = copy.Start,
                Reason = copy.Reason,
                BookedAt = copy.BookedAt,
            });
        }

        var folder = Write(dataset);
        var path = Path.Combine(folder, DatasetFiles.Appointments);
        var lines = File.ReadAllLines(path);
        var broken = Array.FindLastIndex(lines, l => l.Contains("\"reason\""));
        lines[broken] = lines[broken].Replace("\"reason\"", "reason");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");

        var error = Assert.Throws<DatasetFileException>(() => new DatasetReader().Read(folder));

        Assert.Equal(broken + 1, error.LineNumber);
    }

    [Fact]
    public void A_top_level_array_is_malformed()
    {
        var folder = Write(ValidatorSamples.Clean());
        File.WriteAllText(Path.Combine(folder, DatasetFiles.Insurance), "\n[\n]\n");

        var error = Assert.Throws<DatasetFileException>(() => new DatasetReader().Read(folder));

        Assert.Equal(DatasetFileErrorKind.DatasetFileMalformed, error.Kind);
        Assert.Contains(DatasetFiles.Insurance, error.Message);
        Assert.Equal(2, error.LineNumber);
    }

    [Fact]
    public void A_field_of_the_wrong_type_names_the_file_the_record_and_the_field()
    {
        var folder = Write(ValidatorSamples.Clean());
        var path = Path.Combine(folder, DatasetFiles.Users);
        var text = File.ReadAllText(path).Replace("\"age\": 7,", "\"age\": \"seven\",");
        File.WriteAllText(path, text);

        var error = Assert.Throws<DatasetFileException>(() => new DatasetReader().Read(folder));

        Assert.Equal(DatasetFileErrorKind.DatasetFieldInvalid, error.Kind);
        Assert.Equal("leo_doe_1234", error.RecordId);
        Assert.Equal("age", error.Field);
        Assert.Contains("users.json", error.Message);
        Assert.Contains("leo_doe_1234", error.Message);
        Assert.Contains("'age'", error.Message);
    }

    [Fact]
    public void A_nested_field_of_the_wrong_type_is_named_with_its_path()
    {
        var folder = Write(ValidatorSamples.Clean());
        var path = Path.Combine(folder, DatasetFiles.Insurance);
        var text = File.ReadAllText(path).Replace("\"specialist\": 20", "\"specialist\": \"twenty\"");
        File.WriteAllText(path, text);

        var error = Assert.Throws<DatasetFileException>(() => new DatasetReader().Read(folder));

        Assert.Equal("POL-000003", error.RecordId);
        Assert.Equal("copays.specialist", error.Field);
    }

    [Fact]
    public void A_file_changed_by_hand_still_imports_and_the_mismatch_is_reported()
    {
        var folder = Write(ValidatorSamples.Clean());
        var path = Path.Combine(folder, DatasetFiles.Users);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"age\": 7,", "\"age\": 8,"));

        var reader = new DatasetReader();
        var dataset = reader.Read(folder);

        Assert.Equal(8, dataset.PatientById("leo_doe_1234").Age);
        var mismatch = Assert.Single(reader.ManifestMismatches);
        Assert.Contains(DatasetFiles.Users, mismatch);
    }

    private string Write(MockDataset dataset, string name = "clinic")
    {
        var folder = Path.Combine(_root, name);
        new DatasetWriter().Write(dataset, folder);
        return folder;
    }

    private static JsonDocument Parse(string folder, string file) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, file)));

    private static string Serialize<T>(IEnumerable<T> records) =>
        new JsonValueWriter(new JsonExportOptions { Indented = false }).Serialize(records.ToList());

    private static int ParseOffset(string text) =>
        (text[0] == '-' ? -1 : 1) * (int.Parse(text.Substring(1, 2)) * 60 + int.Parse(text.Substring(4, 2)));
}

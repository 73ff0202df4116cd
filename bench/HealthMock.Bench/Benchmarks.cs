using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Bogus;
using HealthMock.Bench.Baseline;
using HealthMock.Generation;
using HealthMock.Json;
using HealthMock.Seeds;

namespace HealthMock.Bench;

/// <summary>
/// Core patient generation against an idiomatic Bogus <see cref="Faker{T}"/> of the same scalar fields.
/// </summary>
public class PatientGeneration
{
    private const int Batch = 1000;

    private Faker<BogusPatient> faker = null!;

    private PatientGenerator generator = null!;

    private long next;

    [GlobalSetup]
    public void Setup()
    {
        faker = BogusPatients.CreateFaker(1);
        generator = new PatientGenerator(SeedCatalog.Default,
            new PatientOptions { Seed = 1, ReferenceDate = BogusPatients.ReferenceDate });
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch, Description = "Bogus Faker<T>")]
    public object? Bogus()
    {
        object? last = null;
        for (var i = 0; i < Batch; i++)
        {
            last = faker.Generate();
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "Bogus Faker<T>, reseeded per record")]
    public object? BogusReseeded()
    {
        object? last = null;
        for (var i = 0; i < Batch; i++)
        {
            last = BogusPatients.GenerateReseeded(faker, 1, next++);
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "HealthMock PatientGenerator")]
    public object? HealthMock()
    {
        object? last = null;
        for (var i = 0; i < Batch; i++)
        {
            last = generator.Generate(next++);
        }

        return last;
    }
}

/// <summary>Core provider generation against a Bogus <see cref="Faker{T}"/> of comparable fields.</summary>
public class ProviderGeneration
{
    private const int Batch = 1000;

    private Faker<BogusProvider> faker = null!;

    private ProviderGenerator generator = null!;

    private long next;

    [GlobalSetup]
    public void Setup()
    {
        faker = BogusProviders.CreateFaker(1);
        generator = new ProviderGenerator(SeedCatalog.Default, new ProviderOptions { Seed = 1 });
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch, Description = "Bogus Faker<T>")]
    public object? Bogus()
    {
        object? last = null;
        for (var i = 0; i < Batch; i++)
        {
            last = faker.Generate();
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "HealthMock ProviderGenerator")]
    public object? HealthMock()
    {
        object? last = null;
        for (var i = 0; i < Batch; i++)
        {
            last = generator.Generate(next++);
        }

        return last;
    }
}

/// <summary>
/// Core policy generation for generated patients against a Bogus <see cref="Faker{T}"/> of comparable fields.
/// </summary>
public class PolicyGeneration
{
    private const int Batch = 1000;

    private Faker<BogusPolicy> faker = null!;

    private PolicyGenerator generator = null!;

    private Patient[] patients = null!;

    private long next;

    [GlobalSetup]
    public void Setup()
    {
        faker = BogusRecords.Policies(1);
        generator = new PolicyGenerator(SeedCatalog.Default,
            new PolicyOptions { Seed = 1, ReferenceDate = BogusPatients.ReferenceDate });
        patients = Patients(Batch);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch, Description = "Bogus Faker<T>")]
    public object? Bogus()
    {
        object? last = null;
        for (var i = 0; i < Batch; i++)
        {
            last = faker.Generate();
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "HealthMock PolicyGenerator")]
    public object? HealthMock()
    {
        object? last = null;
        for (var i = 0; i < Batch; i++)
        {
            last = generator.Generate(next++, patients[i]);
        }

        return last;
    }

    internal static Patient[] Patients(int count)
    {
        var generator = new PatientGenerator(SeedCatalog.Default,
            new PatientOptions { Seed = 1, ReferenceDate = BogusPatients.ReferenceDate });
        var patients = new Patient[count];
        for (var i = 0; i < count; i++)
        {
            patients[i] = generator.Generate(i);
        }

        return patients;
    }
}

/// <summary>
/// Core appointment booking against a Bogus <see cref="Faker{T}"/> of comparable fields, in two cases: one
/// appointment for each of 1,000 patients with 50 providers of all states, and the case of a large dataset: three
/// appointments for each of 10,000 patients of one state, with 1,000 providers of that state that include the
/// patients' primary care providers, policies handed over as the patients come and each patient forgotten once
/// booked, as New-MockDataset does. Each invocation makes a fresh generator, whose bookings keep providers and
/// patients from being double booked.
/// </summary>
public class AppointmentGeneration
{
    private const int Batch = 1000;

    private const int Members = 10_000;

    private const int PerPatient = 3;

    private const string State = "OR";

    private Faker<BogusAppointment> faker = null!;

    private Provider[] providers = null!;

    private Patient[] patients = null!;

    private Provider[] network = null!;

    private Patient[] members = null!;

    private InsurancePolicy[] policies = null!;

    [GlobalSetup]
    public void Setup()
    {
        faker = BogusRecords.Appointments(1);
        var generator = new ProviderGenerator(SeedCatalog.Default, new ProviderOptions { Seed = 1 });
        providers = new Provider[50];
        for (var i = 0; i < providers.Length; i++)
        {
            providers[i] = generator.Generate(i);
        }

        patients = PolicyGeneration.Patients(Batch);
        network = new ProviderGenerator(SeedCatalog.Default, new ProviderOptions { Seed = 1, States = new[] { State } })
            .Generate(0, 1000).ToArray();
        members = new PatientGenerator(SeedCatalog.Default, new PatientOptions
        {
            Seed = 1,
            ReferenceDate = BogusPatients.ReferenceDate,
            States = new[] { State },
            Providers = network,
        }).Generate(0, Members).ToArray();
        var policyGenerator = new PolicyGenerator(SeedCatalog.Default,
            new PolicyOptions { Seed = 1, ReferenceDate = BogusPatients.ReferenceDate });
        policies = new InsurancePolicy[Members];
        for (var i = 0; i < Members; i++)
        {
            policies[i] = policyGenerator.Generate(i, members[i]);
            PolicyGenerator.AssignTo(members[i], policies[i]);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch, Description = "Bogus Faker<T>")]
    public object? Bogus()
    {
        object? last = null;
        for (var i = 0; i < Batch; i++)
        {
            last = faker.Generate();
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "HealthMock AppointmentGenerator")]
    public object? HealthMock()
    {
        var generator = new AppointmentGenerator(SeedCatalog.Default,
            new AppointmentOptions { Seed = 1, ReferenceDate = BogusPatients.ReferenceDate }, providers);
        object? last = null;
        for (var i = 0; i < Batch; i++)
        {
            last = generator.Generate(i, patients[i]);
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Members * PerPatient,
        Description = "HealthMock AppointmentGenerator, 1,000 providers of one state, 3 per patient")]
    public object? HealthMockDataset()
    {
        var generator = new AppointmentGenerator(SeedCatalog.Default, new AppointmentOptions
        {
            Seed = 1,
            ReferenceDate = BogusPatients.ReferenceDate,
            MinPerPatient = PerPatient,
            MaxPerPatient = PerPatient,
        }, network);
        object? last = null;
        for (var i = 0; i < Members; i++)
        {
            generator.AddPolicy(policies[i]);
            last = generator.Generate(i, members[i]);
            generator.Forget(members[i]);
        }

        return last;
    }
}

/// <summary>
/// Export-Json's writer on generated patients against the floor: the same bytes written field by field with
/// <see cref="Utf8JsonWriter"/>. Both write the same pre-generated patients to a null stream.
/// </summary>
public class JsonWriting
{
    private const int Batch = 1000;

    private Patient[] patients = null!;

    [GlobalSetup]
    public void Setup()
    {
        var generator = new PatientGenerator(SeedCatalog.Default,
            new PatientOptions { Seed = 1, ReferenceDate = BogusPatients.ReferenceDate });
        patients = new Patient[Batch];
        for (var i = 0; i < Batch; i++)
        {
            patients[i] = generator.Generate(i);
        }

        var floor = new MemoryStream();
        WriteFloor(floor);
        var ours = new MemoryStream();
        WriteRecords(ours, new JsonExportOptions());
        if (!floor.ToArray().AsSpan().SequenceEqual(ours.ToArray()))
        {
            throw new InvalidOperationException("The floor and JsonRecordWriter wrote different bytes.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch, Description = "Utf8JsonWriter floor, same bytes")]
    public void Floor() => WriteFloor(Stream.Null);

    [Benchmark(OperationsPerInvoke = Batch, Description = "JsonRecordWriter (Export-Json)")]
    public void RecordWriter() => WriteRecords(Stream.Null, new JsonExportOptions());

    [Benchmark(OperationsPerInvoke = Batch, Description = "JsonRecordWriter, JSON Lines")]
    public void RecordWriterLines() => WriteRecords(Stream.Null, new JsonExportOptions { Layout = JsonLayout.Lines });

    private void WriteFloor(Stream output)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using var writer = new Utf8JsonWriter(buffer, PatientJsonFloor.Options);
        writer.WriteStartArray();
        foreach (var patient in patients)
        {
            PatientJsonFloor.Write(writer, patient);
            PatientJsonFloor.Drain(writer, buffer, output, 16 * 1024);
        }

        writer.WriteEndArray();
        PatientJsonFloor.Drain(writer, buffer, output, 0);
        output.WriteByte((byte)'\n');
    }

    private void WriteRecords(Stream output, JsonExportOptions options)
    {
        using var writer = new JsonRecordWriter(output, options, leaveOpen: true);
        foreach (var patient in patients)
        {
            writer.Write(patient);
        }

        writer.Complete();
    }
}

using System.Collections.Generic;

namespace HealthMock;

/// <summary>The names of the files of a dataset folder, in the benchmark layout plus a manifest.</summary>
public static class DatasetFiles
{
    /// <summary>The patients, one object keyed by patient id.</summary>
    public const string Users = "users.json";

    /// <summary>The providers, one object keyed by provider id.</summary>
    public const string Providers = "providers.json";

    /// <summary>The appointments, one object keyed by appointment id.</summary>
    public const string Appointments = "appointments.json";

    /// <summary>The insurance policies, one object keyed by policy number.</summary>
    public const string Insurance = "insurance.json";

    /// <summary>The seed, reference date, module version, counts and hashes of the four data files.</summary>
    public const string Manifest = "manifest.json";

    /// <summary>The four data files, in the order they are written and listed in the manifest.</summary>
    public static IReadOnlyList<string> DataFiles { get; } = new[] { Users, Providers, Appointments, Insurance };

    /// <summary>All five files of a dataset folder.</summary>
    public static IReadOnlyList<string> All { get; } = new[] { Users, Providers, Appointments, Insurance, Manifest };
}

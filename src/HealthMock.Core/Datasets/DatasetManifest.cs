using System;
using System.Collections.Generic;

namespace HealthMock;

/// <summary>
/// What manifest.json says about a dataset folder: the seed, reference date and module version that made the
/// dataset, and for each data file its record count and SHA-256 hash.
/// </summary>
public sealed class DatasetManifest
{
    /// <summary>The seed the dataset was generated from.</summary>
    public int Seed { get; set; }

    /// <summary>The reference date of the dataset.</summary>
    public DateTime ReferenceDate { get; set; }

    /// <summary>The version of HealthMock that generated the dataset.</summary>
    public string ModuleVersion { get; set; } = "";

    /// <summary>The number of records in each data file, by file name (users.json, ...).</summary>
    public IDictionary<string, long> Counts { get; set; } = new Dictionary<string, long>(StringComparer.Ordinal);

    /// <summary>The SHA-256 hash of each data file as lower-case hexadecimal, by file name.</summary>
    public IDictionary<string, string> Sha256 { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Returns a one-line summary of the counts.</summary>
    public override string ToString() =>
        string.Join(", ", System.Linq.Enumerable.Select(Counts, c => c.Key + " " + c.Value)) + " (seed " + Seed + ")";
}

using System;

namespace HealthMock.Api;

/// <summary>
/// What a <see cref="FrontDeskService"/> serves: the dataset's folder, seed, reference date and record counts.
/// </summary>
public sealed class FrontDeskSummary
{
    /// <summary>The dataset folder, or null for a dataset held only in memory.</summary>
    public string? Folder { get; set; }

    /// <summary>The seed the dataset was generated from.</summary>
    public int Seed { get; set; }

    /// <summary>The dataset's reference date, which the service's current time follows.</summary>
    public DateTime ReferenceDate { get; set; }

    /// <summary>The number of patients.</summary>
    public int Patients { get; set; }

    /// <summary>The number of providers.</summary>
    public int Providers { get; set; }

    /// <summary>The number of insurance policies.</summary>
    public int Policies { get; set; }

    /// <summary>The number of appointments.</summary>
    public int Appointments { get; set; }
}

using System;
using HealthMock.Seeds;

namespace HealthMock.Api;

/// <summary>Settings of a <see cref="FrontDeskService"/>.</summary>
public sealed class FrontDeskOptions
{
    /// <summary>
    /// The seed catalog whose specialties say which appointment types each provider offers and to whom; the
    /// embedded seeds by default. Use the catalog the dataset was generated from.
    /// </summary>
    public SeedCatalog Seeds { get; set; } = SeedCatalog.Default;

    /// <summary>
    /// The service's clock, or null (the default) for a fixed current time: the last minute of the dataset's
    /// reference date in each clinic's local time, so that every run gives the same answers.
    /// </summary>
    /// <remarks>
    /// The consistency rules judge bookings and cancellations against the reference date, so a clock that leaves
    /// the reference date makes every change fail the dataset check (rule_violation); use one for tests of the
    /// time of day.
    /// </remarks>
    public Func<DateTimeOffset>? Clock { get; set; }

    /// <summary>The allowed amounts that cost estimates start from.</summary>
    public VisitCostTable CostTable { get; set; } = VisitCostTable.Default;

    /// <summary>
    /// How long a change waits for another process that holds the dataset folder's lock before it fails with
    /// dataset_busy; ten seconds by default.
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

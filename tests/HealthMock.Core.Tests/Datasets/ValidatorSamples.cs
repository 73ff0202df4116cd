using System;
using System.Collections.Generic;

namespace HealthMock.Tests.Datasets;

/// <summary>
/// What the validator and dataset file tests start from: the clean hand-built <see cref="ClinicSample"/>.
/// </summary>
internal static class ValidatorSamples
{
    /// <summary>A fresh copy of the clinic sample, which keeps every rule, for a test to break.</summary>
    public static MockDataset Clean() => ClinicSample.Create();

    /// <inheritdoc cref="ClinicSample.At"/>
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute) =>
        ClinicSample.At(year, month, day, hour, minute);

    /// <summary>Names the violations in an assertion message, one per line.</summary>
    public static string Describe(IEnumerable<RuleViolation> violations) =>
        string.Join(Environment.NewLine, violations);
}

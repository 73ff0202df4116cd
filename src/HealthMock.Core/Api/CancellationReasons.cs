using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace HealthMock.Api;

/// <summary>
/// The fixed list of reasons an appointment can be canceled for, as stable snake_case codes. A caller may also
/// write a reason as words (Patient request, patient-request); it is stored as its code.
/// </summary>
public static class CancellationReasons
{
    /// <summary>The reason the front desk records on the old appointment when it reschedules one.</summary>
    public const string Rescheduled = "rescheduled";

    /// <summary>The reasons a caller may cancel for, in the order they are listed to callers.</summary>
    public static IReadOnlyList<string> All { get; } = new[]
    {
        "patient_request", "scheduling_conflict", "feeling_better", "patient_illness", "provider_unavailable",
        "transportation_issue", "work_conflict", "weather", "insurance_issue", "family_emergency",
        "clinic_closure", "other",
    };

    /// <summary>
    /// Returns the code of <paramref name="reason"/> when it is one of <see cref="All"/>, ignoring case and reading
    /// spaces and hyphens as underscores; returns null otherwise. <see cref="Rescheduled"/> is not accepted: a
    /// rescheduled appointment is canceled by rescheduling it.
    /// </summary>
    public static string? Normalize(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return null;
        }

        var builder = new StringBuilder(reason!.Length);
        foreach (var c in reason.Trim())
        {
            builder.Append(c == ' ' || c == '-' ? '_' : char.ToLowerInvariant(c));
        }

        var code = builder.ToString();
        return All.Contains(code, StringComparer.Ordinal) ? code : null;
    }
}

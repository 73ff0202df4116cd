using System;
using Bogus;

namespace HealthMock.Bench;

/// <summary>An insurance policy of comparable fields for the Bogus baseline.</summary>
public sealed class BogusPolicy
{
    public string PolicyNumber { get; set; } = "";

    public string MemberId { get; set; } = "";

    public string GroupNumber { get; set; } = "";

    public string PatientId { get; set; } = "";

    public string Payer { get; set; } = "";

    public string PlanName { get; set; } = "";

    public string PlanType { get; set; } = "";

    public string CoverageTier { get; set; } = "";

    public DateTime EffectiveDate { get; set; }

    public DateTime EndDate { get; set; }

    public string Status { get; set; } = "";

    public decimal Deductible { get; set; }

    public decimal DeductibleMet { get; set; }

    public decimal OutOfPocketMax { get; set; }

    public decimal OutOfPocketMet { get; set; }

    public decimal Coinsurance { get; set; }

    public bool RequiresReferral { get; set; }
}

/// <summary>An appointment of comparable fields for the Bogus baseline.</summary>
public sealed class BogusAppointment
{
    public string Id { get; set; } = "";

    public string PatientId { get; set; } = "";

    public string ProviderId { get; set; } = "";

    public string Type { get; set; } = "";

    public DateTimeOffset Start { get; set; }

    public int DurationMinutes { get; set; }

    public string Mode { get; set; } = "";

    public string Reason { get; set; } = "";

    public string Status { get; set; } = "";

    public string? CancellationReason { get; set; }

    public DateTimeOffset BookedAt { get; set; }

    public decimal Copay { get; set; }
}

/// <summary>The Bogus baselines for policies and appointments.</summary>
public static class BogusRecords
{
    private static readonly DateTime Reference = new(2026, 1, 1);

    /// <summary>Creates the policy faker, seeded once.</summary>
    public static Faker<BogusPolicy> Policies(int seed) => new Faker<BogusPolicy>("en")
        .UseSeed(seed)
        .RuleFor(p => p.PolicyNumber, f => f.Random.Replace("POL-########"))
        .RuleFor(p => p.MemberId, f => f.Random.Replace("M#########"))
        .RuleFor(p => p.GroupNumber, f => f.Random.Replace("GRP-#####"))
        .RuleFor(p => p.PatientId, f => f.Random.Replace("patient_####"))
        .RuleFor(p => p.Payer, f => f.Company.CompanyName() + " Health")
        .RuleFor(p => p.PlanType, f => f.PickRandom("HMO", "PPO", "EPO", "POS", "HDHP"))
        .RuleFor(p => p.PlanName, (f, p) =>
            p.Payer + " " + p.PlanType + " " + f.PickRandom("Bronze", "Silver", "Gold"))
        .RuleFor(p => p.CoverageTier, f => f.PickRandom("individual", "employee_spouse", "family"))
        .RuleFor(p => p.EffectiveDate, f => f.Date.Between(Reference.AddYears(-3), Reference).Date)
        .RuleFor(p => p.EndDate, (f, p) => p.EffectiveDate.AddYears(1).AddDays(-1))
        .RuleFor(p => p.Status, f => f.PickRandom("active", "pending", "expired"))
        .RuleFor(p => p.Deductible, f => f.Random.Int(5, 60) * 100m)
        .RuleFor(p => p.DeductibleMet, (f, p) => Math.Round(f.Random.Decimal(0, p.Deductible), 2))
        .RuleFor(p => p.OutOfPocketMax, (f, p) => p.Deductible + f.Random.Int(10, 60) * 100m)
        .RuleFor(p => p.OutOfPocketMet, (f, p) =>
            Math.Round(f.Random.Decimal(p.DeductibleMet, p.OutOfPocketMax), 2))
        .RuleFor(p => p.Coinsurance, f => f.PickRandom(0.1m, 0.2m, 0.3m))
        .RuleFor(p => p.RequiresReferral, (f, p) => p.PlanType == "HMO");

    /// <summary>Creates the appointment faker, seeded once.</summary>
    public static Faker<BogusAppointment> Appointments(int seed) => new Faker<BogusAppointment>("en")
        .UseSeed(seed)
        .RuleFor(a => a.Id, f => f.Random.Replace("apt_######"))
        .RuleFor(a => a.PatientId, f => f.Random.Replace("patient_####"))
        .RuleFor(a => a.ProviderId, f => f.Random.Replace("dr_provider_##"))
        .RuleFor(a => a.Type, f => f.PickRandom("Consultation", "Routine check-up", "Follow-up", "Sick visit"))
        .RuleFor(a => a.Start, f => new DateTimeOffset(
            f.Date.Between(Reference.AddMonths(-12), Reference.AddMonths(3)).Date.AddHours(f.Random.Int(8, 16)),
            TimeSpan.FromHours(-5)))
        .RuleFor(a => a.DurationMinutes, f => f.PickRandom(15, 20, 30, 45, 60))
        .RuleFor(a => a.Mode, f => f.Random.Bool(0.2f) ? "telehealth" : "in_person")
        .RuleFor(a => a.Reason, f => f.Lorem.Sentence(4))
        .RuleFor(a => a.Status, f => f.PickRandom("scheduled", "confirmed", "completed", "canceled", "no_show"))
        .RuleFor(a => a.CancellationReason, (f, a) => a.Status == "canceled" ? f.Lorem.Sentence(3) : null)
        .RuleFor(a => a.BookedAt, (f, a) => a.Start.AddDays(-f.Random.Int(1, 60)))
        .RuleFor(a => a.Copay, f => f.PickRandom(0m, 20m, 25m, 40m, 50m));
}

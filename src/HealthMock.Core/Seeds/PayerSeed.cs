using System.Collections.Generic;

namespace HealthMock.Seeds;

/// <summary>A payer (insurance company) and the plans it sells, as the payers seeds file lists them.</summary>
public sealed class PayerSeed
{
    private readonly List<PlanSeed> _plans = new List<PlanSeed>();

    /// <summary>Creates a payer without plans; <see cref="AddPlan"/> adds them.</summary>
    public PayerSeed(string name, string memberPrefix)
    {
        Name = name;
        MemberPrefix = memberPrefix;
    }

    /// <summary>The payer's name, invented in the default seeds.</summary>
    public string Name { get; }

    /// <summary>The upper-case letters that start the member ids of this payer's cards.</summary>
    public string MemberPrefix { get; }

    /// <summary>The payer's plans, in the order of the seeds file.</summary>
    public IReadOnlyList<PlanSeed> Plans => _plans;

    /// <summary>Adds a plan of <paramref name="planType"/> named <paramref name="name"/> and returns it.</summary>
    public PlanSeed AddPlan(string name, PlanType planType)
    {
        var plan = new PlanSeed(this, name, planType);
        _plans.Add(plan);
        return plan;
    }
}

/// <summary>One plan a payer sells: its marketing name and plan type.</summary>
public sealed class PlanSeed
{
    internal PlanSeed(PayerSeed payer, string name, PlanType planType)
    {
        Payer = payer;
        Name = name;
        PlanType = planType;
    }

    /// <summary>The payer that sells the plan.</summary>
    public PayerSeed Payer { get; }

    /// <summary>The plan's marketing name.</summary>
    public string Name { get; }

    /// <summary>The kind of plan.</summary>
    public PlanType PlanType { get; }
}

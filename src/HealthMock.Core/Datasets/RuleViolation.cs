namespace HealthMock;

/// <summary>
/// One broken consistency rule on one record of a dataset, as <see cref="DatasetValidator"/> reports it.
/// </summary>
public sealed class RuleViolation
{
    /// <summary>Creates a violation of <paramref name="rule"/> by the record of the given kind and id.</summary>
    public RuleViolation(ConsistencyRule rule, DatasetEntityKind entityKind, string entityId, string message)
    {
        ConsistencyRule = rule;
        EntityKind = entityKind;
        EntityId = entityId;
        Message = message;
    }

    /// <summary>The number of the broken rule, as the design numbers them (1 to 11).</summary>
    public int Rule => (int)ConsistencyRule;

    /// <summary>The short name of the broken rule, such as Schedule.</summary>
    public string RuleName => ConsistencyRule.ToString();

    /// <summary>The broken rule.</summary>
    public ConsistencyRule ConsistencyRule { get; }

    /// <summary>The kind of record that breaks the rule.</summary>
    public DatasetEntityKind EntityKind { get; }

    /// <summary>The id of the record that breaks the rule (the policy number for a policy).</summary>
    public string EntityId { get; }

    /// <summary>What is wrong, naming the values at fault and what was expected.</summary>
    public string Message { get; }

    /// <summary>Returns "Rule N (Name) Kind id: message".</summary>
    public override string ToString() => $"Rule {Rule} ({RuleName}) {EntityKind} {EntityId}: {Message}";
}

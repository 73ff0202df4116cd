using System.Globalization;

namespace HealthMock.Api;

/// <summary>One line of a cost estimate: what was looked up or worked out, and the amount when there is one.</summary>
public sealed class CostEstimateLine
{
    /// <summary>Creates a line.</summary>
    public CostEstimateLine(string description, decimal? amount = null)
    {
        Description = description;
        Amount = amount;
    }

    /// <summary>What the line says, in a sentence.</summary>
    public string Description { get; }

    /// <summary>The amount in dollars, or null for a line that only explains.</summary>
    public decimal? Amount { get; }

    /// <summary>Returns the description and the amount.</summary>
    public override string ToString() =>
        Amount is decimal amount
            ? Description + ": " + amount.ToString("0.00", CultureInfo.InvariantCulture)
            : Description;
}

using System;

namespace HealthMock;

/// <summary>The limits a dataset was generated under, which <see cref="DatasetValidator"/> checks it against.</summary>
public sealed class DatasetValidatorOptions
{
    /// <summary>The youngest age a patient may have at the reference date; 0 by default.</summary>
    public int MinAge { get; set; }

    /// <summary>The oldest age a patient may have at the reference date; 120 by default.</summary>
    public int MaxAge { get; set; } = 120;

    /// <summary>The youngest age at which a patient may hold a Medicare policy; 65 by default.</summary>
    public int MedicareAge { get; set; } = 65;

    /// <summary>
    /// The smallest annual deductible a high-deductible health plan may have, in dollars; 1,600 by default (the
    /// IRS minimum for self-only coverage in 2024).
    /// </summary>
    public decimal HdhpMinimumDeductible { get; set; } = 1600m;

    /// <summary>Throws <see cref="ArgumentException"/> when the limits contradict each other.</summary>
    public void Validate()
    {
        if (MinAge < 0 || MaxAge < MinAge)
        {
            throw new ArgumentException(
                $"The age range {MinAge} to {MaxAge} is not valid; expected 0 <= MinAge <= MaxAge.", nameof(MinAge));
        }

        if (MedicareAge < 0)
        {
            throw new ArgumentException($"MedicareAge {MedicareAge} is not valid; expected 0 or more.",
                nameof(MedicareAge));
        }

        if (HdhpMinimumDeductible < 0)
        {
            throw new ArgumentException(
                $"HdhpMinimumDeductible {HdhpMinimumDeductible} is not valid; expected 0 or more.",
                nameof(HdhpMinimumDeductible));
        }
    }
}

using System;
using System.Management.Automation;

namespace HealthMock.Commands;

/// <summary>
/// Lets a DateTime parameter take a DateTimeOffset, such as the Start of an appointment or a slot, as its clock
/// time (the date and time as the clinic reads them), which PowerShell cannot convert on its own.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ClockTimeAttribute : ArgumentTransformationAttribute
{
    /// <inheritdoc />
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value is DateTimeOffset moment ? moment.DateTime : inputData;
    }
}

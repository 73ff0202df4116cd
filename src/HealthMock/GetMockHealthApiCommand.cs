using System.Management.Automation;
using HealthMock.Api;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Lists the mock API services running in this PowerShell process.</para>
/// <para type="description">
/// Get-MockHealthApi returns the services Start-MockHealthApi started in this process that have not been stopped,
/// in the order they were started, with their base address, port, dataset folder and request count. Pipe them to
/// Stop-MockHealthApi to stop them.
/// </para>
/// <example title="See what is running">
///   <code>$api = Start-MockHealthApi -Dataset (New-MockDataset -PatientCount 10 -ProviderCount 3 -Seed 13)
/// Get-MockHealthApi | Select-Object BaseAddress, Port, RequestCount
/// $api | Stop-MockHealthApi</code>
///   <para>Starts a service, lists the running services and stops it.</para>
/// </example>
/// <example title="Stop the services on one port">
///   <code>$api = Start-MockHealthApi -Dataset (New-MockDataset -PatientCount 10 -ProviderCount 3 -Seed 13)
/// Get-MockHealthApi | Where-Object Port -EQ $api.Port | Stop-MockHealthApi</code>
///   <para>Finds a running service by its port and stops it.</para>
/// </example>
/// </summary>
/// <seealso cref="StartMockHealthApiCommand"/>
/// <seealso cref="StopMockHealthApiCommand"/>
/// <para type="link">about_HealthMock</para>
/// <returns>Each running service started in this process: BaseAddress (its root URL), Port, Path, IsRunning,
/// RequestCount and Routes.</returns>
[Cmdlet(VerbsCommon.Get, "MockHealthApi")]
[OutputType(typeof(MockHealthApiServer))]
public sealed class GetMockHealthApiCommand : PSCmdlet
{
    /// <inheritdoc />
    protected override void ProcessRecord() => WriteObject(MockHealthApiRegistry.Running, enumerateCollection: true);
}

using System.Management.Automation;
using HealthMock.Api;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Stops mock API services started by Start-MockHealthApi.</para>
/// <para type="description">
/// Stop-MockHealthApi stops the services piped in or given by -Server, or, with neither, every service
/// Start-MockHealthApi started in this PowerShell process. Each service stops taking requests, lets the requests
/// in progress finish (changes in progress are saved whole) and closes its port. Stopping a service that has
/// stopped does nothing.
/// </para>
/// <example title="Stop one service">
///   <code>$api = Start-MockHealthApi -Dataset (New-MockDataset -PatientCount 10 -ProviderCount 3 -Seed 12)
/// $api | Stop-MockHealthApi
/// $api.IsRunning</code>
///   <para>Starts a service and stops it; IsRunning is then $false.</para>
/// </example>
/// <example title="Stop every service of the session">
///   <code>1..2 | ForEach-Object { Start-MockHealthApi -Dataset (New-MockDataset -PatientCount 10 -ProviderCount 3) }
/// Stop-MockHealthApi -Verbose</code>
///   <para>Starts two services and stops both; the verbose stream names each address stopped.</para>
/// </example>
/// </summary>
/// <seealso cref="StartMockHealthApiCommand"/>
/// <seealso cref="GetMockHealthApiCommand"/>
/// <para type="link">about_HealthMock</para>
/// <returns>With -PassThru, each service stopped; otherwise nothing.</returns>
[Cmdlet(VerbsLifecycle.Stop, "MockHealthApi", DefaultParameterSetName = AllSet, SupportsShouldProcess = true,
    ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(MockHealthApiServer))]
public sealed class StopMockHealthApiCommand : PSCmdlet
{
    private const string AllSet = "All";

    private const string ServerSet = "Server";

    /// <summary>
    /// <para type="description">The services to stop, as Start-MockHealthApi or Get-MockHealthApi returned them.
    /// Without it, every service started in this process is stopped.</para>
    /// </summary>
    /// <value>Every running service of this process</value>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ServerSet)]
    [ValidateNotNull]
    public MockHealthApiServer[]? Server { get; set; }

    /// <summary>
    /// <para type="description">Writes each stopped service to the pipeline.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (var server in Server ?? MockHealthApiRegistry.Running)
        {
            if (!ShouldProcess(server.BaseAddress, "Stop the mock API"))
            {
                continue;
            }

            server.Stop();
            MockHealthApiRegistry.Remove(server);
            WriteVerbose($"Stopped the mock API at {server.BaseAddress} after {server.RequestCount} request(s).");
            if (PassThru)
            {
                WriteObject(server);
            }
        }
    }
}

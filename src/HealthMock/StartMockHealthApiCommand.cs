using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using HealthMock.Api;

namespace HealthMock.Commands;

/// <summary>
/// <para type="synopsis">Serves a dataset as a local HTTP JSON service for test environments and agent
/// harnesses.</para>
/// <para type="description">
/// Start-MockHealthApi serves the front desk of a dataset folder (or a dataset object) over HTTP on the loopback
/// address 127.0.0.1 only, on -Port or, with the default -Port 0, on a free port. It returns the service; its
/// BaseAddress is the root URL, such as http://127.0.0.1:50123/. The service runs in the background of this
/// PowerShell process until Stop-MockHealthApi stops it or the process exits.
/// </para>
/// <para type="description">
/// Resource routes: GET /patients?email=, GET /patients?first_name=&amp;last_name=&amp;dob=, GET
/// /patients/{patient_id}, GET /patients/{patient_id}/appointments?status=, GET /patients/{patient_id}/insurance,
/// GET /patients/{patient_id}/cost-estimate?visit_category=|appointment_id=|provider_id=&amp;appointment_type=,
/// GET /insurance/{policy_number}, GET /providers?specialty=&amp;accepting_new_patients=, GET
/// /providers/{provider_id}, GET /providers/{provider_id}/slots?from=&amp;to=&amp;appointment_type=&amp;patient_id=,
/// GET /appointments/{appointment_id}, POST /appointments, POST /appointments/{appointment_id}/reschedule and POST
/// /appointments/{appointment_id}/cancel. Tool routes: GET /tools lists every operation with a JSON Schema of its
/// arguments, usable as function definitions, and POST /tools/{name} calls one with a JSON object of arguments.
/// GET / describes the dataset and lists the routes.
/// </para>
/// <para type="description">
/// Answers use the dataset's snake_case JSON names. Errors are {"error": {"code": ..., "message": ...}} with a
/// stable code and status 400 (bad input, malformed JSON), 404 (unknown record or route), 405 (wrong method), 409
/// (a rule refused the request), 413 (a body over 64 KB) or 415 (a body not sent as application/json). Every change
/// is checked, saved to the folder atomically and serialized, so of simultaneous requests for one slot exactly one
/// succeeds.
/// </para>
/// <example title="Serve a dataset and call it with Invoke-RestMethod">
///   <code>New-MockDataset -PatientCount 40 -ProviderCount 6 -Seed 11 -ReferenceDate 2026-01-15 |
///     Export-MockDataset -Path clinic -Force
/// $api = Start-MockHealthApi -Path clinic
/// $email = (Import-MockDataset -Path clinic).Patients[0].Email
/// $patient = Invoke-RestMethod "$($api.BaseAddress)patients?email=$([uri]::EscapeDataString($email))"
/// $url = "$($api.BaseAddress)providers/$($patient.primary_care_provider_id)/slots?appointment_type=Follow-up"
/// (Invoke-RestMethod $url).slots | Select-Object -First 3
/// $api | Stop-MockHealthApi</code>
///   <para>Serves a dataset folder on a free port, finds a patient by email, lists the free follow-up slots of the
///   patient's primary care provider, and stops the service.</para>
/// </example>
/// <example title="Hand the tools to an agent harness">
///   <code>$api = Start-MockHealthApi -Dataset (New-MockDataset -PatientCount 20 -ProviderCount 4 -Seed 11)
/// $tools = (Invoke-RestMethod "$($api.BaseAddress)tools").tools
/// $tools | Select-Object name, description
/// Stop-MockHealthApi</code>
///   <para>Serves a dataset held in memory, reads the tool definitions (name, description and a JSON Schema of the
///   parameters) an agent can call through POST /tools/{name}, and stops every service this session
///   started.</para>
/// </example>
/// </summary>
/// <seealso cref="StopMockHealthApiCommand"/>
/// <seealso cref="GetMockHealthApiCommand"/>
/// <seealso cref="ExportMockDatasetCommand"/>
/// <para type="link">about_HealthMock</para>
/// <returns>The running service: BaseAddress (its root URL), Port, Path (the dataset folder served, if any),
/// IsRunning, RequestCount and Routes. Pass it to Stop-MockHealthApi to stop it.</returns>
[Cmdlet(VerbsLifecycle.Start, "MockHealthApi", DefaultParameterSetName = FrontDeskCommandSets.Path,
    SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(MockHealthApiServer))]
public sealed class StartMockHealthApiCommand : PSCmdlet
{
    /// <summary>
    /// <para type="description">The dataset folder to serve, written by Export-MockDataset, relative to the
    /// current location. Changes made through the service are saved to it.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = FrontDeskCommandSets.Path)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>
    /// <para type="description">A dataset object to serve from memory, such as the output of New-MockDataset;
    /// changes are made to it and saved nowhere.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = FrontDeskCommandSets.Dataset)]
    [ValidateNotNull]
    public MockDataset? Dataset { get; set; }

    /// <summary>
    /// <para type="description">The loopback TCP port to listen on, or 0 for a free port chosen by the system.</para>
    /// </summary>
    [Parameter(Position = 1)]
    [ValidateRange(0, 65535)]
    public int Port { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var what = Dataset is null ? $"dataset folder '{Path}'" : "dataset in memory";
        var where = Port == 0 ? "a free loopback port" : $"http://127.0.0.1:{Port}/";
        if (!ShouldProcess($"{what} on {where}", "Serve the mock API"))
        {
            return;
        }

        var service = FrontDeskCommand.Open(this, Path, Dataset);
        MockHealthApiServer server;
        try
        {
            server = MockHealthApiServer.Start(service, Port);
        }
        catch (HttpListenerException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "PortUnavailable", ErrorCategory.ResourceUnavailable, Port));
            return;
        }
        catch (SocketException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "PortUnavailable", ErrorCategory.ResourceUnavailable, Port));
            return;
        }

        MockHealthApiRegistry.Add(server);
        WriteVerbose($"Serving the {what} at {server.BaseAddress}; Stop-MockHealthApi stops it.");
        WriteObject(server);
    }
}

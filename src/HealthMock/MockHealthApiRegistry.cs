using System.Collections.Generic;
using System.Linq;
using HealthMock.Api;

namespace HealthMock.Commands;

/// <summary>
/// The HTTP services started by Start-MockHealthApi in this process and not yet stopped, for Get-MockHealthApi and
/// Stop-MockHealthApi.
/// </summary>
internal static class MockHealthApiRegistry
{
    private static readonly List<MockHealthApiServer> Servers = new List<MockHealthApiServer>();

    /// <summary>The running services, in the order they were started.</summary>
    public static IReadOnlyList<MockHealthApiServer> Running
    {
        get
        {
            lock (Servers)
            {
                Servers.RemoveAll(s => !s.IsRunning);
                return Servers.ToList();
            }
        }
    }

    public static void Add(MockHealthApiServer server)
    {
        lock (Servers)
        {
            Servers.Add(server);
        }
    }

    public static void Remove(MockHealthApiServer server)
    {
        lock (Servers)
        {
            Servers.Remove(server);
        }
    }
}

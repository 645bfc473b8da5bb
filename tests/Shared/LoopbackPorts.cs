using System.Net;
using System.Net.Sockets;

namespace NegotiationGame.Tests;

/// <summary>
/// Free TCP ports on the loopback interface, for silos and servers that tests start. Compiled into each test project
/// that needs it.
/// </summary>
internal static class LoopbackPorts
{
    public static int FindFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

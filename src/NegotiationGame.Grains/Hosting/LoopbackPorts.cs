using System.Net;
using System.Net.Sockets;

namespace NegotiationGame.Grains.Hosting;

/// <summary>Free TCP ports on the loopback interface, for silos started inside tools and tests.</summary>
public static class LoopbackPorts
{
    public static int FindFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

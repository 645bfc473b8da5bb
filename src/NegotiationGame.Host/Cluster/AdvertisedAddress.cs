using System.Net;
using System.Net.Sockets;

namespace NegotiationGame.Host.Cluster;

/// <summary>
/// The address a cluster node gives the others, from <see cref="HostSettings.AdvertisedAddress"/>: an IP address as it
/// is, or a host name looked up once at start. A name lets a container say "I am silo1" on a network whose addresses
/// are handed out as containers start (docker compose), without the operator pinning a subnet; the silo still
/// advertises one IP address, since that is what Orleans writes into the membership table.
/// </summary>
internal static class AdvertisedAddress
{
    /// <summary>The address to advertise; throws <see cref="StartupRefusedException"/> with the operator's line when there is none.</summary>
    public static IPAddress Resolve(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw Refused("it is not set");
        }

        if (IPAddress.TryParse(configured, out var address))
        {
            return address;
        }

        IPAddress[] found;
        try
        {
            found = Dns.GetHostAddresses(configured);
        }
        catch (SocketException exception)
        {
            throw Refused($"'{configured}' is no IP address and no host name this machine can look up ({exception.Message})");
        }

        // A name of a container or a pod resolves to one address; of several, the IPv4 one is what peers on an
        // IPv4-only network (the usual compose or cluster network) can reach.
        return found.FirstOrDefault(candidate => candidate.AddressFamily == AddressFamily.InterNetwork)
            ?? found.FirstOrDefault()
            ?? throw Refused($"the host name '{configured}' resolves to no address");
    }

    private static StartupRefusedException Refused(string why) =>
        new($"Cluster mode needs NegotiationGame:AdvertisedAddress, the IP address or host name the other nodes reach this one at (127.0.0.1 when every node runs on this machine); {why}.");
}

using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace NegotiationGame.Host.Limits;

/// <summary>
/// The key that limits per client address use: the IPv4 address, or the /64 network of an IPv6 address (one
/// subscriber commonly holds a whole /64, so a single address would be free to change). Behind a reverse proxy, the
/// proxy must pass the client's address (docs/operations.md).
/// </summary>
internal static class ClientAddress
{
    public static string Of(HttpContext? context) => Of(context?.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}

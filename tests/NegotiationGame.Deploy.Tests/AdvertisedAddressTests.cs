using System.Net;
using NegotiationGame.Host;
using NegotiationGame.Host.Cluster;

namespace NegotiationGame.Deploy.Tests;

/// <summary>A node advertises an IP address as given, or the address its host name resolves to (a compose service's name).</summary>
public sealed class AdvertisedAddressTests
{
    [Fact]
    public void An_ip_address_is_advertised_as_given()
    {
        Assert.Equal(IPAddress.Parse("10.0.0.11"), AdvertisedAddress.Resolve("10.0.0.11"));
    }

    [Fact]
    public void A_host_name_is_looked_up_once_and_its_ipv4_address_advertised()
    {
        Assert.Equal(IPAddress.Loopback, AdvertisedAddress.Resolve("localhost"));
    }

    [Theory]
    [InlineData(null, "not set")]
    [InlineData("no-such-node.invalid", "'no-such-node.invalid'")]
    public void A_missing_or_unknown_address_refuses_the_start_naming_the_setting(string? configured, string said)
    {
        var refused = Assert.Throws<StartupRefusedException>(() => AdvertisedAddress.Resolve(configured));

        Assert.Contains("NegotiationGame:AdvertisedAddress", refused.Message, StringComparison.Ordinal);
        Assert.Contains(said, refused.Message, StringComparison.Ordinal);
    }
}

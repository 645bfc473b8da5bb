using System.Net;
using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.Limits;

/// <summary>
/// Per-address limits behind a reverse proxy: with ASP.NET Core's forwarded-headers switch on, each client the proxy
/// names counts on its own; without it, the header counts for nothing, so a client cannot dodge a limit by naming
/// another address.
/// </summary>
public sealed class ForwardedAddressTests
{
    private static readonly Dictionary<string, string> TwoConnectionsAnHour = new()
    {
        ["NegotiationGame__Limits__ConnectionsPerAddress__Burst"] = "2",
        ["NegotiationGame__Limits__ConnectionsPerAddress__RefillEvery"] = "01:00:00",
    };

    [Fact]
    public async Task Behind_a_trusted_proxy_each_client_it_names_gets_a_connection_limit_of_its_own()
    {
        await using var server = await ServerProcess.StartAsync(environment: new Dictionary<string, string>(TwoConnectionsAnHour) { ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true" });
        using var http = new HttpClient { BaseAddress = server.Address };

        var answers = new List<HttpStatusCode>();
        foreach (var client in new[] { "203.0.113.7", "203.0.113.7", "203.0.113.7", "198.51.100.9", "198.51.100.9" })
        {
            answers.Add(await NegotiateAsync(http, client));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK, HttpStatusCode.OK], answers);
    }

    [Fact]
    public async Task Without_the_switch_a_client_that_names_other_addresses_still_counts_as_itself()
    {
        await using var server = await ServerProcess.StartAsync(environment: TwoConnectionsAnHour);
        using var http = new HttpClient { BaseAddress = server.Address };

        var answers = new List<HttpStatusCode>();
        foreach (var client in new[] { "203.0.113.7", "198.51.100.9", "192.0.2.44" })
        {
            answers.Add(await NegotiateAsync(http, client));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }

    /// <summary>A SignalR negotiation as a proxy forwards it for <paramref name="client"/>.</summary>
    private static async Task<HttpStatusCode> NegotiateAsync(HttpClient http, string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/game/negotiate?negotiateVersion=1");
        request.Headers.Add("X-Forwarded-For", client);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}

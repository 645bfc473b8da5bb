using System.Net.Http.Json;
using System.Text.Json;

namespace NegotiationGame.Host.Tests.Access;

/// <summary>The node list the web UI reconnects along, and the page's permission to connect to exactly those nodes.</summary>
public sealed class NodeListTests(NodeListTests.TwoNodeServer server) : IClassFixture<NodeListTests.TwoNodeServer>
{
    [Fact]
    public async Task The_configured_nodes_are_served_to_the_page_and_it_may_connect_to_them_and_nowhere_else()
    {
        using var http = new HttpClient { BaseAddress = server.Address };

        var listed = await http.GetFromJsonAsync<JsonElement>("/api/nodes");
        using var page = await http.GetAsync("/");

        Assert.Equal(["http://127.0.0.1:5081", "https://game.example.org"], listed.GetProperty("nodes").EnumerateArray().Select(node => node.GetString()));
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("connect-src 'self' http://127.0.0.1:5081 ws://127.0.0.1:5081 https://game.example.org wss://game.example.org;", policy, StringComparison.Ordinal);
    }

    /// <summary>A server told of one other node and a balancer.</summary>
    public sealed class TwoNodeServer : ServerFixture
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["NegotiationGame:NodeUrls:0"] = "http://127.0.0.1:5081/",
            ["NegotiationGame:NodeUrls:1"] = "https://game.example.org",
        };
    }
}

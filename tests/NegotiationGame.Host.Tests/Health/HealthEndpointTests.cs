using System.Net;
using System.Text.Json;

namespace NegotiationGame.Host.Tests.Health;

/// <summary>The embedded server's health endpoints, in process: what a load balancer or Kubernetes probes.</summary>
public sealed class HealthEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/healthz/live")]
    public async Task Liveness_answers_ok_on_both_paths(string path)
    {
        using var http = new HttpClient { BaseAddress = server.Address };

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ok"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_names_the_silo_and_the_store_and_both_pass()
    {
        using var http = new HttpClient { BaseAddress = server.Address };

        using var response = await http.GetAsync("/healthz/ready");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.Equal(["silo", "store"], body.GetProperty("checks").EnumerateObject().Select(check => check.Name));
        Assert.All(body.GetProperty("checks").EnumerateObject(), check => Assert.Equal("ok", check.Value.GetProperty("status").GetString()));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }
}

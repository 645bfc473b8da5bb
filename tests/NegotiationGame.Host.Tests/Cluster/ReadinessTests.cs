using System.Net;
using System.Text.Json;
using NegotiationGame.Host.Tests.Support;
using NegotiationGame.Storage.Postgres;
using NegotiationGame.Tests;

namespace NegotiationGame.Host.Tests.Cluster;

/// <summary>
/// A node's readiness follows its database while its liveness does not: a load balancer stops sending players to a
/// node that cannot reach PostgreSQL, and an orchestrator does not restart a process that would only fail the same way.
/// </summary>
public sealed class ReadinessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_node_whose_database_crashes_is_live_but_not_ready_and_is_ready_again_once_the_database_is_back()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        await PostgresSchema.MigrateAsync(postgres.ConnectionString);
        await using var node = await ServerProcess.StartAsync(cluster: new ClusterNodeSettings(postgres.ConnectionString));
        using var http = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(10) };
        await UntilReadinessAsync(http, node, HttpStatusCode.OK);

        await postgres.CrashAsync();
        var failing = await UntilReadinessAsync(http, node, HttpStatusCode.ServiceUnavailable);

        Assert.Equal("failing", failing.GetProperty("status").GetString());
        Assert.Equal("failing", failing.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
        Assert.Equal("ok", failing.GetProperty("checks").GetProperty("silo").GetProperty("status").GetString());
        Assert.Equal("""{"status":"ok"}""", await http.GetStringAsync("/healthz/live"));
        Assert.Equal("""{"status":"ok"}""", await http.GetStringAsync("/healthz"));

        await postgres.RestartAsync();
        var ready = await UntilReadinessAsync(http, node, HttpStatusCode.OK);

        Assert.Equal("ok", ready.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
    }

    /// <summary>Asks <c>/healthz/ready</c> until it answers <paramref name="expected"/>; returns that answer's body.</summary>
    private static async Task<JsonElement> UntilReadinessAsync(HttpClient http, ServerProcess node, HttpStatusCode expected)
    {
        var last = HttpStatusCode.OK;
        var body = default(JsonElement);
        await Polling.UntilAsync(
            async () =>
            {
                using var response = await http.GetAsync("/healthz/ready");
                last = response.StatusCode;
                body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                return last == expected;
            },
            Patience,
            () => $"/healthz/ready to answer {(int)expected} (it answered {(int)last} {body}); the node's output:\n{node.Output}");
        return body;
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using NegotiationGame.Deploy.Tests.Support;
using NegotiationGame.Host.Tests.Support;
using NegotiationGame.Host.Tests.Telemetry;
using NegotiationGame.Storage.Postgres;
using NegotiationGame.Tests;

namespace NegotiationGame.Deploy.Tests;

/// <summary>
/// One real cluster node (a process of the server this build made) started with a compose silo's settings, on a fresh
/// migrated database: what the deployment files ask of a node, it answers.
/// </summary>
public sealed class RealNodeTests : IClassFixture<RealNodeTests.ComposeNode>
{
    private static readonly string[] ToUkraine = ["ukraine"];

    private readonly ComposeNode _node;

    public RealNodeTests(ComposeNode node) => _node = node;

    [Theory]
    [InlineData(HealthPaths.Live)]
    [InlineData(HealthPaths.Ready)]
    public async Task The_probed_health_paths_answer_200(string path)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        using var response = await http.GetAsync(new Uri(_node.Server.Address, path));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task It_serves_and_lists_the_load_balancers_public_address_as_its_only_node()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        using var nodes = JsonDocument.Parse(await http.GetStringAsync(new Uri(_node.Server.Address, "/api/nodes")));

        var listed = Assert.Single(nodes.RootElement.GetProperty("nodes").EnumerateArray());
        Assert.Equal(Compose.Load().Variables["PUBLIC_URL"], listed.GetString());
    }

    [Fact]
    public async Task Every_series_the_grafana_dashboard_queries_is_on_the_nodes_metrics_after_a_short_game()
    {
        using var http = new HttpClient { BaseAddress = _node.Server.Address, Timeout = TimeSpan.FromSeconds(10) };
        await using var us = await _node.Server.ConnectAsync();
        await using var ukraine = await _node.Server.ConnectAsync();
        var created = await OkAsync(us, "createClass", new { games = 1 });
        var classId = created.GetProperty("classId").GetString();
        var gameId = created.GetProperty("gameIds")[0].GetString()!;
        var usToken = await JoinAsync(us, created, classId, "us");
        var ukraineToken = await JoinAsync(ukraine, created, classId, "ukraine");
        await OkAsync(us, "startClass", new { token = created.GetProperty("instructorToken").GetString(), bots = "linear" });
        await OkAsync(us, "watch", new { token = usToken, gameId, afterSequence = 0 });
        await OkAsync(ukraine, "watch", new { token = ukraineToken, gameId, afterSequence = 0 });
        await OkAsync(us, "act", new { token = usToken, commandId = Guid.NewGuid(), command = new { type = "table", package = new { minerals = "share-25" }, addressees = ToUkraine } });
        var inbox = (await OkAsync(ukraine, "getView", new { token = ukraineToken })).GetProperty("view").GetProperty("inbox").EnumerateArray();
        var offerId = inbox.Single(offer => offer.GetProperty("proposer").GetString() == "us" && offer.GetProperty("needsMyAnswer").GetBoolean()).GetProperty("offerId").GetInt32();
        await OkAsync(ukraine, "act", new { token = ukraineToken, commandId = Guid.NewGuid(), command = new { type = "accept", offerId } });

        PrometheusText? metrics = null;
        await Polling.UntilAsync(
            async () =>
            {
                metrics = new PrometheusText(await http.GetStringAsync(new Uri(HealthPaths.Metrics, UriKind.Relative)));
                return metrics.Sum("negotiationgame_agreements_total") >= 1 && metrics.Sum("negotiationgame_store_batch_size_count", "store=postgres") >= 1;
            },
            TimeSpan.FromSeconds(20),
            () => $"the agreement and the PostgreSQL appends on {HealthPaths.Metrics}; it served:\n{metrics?.Text}");

        var served = metrics!.Names.ToHashSet(StringComparer.Ordinal);
        var missing = GrafanaDashboard.Series().Where(series => !served.Contains(series) && !ProductInstruments.RecordedOnlyWhenRare(series)).ToList();
        Assert.True(missing.Count == 0, $"The dashboard queries {string.Join(", ", missing)}, which the node does not serve. It served:\n{string.Join('\n', served.Order())}");
    }

    private static async Task<JsonElement> OkAsync(HubConnection connection, string method, object request)
    {
        var result = await connection.InvokeAsync<JsonElement>(method, request);
        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        return result;
    }

    private static async Task<string> JoinAsync(HubConnection connection, JsonElement created, string? classId, string party)
    {
        var code = created.GetProperty("joinCodes").EnumerateArray().Single(join => join.GetProperty("partyId").GetString() == party).GetProperty("code").GetString();
        return (await OkAsync(connection, "joinClass", new { classId, code, name = party })).GetProperty("token").GetString()!;
    }

    /// <summary>silo1's settings from docker-compose.yml, but for the two that name compose's network: the database and the node's own name.</summary>
    public sealed class ComposeNode : IAsyncLifetime
    {
        private TemporaryPostgresDatabase _database = null!;

        internal ServerProcess Server { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _database = await TemporaryPostgresDatabase.CreateAsync();
            await PostgresSchema.MigrateAsync(_database.ConnectionString);
            var settings = Compose.Load().Environment("silo1")
                .Where(variable => variable.Key.StartsWith("NegotiationGame__", StringComparison.Ordinal) && variable.Key != "NegotiationGame__AdvertisedAddress")
                .Select(variable => $"--{ServerEnvironment.Key(variable.Key)}={variable.Value}");
            Server = await ServerProcess.StartAsync(cluster: new ClusterNodeSettings(_database.ConnectionString) { Extra = [.. settings] });
        }

        public async Task DisposeAsync()
        {
            await Server.DisposeAsync();
            await _database.DisposeAsync();
        }
    }
}

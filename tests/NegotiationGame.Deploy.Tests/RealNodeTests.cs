using System.Text.Json;
using NegotiationGame.Deploy.Tests.Support;
using NegotiationGame.Host.Tests.Support;
using NegotiationGame.Storage.Postgres;
using NegotiationGame.Tests;

namespace NegotiationGame.Deploy.Tests;

/// <summary>
/// One real cluster node (a process of the server this build made) started with a compose silo's settings, on a fresh
/// migrated database: what the deployment files ask of a node, it answers.
/// </summary>
public sealed class RealNodeTests : IClassFixture<RealNodeTests.ComposeNode>
{
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

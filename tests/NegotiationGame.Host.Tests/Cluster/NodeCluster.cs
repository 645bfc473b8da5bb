using System.Diagnostics;
using System.Text.RegularExpressions;
using NegotiationGame.Host.Tests.Support;
using NegotiationGame.Storage;
using NegotiationGame.Storage.Postgres;
using NegotiationGame.Tests;
using Npgsql;

namespace NegotiationGame.Host.Tests.Cluster;

/// <summary>
/// Host processes in cluster mode on one fresh PostgreSQL database, migrated first as an operator would: nodes can be
/// added, SIGKILLed, and the whole cluster stopped and started again on the same ports. The game grains log each
/// deadline they decide, so that a test can tell which node decided it.
/// </summary>
internal sealed partial class NodeCluster : IAsyncDisposable
{
    private readonly TemporaryPostgresDatabase _database;
    private readonly ClusterNodeSettings _settings;
    private readonly List<ServerProcess> _nodes = [];

    private NodeCluster(TemporaryPostgresDatabase database, IReadOnlyList<string> nodeUrls)
    {
        _database = database;
        _settings = new ClusterNodeSettings(database.ConnectionString)
        {
            Extra = ["--Logging:LogLevel:NegotiationGame.Grains.GameGrain=Information", .. nodeUrls.Select((url, index) => $"--NegotiationGame:NodeUrls:{index}={url}")],
        };
    }

    public IReadOnlyList<ServerProcess> Nodes => _nodes;

    /// <summary>Every node's address, in the order the nodes were started: the list clients go round.</summary>
    public IReadOnlyList<Uri> Addresses => [.. _nodes.Select(node => node.Address)];

    /// <summary>
    /// Starts <paramref name="nodes"/> nodes; with <paramref name="listed"/>, on ports chosen first, so that every node
    /// serves the whole list at <c>/api/nodes</c> (NegotiationGame:NodeUrls) as an operator's would, for the web UI.
    /// </summary>
    public static async Task<NodeCluster> StartAsync(int nodes, bool listed = false)
    {
        var ports = Enumerable.Range(0, nodes).Select(_ => listed ? LoopbackPorts.FindFree() : (int?)null).ToList();
        var nodeUrls = listed ? ports.Select(port => $"http://127.0.0.1:{port}").ToList() : [];
        var cluster = new NodeCluster(await TemporaryPostgresDatabase.CreateAsync(), nodeUrls);
        try
        {
            await PostgresSchema.MigrateAsync(cluster._database.ConnectionString);
            cluster._nodes.AddRange(await Task.WhenAll(ports.Select(port => ServerProcess.StartAsync(cluster: cluster._settings, httpPort: port))));
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Starts one more node, which joins the running cluster.</summary>
    public async Task<ServerProcess> AddNodeAsync()
    {
        var node = await ServerProcess.StartAsync(cluster: _settings);
        _nodes.Add(node);
        return node;
    }

    /// <summary>
    /// Sends SIGTERM to every node at the same moment, as <c>systemctl stop</c> on every machine or
    /// <c>docker compose down</c> does, checks that each exited cleanly within <paramref name="patience"/>, and
    /// returns how long the slowest took.
    /// </summary>
    public async Task<TimeSpan> StopAllAtOnceAsync(TimeSpan patience)
    {
        var started = Stopwatch.GetTimestamp();
        var exitCodes = await Task.WhenAll(_nodes.Select(node => node.TerminateAsync(patience)));
        var slowest = Stopwatch.GetElapsedTime(started);
        Assert.All(exitCodes, exitCode => Assert.Equal(0, exitCode));
        return slowest;
    }

    /// <summary>Starts every node again on its ports.</summary>
    public Task RestartAllAsync() => Task.WhenAll(_nodes.Select(node => node.RestartAsync()));

    /// <summary>A game's whole log as PostgreSQL holds it.</summary>
    public async Task<IReadOnlyList<LoggedEvent>> ReadLogAsync(string gameId)
    {
        await using var store = new PostgresEventStore(_database.ConnectionString);
        return await store.ReadAsync(EventStreams.Game(gameId), 0, int.MaxValue);
    }

    /// <summary>Whether the membership table has declared the node on <paramref name="siloPort"/> dead.</summary>
    public async Task<bool> IsDeclaredDeadAsync(int siloPort)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orleans_membership_silos WHERE port = @port AND status = 6", connection);
        command.Parameters.AddWithValue("port", siloPort);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>The games whose deadline <paramref name="node"/> moved on, from what it had logged from <paramref name="fromOffset"/> on.</summary>
    public static IReadOnlySet<string> GamesWhoseDeadlineMovedOn(ServerProcess node, int fromOffset = 0)
    {
        var output = node.Output;
        return DeadlineMovedOn().Matches(output[Math.Min(fromOffset, output.Length)..]).Select(match => match.Groups["game"].Value).ToHashSet(StringComparer.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    [GeneratedRegex(@"Game (?<game>\S+): deadline .* reached \(moved on: True\)")]
    private static partial Regex DeadlineMovedOn();
}

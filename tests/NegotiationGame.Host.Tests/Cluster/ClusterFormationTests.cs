using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;
using NegotiationGame.Host.Tests.Support;
using NegotiationGame.Storage.Postgres;
using NegotiationGame.Tests;
using Xunit.Abstractions;

namespace NegotiationGame.Host.Tests.Cluster;

/// <summary>
/// Two real server processes in cluster mode on one migrated database: they form one Orleans cluster through the
/// ADO.NET membership table, either serves what the other created, a token one issues is accepted by the other (the
/// shared key ring), and a SIGKILLed one is declared dead in the table.
/// </summary>
public sealed class ClusterFormationTests(ITestOutputHelper output)
{
    private const int Active = 3;
    private const int Dead = 6;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_nodes_form_a_cluster_share_games_and_tokens_and_a_killed_node_is_declared_dead()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await PostgresSchema.MigrateAsync(database.ConnectionString);
        var cluster = new ClusterNodeSettings(database.ConnectionString, ClusterId: "formation");

        await using var nodeA = await ServerProcess.StartAsync(cluster: cluster);
        await using var nodeB = await ServerProcess.StartAsync(cluster: cluster);
        await WaitForStatusAsync(database, cluster, nodeA, Active);
        await WaitForStatusAsync(database, cluster, nodeB, Active);

        // A class and its game created through A, then played through B with the tokens A issued, and moved on
        // through A again: both nodes reach the same grains, and each accepts what the other signed.
        await using var atA = await nodeA.ConnectAsync();
        await using var atB = await nodeB.ConnectAsync();
        var created = (await atA.CallAsync("createClass", new { games = 1 })).Ok();
        var instructor = created.GetProperty("instructorToken").GetString()!;
        var classId = created.GetProperty("classId").GetString()!;
        var gameId = created.GetProperty("gameIds")[0].GetString()!;
        var code = created.GetProperty("joinCodes").EnumerateArray()
            .Single(c => c.GetProperty("partyId").GetString() == "ukraine").GetProperty("code").GetString()!;

        var student = (await atB.CallAsync("joinClass", new { classId, code, name = "Olena" })).Ok().GetProperty("token").GetString()!;
        (await atB.CallAsync("startClass", new { token = instructor, bots = "linear" })).Ok();
        (await atB.CallAsync("act", new { token = student, commandId = Guid.NewGuid(), command = new { type = "statement", text = "through node B" } })).Ok();
        var before = await RoundAsync(atB, instructor, gameId);
        (await atA.CallAsync("instruct", new { token = instructor, gameId, command = new { type = "processNow" } })).Ok();
        Assert.Equal(before + 1, await RoundAsync(atB, instructor, gameId));

        var watch = Stopwatch.StartNew();
        await nodeB.KillAsync();
        await WaitForStatusAsync(database, cluster, nodeB, Dead);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SIGKILLed node declared Dead in the membership table after {watch.Elapsed.TotalSeconds:0.0} s"));
        Assert.Equal(Active, await StatusAsync(database, cluster, nodeA));
    }

    [Fact]
    public async Task A_node_stopped_with_SIGTERM_exits_0_within_10_s_and_leaves_the_cluster_as_Dead()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await PostgresSchema.MigrateAsync(database.ConnectionString);
        var cluster = new ClusterNodeSettings(database.ConnectionString, ClusterId: "leaving");
        await using var staying = await ServerProcess.StartAsync(cluster: cluster);
        await using var leaving = await ServerProcess.StartAsync(cluster: cluster);
        await WaitForStatusAsync(database, cluster, leaving, Active);

        var watch = Stopwatch.StartNew();
        Assert.Equal(0, await leaving.TerminateAsync(TimeSpan.FromSeconds(10)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SIGTERMed node exited after {watch.Elapsed.TotalSeconds:0.0} s"));

        // A clean stop marks the row itself on the way out: no peer has to suspect it first.
        Assert.Equal(Dead, await StatusAsync(database, cluster, leaving));
        Assert.Equal(Active, await StatusAsync(database, cluster, staying));
    }

    private static async Task<int> RoundAsync(HubConnection connection, string instructor, string gameId) =>
        (await connection.CallAsync("getClass", new { token = instructor })).Ok().GetProperty("games").EnumerateArray()
            .Single(summary => summary.GetProperty("gameId").GetString() == gameId).GetProperty("round").GetInt32();

    private static Task WaitForStatusAsync(TemporaryPostgresDatabase database, ClusterNodeSettings cluster, ServerProcess node, int status) =>
        Polling.UntilAsync(
            async () => await StatusAsync(database, cluster, node) == status,
            Patience,
            () => $"the node on silo port {node.SiloPort} to reach status {status}. Its output:\n{node.Output}");

    private static async Task<int?> StatusAsync(TemporaryPostgresDatabase database, ClusterNodeSettings cluster, ServerProcess node) =>
        await database.ExecuteAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"SELECT status FROM orleans_membership_silos WHERE deployment_id = '{cluster.ClusterId}' AND address = '127.0.0.1' AND port = {node.SiloPort} ORDER BY generation DESC LIMIT 1")) as int?;
}

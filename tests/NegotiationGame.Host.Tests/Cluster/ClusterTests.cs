using System.Diagnostics;
using NegotiationGame.Tests;
using Xunit.Abstractions;

namespace NegotiationGame.Host.Tests.Cluster;

/// <summary>
/// The cluster as real OS processes on one PostgreSQL database (issue 10, point 5): a node SIGKILLed under a hundred
/// games, the whole cluster stopped and started again, and a node joining mid-game. Each waits on conditions with a
/// bound, never on the clock, and writes what it measured to the test output (docs/operations.md quotes it).
/// </summary>
[Collection(nameof(ClusterTests))]
public sealed class ClusterTests(ITestOutputHelper output)
{
    private const int RoundSeconds = 5;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_SIGKILLed_node_of_three_under_a_hundred_games_loses_nothing_its_clients_move_and_every_game_finishes()
    {
        await using var cluster = await NodeCluster.StartAsync(nodes: 3);
        await using var classroom = await Classroom.StartAsync(cluster.Nodes, games: 102, RoundSeconds);

        // Kill the node that decided the most deadlines so far: the one holding the most games.
        await WaitUntilAsync(() => Task.FromResult(cluster.Nodes.Any(node => NodeCluster.GamesWhoseDeadlineMovedOn(node).Count > 0)), "a first deadline");
        var victim = cluster.Nodes.MaxBy(node => NodeCluster.GamesWhoseDeadlineMovedOn(node).Count)!;
        var gamesOfTheVictim = NodeCluster.GamesWhoseDeadlineMovedOn(victim);
        var survivors = cluster.Nodes.Where(node => node != victim).ToList();
        var outputBeforeKill = survivors.ToDictionary(node => node, node => node.Output.Length);
        var clientsOfTheVictim = classroom.Clients.Where(client => client.Node == victim.Address).ToList();
        var killedAt = Stopwatch.GetTimestamp();
        var killedAtClock = DateTimeOffset.UtcNow;
        await victim.KillAsync();

        await WaitUntilAsync(() => cluster.IsDeclaredDeadAsync(victim.SiloPort), "the killed node declared dead");
        var declaredAt = Stopwatch.GetTimestamp();
        await Task.WhenAll(classroom.Clients.Select(client => client.Ended)).WaitAsync(Patience);

        await classroom.AssertEveryGameEndedWholeAsync(cluster);
        Assert.NotEmpty(clientsOfTheVictim);
        Assert.All(clientsOfTheVictim, client =>
        {
            var move = Assert.Single(client.Moves);
            Assert.Equal(victim.Address, move.From);
            Assert.NotEqual(victim.Address, move.To);
        });
        Assert.All(classroom.Clients.Except(clientsOfTheVictim), client => Assert.Empty(client.Moves));

        // The deadlines of the games the dead node held were decided on a survivor from then on.
        var decidedBySurvivors = survivors.SelectMany(node => NodeCluster.GamesWhoseDeadlineMovedOn(node, outputBeforeKill[node])).ToHashSet(StringComparer.Ordinal);
        var stillRunningAtTheKill = new List<string>();
        foreach (var game in gamesOfTheVictim)
        {
            if ((await cluster.ReadLogAsync(game))[^1].At > killedAtClock)
            {
                stillRunningAtTheKill.Add(game);
            }
        }

        Assert.NotEmpty(stillRunningAtTheKill);
        Assert.All(stillRunningAtTheKill, game => Assert.Contains(game, decidedBySurvivors));

        // Pushes to clients of the survivors, for the games that lived on the dead node, resume soon after the death.
        var resumedAfterDeath = classroom.Clients
            .Where(client => client.Node != victim.Address && !clientsOfTheVictim.Contains(client) && stillRunningAtTheKill.Contains(client.GameId))
            .Select(client => client.FirstPushAfter(declaredAt))
            .Where(pushed => pushed is not null)
            .Select(pushed => Stopwatch.GetElapsedTime(declaredAt, pushed!.Value))
            .ToList();
        Assert.NotEmpty(resumedAfterDeath);
        var reconnects = clientsOfTheVictim.Select(client => client.Moves[0].Took).Order().ToList();
        output.WriteLine($"{classroom.Games.Count} games, {classroom.Clients.Count} clients, {clientsOfTheVictim.Count} of them on the killed node; it held {gamesOfTheVictim.Count} games, {stillRunningAtTheKill.Count} still running");
        output.WriteLine($"death declared {Stopwatch.GetElapsedTime(killedAt, declaredAt).TotalSeconds:F1} s after SIGKILL");
        output.WriteLine($"first push after the declaration: median {Median(resumedAfterDeath).TotalSeconds:F1} s, longest {resumedAfterDeath.Max().TotalSeconds:F1} s");
        output.WriteLine($"clients of the killed node watching again elsewhere: median {Median(reconnects).TotalSeconds:F1} s, longest {reconnects[^1].TotalSeconds:F1} s after their connection closed");
        Assert.True(resumedAfterDeath.Max() < TimeSpan.FromSeconds(10), $"a survivor's pushes resumed {resumedAfterDeath.Max().TotalSeconds:F1} s after the death was declared");
    }

    [Fact]
    public async Task After_the_whole_cluster_is_stopped_and_started_again_every_game_resumes_and_finishes()
    {
        await using var cluster = await NodeCluster.StartAsync(nodes: 2);
        await using var classroom = await Classroom.StartAsync(cluster.Nodes, games: 6, RoundSeconds);
        await WaitUntilAsync(() => Task.FromResult(cluster.Nodes.Any(node => NodeCluster.GamesWhoseDeadlineMovedOn(node).Count > 0)), "a first deadline");

        var stopped = await cluster.StopAllAtOnceAsync(TimeSpan.FromSeconds(10));
        output.WriteLine($"{cluster.Nodes.Count} nodes sent SIGTERM at once: all exited 0, the slowest {stopped.TotalSeconds:F1} s after");
        Assert.DoesNotContain(classroom.Clients, client => client.Ended.IsCompleted);
        await cluster.RestartAllAsync();
        await Task.WhenAll(classroom.Clients.Select(client => client.Ended)).WaitAsync(Patience);

        await classroom.AssertEveryGameEndedWholeAsync(cluster);
        Assert.All(classroom.Clients, client => Assert.NotEmpty(client.Moves));
    }

    [Fact]
    public async Task A_fourth_node_that_joins_mid_game_serves_spectators_and_the_instructor()
    {
        await using var cluster = await NodeCluster.StartAsync(nodes: 3);
        await using var classroom = await Classroom.StartAsync(cluster.Nodes, games: 6, roundSeconds: 600);

        var fourth = await cluster.AddNodeAsync();
        var late = await classroom.AddSpectatorsAsync(cluster.Addresses, node: 3);
        await using (var instructor = await fourth.ConnectAsync())
        {
            foreach (var game in classroom.Games)
            {
                (await instructor.CallAsync("instruct", new { token = classroom.InstructorToken, gameId = game, command = new { type = "end" } })).Ok();
            }
        }

        await Task.WhenAll(classroom.Clients.Select(client => client.Ended)).WaitAsync(Patience);
        await classroom.AssertEveryGameEndedWholeAsync(cluster);
        Assert.All(late, client => Assert.Equal(fourth.Address, client.Node));
    }

    private static Task WaitUntilAsync(Func<Task<bool>> condition, string what) => Polling.UntilAsync(condition, Patience, () => what);

    private static TimeSpan Median(List<TimeSpan> values) => values.Order().ElementAt(values.Count / 2);
}

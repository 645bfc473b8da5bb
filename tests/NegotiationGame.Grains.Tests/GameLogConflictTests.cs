using System.Collections.Immutable;
using NegotiationGame.Contracts;
using NegotiationGame.Contracts.Classes;
using NegotiationGame.Contracts.Commands;
using NegotiationGame.Contracts.Games;
using NegotiationGame.Scenarios;
using NegotiationGame.Storage;
using NegotiationGame.Storage.Postgres;
using NegotiationGame.Tests;

namespace NegotiationGame.Grains.Tests;

/// <summary>
/// Two silos that do not know each other, each with its own store on one PostgreSQL database, both holding the same
/// game, as two nodes may for a moment during a membership change: the database lets only one of them write each
/// position, the other's caller is told so in a type it can act on, and sending the command again succeeds.
/// </summary>
public sealed class GameLogConflictTests : IAsyncLifetime
{
    private const string GameId = "contested";
    private const int Rounds = 6;
    private TemporaryPostgresDatabase _database = null!;
    private PostgresEventStore _storeA = null!;
    private PostgresEventStore _storeB = null!;
    private GameCluster _nodeA = null!;
    private GameCluster _nodeB = null!;

    public async Task InitializeAsync()
    {
        _database = await TemporaryPostgresDatabase.CreateAsync();
        await PostgresSchema.MigrateAsync(_database.ConnectionString);
        _storeA = new PostgresEventStore(_database.ConnectionString);
        _storeB = new PostgresEventStore(_database.ConnectionString);
        _nodeA = await GameCluster.StartAsync(_storeA, silos: 1);
        _nodeB = await GameCluster.StartAsync(_storeB, silos: 1);
    }

    public async Task DisposeAsync()
    {
        await _nodeA.DisposeAsync();
        await _nodeB.DisposeAsync();
        await _storeA.DisposeAsync();
        await _storeB.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Of_two_nodes_acting_on_one_game_at_once_exactly_one_wins_and_the_losers_retry_succeeds_on_the_reloaded_log()
    {
        await _nodeA.CreateAsync(GameId, seed: 3, bots: ImmutableDictionary<string, string>.Empty);
        await _nodeA.ExecuteAsync(GameId, Actors.Instructor, new StartNegotiationBody());
        var started = await _nodeB.Game(GameId).GetSummary();
        Assert.Equal("Negotiation", started.Phase);

        for (var round = 1; round <= Rounds; round++)
        {
            var fromA = new GameCommandRequest(Guid.NewGuid(), "us", new MakeStatementBody($"us, round {round}"));
            var fromB = new GameCommandRequest(Guid.NewGuid(), "russia", new MakeStatementBody($"russia, round {round}"));
            var outcomes = await Task.WhenAll(TryExecute(_nodeA, fromA), TryExecute(_nodeB, fromB));

            Assert.Equal(1, outcomes.Count(outcome => outcome is not null));
            var (loser, retried) = outcomes[0] is null ? (_nodeA, fromA) : (_nodeB, fromB);
            var retry = await loser.Game(GameId).Execute(retried);
            Assert.True(retry.Accepted);
            Assert.Equal(outcomes.Single(outcome => outcome is not null)!.LastSequence + 1, retry.LastSequence);
        }

        var log = await _storeA.ReadAsync(EventStreams.Game(GameId), 0, 10_000);
        Assert.Equal(Enumerable.Range(1, log.Count).Select(n => (long)n), log.Select(entry => entry.Sequence));
        Assert.Equal((long)log.Count, await _database.ExecuteAsync($"SELECT count(*) FROM negotiationgame_events WHERE stream_id = '{EventStreams.Game(GameId)}'"));
        foreach (var round in Enumerable.Range(1, Rounds))
        {
            Assert.Single(log, entry => entry.Type == "StatementMade" && entry.Data.Contains($"us, round {round}", StringComparison.Ordinal));
            Assert.Single(log, entry => entry.Type == "StatementMade" && entry.Data.Contains($"russia, round {round}", StringComparison.Ordinal));
        }

        // A node that reloads now folds exactly this log.
        await using var fresh = await GameCluster.StartAsync(_storeB, silos: 1);
        Assert.Equal(log.Count, (await fresh.Game(GameId).GetSummary()).LastSequence);
    }

    [Fact]
    public async Task A_class_session_that_lost_a_race_for_its_log_lets_go_so_that_the_call_sent_again_succeeds()
    {
        var created = await ClassOn(_nodeA).Create(new CreateClassRequest("Seminar", BundledScenarios.FindJson(BundledScenarios.Default)!, 1, 0, 0, Seed: 7));
        Assert.Equal(created.ClassId, (await ClassOn(_nodeB).GetSummary()).ClassId);
        var codes = created.JoinCodes.Where(code => code.GameId is not null).Select(code => code.Code).ToArray();

        Assert.NotNull((await ClassOn(_nodeA).Join(codes[0], "Ada", Guid.NewGuid())).Seat);
        var seatId = Guid.NewGuid();
        var conflict = await Assert.ThrowsAsync<LogConflictException>(() => ClassOn(_nodeB).Join(codes[1], "Grace", seatId));
        Assert.Equal(EventStreams.Class("contested-class"), conflict.StreamId);
        var retried = await ClassOn(_nodeB).Join(codes[1], "Grace", seatId);

        Assert.NotNull(retried.Seat);
        Assert.Equal(["Ada", "Grace"], (await ClassOn(_nodeB).GetSummary()).Roster.Select(seat => seat.DisplayName).Order(StringComparer.Ordinal));
    }

    private static IClassSessionGrain ClassOn(GameCluster node) => node.Client.GetGrain<IClassSessionGrain>("contested-class");

    /// <summary>The command's outcome, or null when it lost the race with the typed conflict (any other failure fails the test).</summary>
    private static async Task<CommandOutcome?> TryExecute(GameCluster node, GameCommandRequest request)
    {
        try
        {
            var outcome = await node.Game(GameId).Execute(request);
            Assert.True(outcome.Accepted, outcome.ErrorMessage);
            return outcome;
        }
        catch (LogConflictException conflict)
        {
            Assert.Equal(EventStreams.Game(GameId), conflict.StreamId);
            return null;
        }
    }
}

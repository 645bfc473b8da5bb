using System.Collections.Immutable;
using NegotiationGame.Contracts;
using NegotiationGame.Contracts.Commands;
using NegotiationGame.Domain.Bots;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.EventLog;
using NegotiationGame.Scenarios;
using NegotiationGame.Storage;

namespace NegotiationGame.Grains.Tests;

public sealed class GameGrainTests : IAsyncLifetime
{
    private readonly InMemoryEventStore _store = new();
    private GameCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await GameCluster.StartAsync(_store);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_game_of_four_bots_ends_with_the_scores_the_core_computes()
    {
        var summary = await _cluster.CreateAsync("bots-1", seed: 11);
        Assert.Equal("Lobby", summary.Phase);

        var ended = await _cluster.PlayToEndAsync("bots-1");

        var (expected, _) = BotPlay.PlayToEnd(
            GameState.Start(BundledScenarios.Load("ukraine-2025")),
            [BotStrategy.Boulware, BotStrategy.Conceder, BotStrategy.Linear, BotStrategy.TitForTat],
            seed: 11);
        Assert.Equal("Ended", ended.Phase);
        Assert.Equal(GameStateHash.Compute(expected), ended.StateHash);
        Assert.Equal(
            BundledScenarios.Load("ukraine-2025").Parties.ToDictionary(p => p.Id, p => expected.FinalScores[p.Index]),
            ended.Scores);
    }

    [Fact]
    public async Task The_log_is_gap_free_and_replaying_it_gives_the_live_hash()
    {
        await _cluster.CreateAsync("replay-1", seed: 5);
        var summary = await _cluster.PlayToEndAsync("replay-1");

        var log = await ReadAllAsync("replay-1");

        Assert.Equal(Enumerable.Range(1, log.Count).Select(n => (long)n), log.Select(e => e.Sequence));
        Assert.Equal(summary.LastSequence, log.Count);
        Assert.Equal(summary.StateHash, GameStateHash.Compute(GameRecord.Replay(log).State));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_log_apart_from_timestamps_and_ids()
    {
        await _cluster.CreateAsync("seed-a", seed: 99);
        await _cluster.CreateAsync("seed-b", seed: 99);
        await Task.WhenAll(_cluster.PlayToEndAsync("seed-a"), _cluster.PlayToEndAsync("seed-b"));

        var a = await ReadAllAsync("seed-a");
        var b = await ReadAllAsync("seed-b");

        Assert.Equal(a.Select(e => (e.Sequence, e.Type, e.Data)), b.Select(e => (e.Sequence, e.Type, e.Data)));
    }

    [Fact]
    public async Task A_retried_command_is_acknowledged_again_and_appends_nothing()
    {
        await _cluster.CreateAsync("retry-1", seed: 1, bots: ImmutableDictionary<string, string>.Empty);
        await _cluster.ExecuteAsync("retry-1", Actors.Instructor, new StartNegotiationBody());
        var commandId = Guid.NewGuid();
        var offer = new TableOfferBody(ImmutableDictionary<string, string>.Empty.Add("minerals", "share-25"), ["ukraine"], null);

        var first = await _cluster.ExecuteAsync("retry-1", "us", offer, commandId);
        var retries = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _cluster.ExecuteAsync("retry-1", "us", offer, commandId)));

        Assert.True(first.Accepted);
        Assert.All(retries, retry => Assert.Equal(first, retry));
        Assert.Single(await ReadAllAsync("retry-1"), e => e.Type == "OfferTabled");
    }

    [Fact]
    public async Task Concurrent_commands_from_several_seats_of_one_party_are_decided_one_at_a_time()
    {
        await _cluster.CreateAsync("seats-1", seed: 1, bots: ImmutableDictionary<string, string>.Empty);
        await _cluster.ExecuteAsync("seats-1", Actors.Instructor, new StartNegotiationBody());
        await _cluster.ExecuteAsync("seats-1", "us", new TableOfferBody(ImmutableDictionary<string, string>.Empty.Add("sanctions", "kept"), ["eu", "russia"], null));

        // Three EU students press "accept" at once: one acceptance is recorded, the others are refused.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _cluster.ExecuteAsync("seats-1", "eu", new AcceptOfferBody(1))));

        Assert.Equal(1, outcomes.Count(o => o.Accepted));
        Assert.All(outcomes.Where(o => !o.Accepted), o => Assert.Equal(nameof(RuleViolationCode.AlreadyAccepted), o.ErrorCode));
        Assert.Single(await ReadAllAsync("seats-1"), e => e.Type == "OfferAccepted");
    }

    [Fact]
    public async Task Refusals_carry_their_code_and_append_nothing()
    {
        await _cluster.CreateAsync("refuse-1", seed: 1, bots: ImmutableDictionary<string, string>.Empty);
        await _cluster.ExecuteAsync("refuse-1", Actors.Instructor, new StartNegotiationBody());
        var before = (await _cluster.Game("refuse-1").GetSummary()).LastSequence;

        var unknownOption = await _cluster.ExecuteAsync("refuse-1", "us", new TableOfferBody(ImmutableDictionary<string, string>.Empty.Add("minerals", "share-99"), ["ukraine"], null));
        var unknownParty = await _cluster.ExecuteAsync("refuse-1", "china", new WalkAwayBody());
        var notInstructor = await _cluster.ExecuteAsync("refuse-1", "russia", new ProcessNowBody());
        var rule = await _cluster.ExecuteAsync("refuse-1", "us", new AcceptOfferBody(42));
        var noGame = await _cluster.ExecuteAsync("no-such-game", "us", new WalkAwayBody());

        Assert.Equal(
            [nameof(RuleViolationCode.UnknownOption), nameof(RuleViolationCode.UnknownParty), ServiceErrorCodes.NotInstructor, nameof(RuleViolationCode.OfferNotFound), ServiceErrorCodes.GameNotFound],
            new[] { unknownOption, unknownParty, notInstructor, rule, noGame }.Select(o => o.ErrorCode));
        Assert.Contains("Minerals has no option 'share-99'", unknownOption.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(before, (await _cluster.Game("refuse-1").GetSummary()).LastSequence);
    }

    [Fact]
    public async Task Creating_a_game_again_is_idempotent_but_not_with_other_settings()
    {
        var first = await _cluster.CreateAsync("create-1", seed: 3);
        var again = await _cluster.CreateAsync("create-1", seed: 3);

        Assert.Equal(first, again);
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => _cluster.CreateAsync("create-1", seed: 4));
    }

    [Fact]
    public async Task A_thousand_games_play_at_once_and_each_ends_with_a_complete_log()
    {
        const int games = 1_000;
        var ids = Enumerable.Range(0, games).Select(i => $"many-{i}").ToArray();
        await Task.WhenAll(ids.Select((id, i) => _cluster.CreateAsync(id, seed: i)));

        var summaries = await Task.WhenAll(ids.Select(_cluster.PlayToEndAsync));

        Assert.All(summaries, summary => Assert.Equal("Ended", summary.Phase));
        foreach (var id in ids.Take(50))
        {
            var log = await _store.ReadAsync(EventStreams.Game(id), 0, 10_000);
            Assert.Equal(Enumerable.Range(1, log.Count).Select(n => (long)n), log.Select(e => e.Sequence));
        }
    }

    private async Task<List<LoggedEvent>> ReadAllAsync(string gameId)
    {
        var log = new List<LoggedEvent>();
        while (true)
        {
            var page = await _cluster.Game(gameId).ReadLog(log.Count, 500);
            if (page.IsEmpty)
            {
                return log;
            }

            log.AddRange(page);
        }
    }
}

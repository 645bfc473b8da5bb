using NegotiationGame.Domain.Bots;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Scenarios;
using NegotiationGame.Contracts.Commands;
using NegotiationGame.Storage.Sqlite;
using NegotiationGame.Storage;
using NegotiationGame.Tests;

namespace NegotiationGame.Grains.Tests;

public sealed class GameClockTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Round_deadlines_fire_by_themselves_and_are_logged()
    {
        var store = new InMemoryEventStore();
        await using var cluster = await GameCluster.StartAsync(store);
        await cluster.CreateAsync("timed-1", seed: 1, roundSeconds: 1);

        await cluster.ExecuteAsync("timed-1", Actors.Instructor, new StartNegotiationBody());
        var started = await cluster.Game("timed-1").GetSummary();
        var later = await cluster.WaitForAsync("timed-1", s => s.Round >= 3, Patience);

        Assert.NotNull(started.Deadline);
        Assert.True(later.Deadline > started.Deadline);
        var log = await store.ReadAsync(EventStreams.Game("timed-1"), 0, 10_000);
        Assert.True(log.Count(e => e.Type == "DeadlinePassed") >= 2);
    }

    [Fact]
    public async Task A_timed_game_of_four_bots_plays_to_its_end_by_itself()
    {
        await using var cluster = await GameCluster.StartAsync(new InMemoryEventStore());
        await cluster.CreateAsync("alone-1", seed: 4, roundSeconds: 1);

        await cluster.ExecuteAsync("alone-1", Actors.Instructor, new StartNegotiationBody());
        var ended = await cluster.WaitForAsync("alone-1", s => s.Phase == "Ended", Patience);

        // The round it ends in is the one the same bots reach in the core, by agreement or at the final deadline.
        var core = BotPlay.PlayToEnd(
            GameState.Start(BundledScenarios.Load(BundledScenarios.Default)),
            [BotStrategy.Boulware, BotStrategy.Conceder, BotStrategy.Linear, BotStrategy.TitForTat],
            seed: 4).State;
        Assert.Equal(core.Round, ended.Round);
        Assert.Equal(4, ended.Scores.Count);
    }

    [Fact]
    public async Task A_deadline_that_falls_while_the_silos_are_down_fires_when_they_are_back()
    {
        // Rounds of ten minutes, and silos that come back on a clock moved past the first round's end: the deadline
        // falls while no silo runs, however slowly this machine starts or stops them.
        const int roundSeconds = 600;
        DateTimeOffset firstDeadline;
        await using (var store = new SqliteEventStore(_database.Path))
        {
            await using var cluster = await GameCluster.StartAsync(store);
            await cluster.CreateAsync("down-1", seed: 1, roundSeconds: roundSeconds);
            await cluster.ExecuteAsync("down-1", Actors.Instructor, new StartNegotiationBody());
            var started = await cluster.Game("down-1").GetSummary();
            Assert.Equal(1, started.Round);
            firstDeadline = started.Deadline!.Value;
        }

        var later = new ShiftedClock { Shift = TimeSpan.FromSeconds(roundSeconds + 60) };
        await using (var store = new SqliteEventStore(_database.Path))
        {
            Assert.Contains("down-1", await store.GamesDueAsync(later.GetUtcNow()));
            await using var cluster = await GameCluster.StartAsync(store, clock: later);

            // Nobody calls the game (the test only reads the store): the sweeper finds its due deadline and wakes it.
            var decided = await FirstDeadlinePassedAsync(store, "down-1");

            // The event is durable before the grain applies it, and GetSummary interleaves with the append, so the
            // summary may still show round 1 for a moment after the log has the deadline.
            var moved = await cluster.WaitForAsync("down-1", summary => summary.Round >= 2, Patience);

            Assert.Single(await store.ReadAsync(EventStreams.Game("down-1"), 0, 10_000), entry => entry.Type == "DeadlinePassed");
            Assert.Equal(2, moved.Round);
            Assert.True(decided.At >= firstDeadline);
            Assert.True(moved.Deadline > later.GetUtcNow().AddSeconds(roundSeconds - 60));
        }
    }

    [Fact]
    public async Task News_scheduled_for_round_two_comes_out_with_a_deadline_that_fell_while_the_silos_were_down()
    {
        const int roundSeconds = 600;
        await using (var store = new SqliteEventStore(_database.Path))
        {
            await using var cluster = await GameCluster.StartAsync(store);
            await cluster.CreateAsync("scheduled-1", seed: 1, bots: [], roundSeconds: roundSeconds);
            await cluster.ExecuteAsync("scheduled-1", Actors.Instructor, new StartNegotiationBody());
            var scheduled = await cluster.ExecuteAsync("scheduled-1", Actors.Instructor, new ScheduleNewsBody(2, "Pipeline damaged", "Gas stops flowing west."));
            var cancelled = await cluster.ExecuteAsync("scheduled-1", Actors.Instructor, new ScheduleNewsBody(2, "Taken back", "Never shown."));
            await cluster.ExecuteAsync("scheduled-1", Actors.Instructor, new CancelScheduledNewsBody(2, "Taken back"));
            var fromPlayer = await cluster.ExecuteAsync("scheduled-1", "us", new ScheduleNewsBody(3, "Fake", "Players cannot prepare news."));
            var tooLate = await cluster.ExecuteAsync("scheduled-1", Actors.Instructor, new ScheduleNewsBody(1, "Late", "Round 1 runs."));

            Assert.True(scheduled.Accepted && cancelled.Accepted);
            Assert.Equal(ServiceErrorCodes.NotInstructor, fromPlayer.ErrorCode);
            Assert.Equal(nameof(RuleViolationCode.InvalidSchedule), tooLate.ErrorCode);
        }

        var later = new ShiftedClock { Shift = TimeSpan.FromSeconds(roundSeconds + 60) };
        await using (var store = new SqliteEventStore(_database.Path))
        {
            await using var cluster = await GameCluster.StartAsync(store, clock: later);
            var decided = await FirstDeadlinePassedAsync(store, "scheduled-1");

            var log = await store.ReadAsync(EventStreams.Game("scheduled-1"), 0, 10_000);
            var change = log.Where(entry => entry.CommandId == decided.CommandId).Select(entry => entry.Type);
            Assert.Equal(["DeadlinePassed", "RoundAdvanced", "NewsInjected", "DeadlineSet"], change);
            var published = Assert.Single(log, entry => entry.Type == "NewsInjected");
            Assert.Contains("Pipeline damaged", published.Data, StringComparison.Ordinal);
            Assert.DoesNotContain(log, entry => entry.Type == "NewsInjected" && entry.Data.Contains("Taken back", StringComparison.Ordinal));
        }
    }

    /// <summary>Reads the game's log from the store, never through its grain, until a deadline was decided in it.</summary>
    private static async Task<LoggedEvent> FirstDeadlinePassedAsync(SqliteEventStore store, string gameId)
    {
        LoggedEvent? decided = null;
        await Polling.UntilAsync(
            async () => (decided = (await store.ReadAsync(EventStreams.Game(gameId), 0, 10_000)).FirstOrDefault(entry => entry.Type == "DeadlinePassed")) is not null,
            Patience,
            () => $"a deadline decided in game {gameId}");
        return decided!;
    }

    [Fact]
    public async Task Pausing_stops_the_clock_and_the_parties_resuming_restarts_it_and_extending_moves_it()
    {
        await using var cluster = await GameCluster.StartAsync(new InMemoryEventStore());
        await cluster.CreateAsync("pause-1", seed: 1, bots: [], roundSeconds: 600);
        await cluster.ExecuteAsync("pause-1", Actors.Instructor, new StartNegotiationBody());
        var running = await cluster.Game("pause-1").GetSummary();

        await cluster.ExecuteAsync("pause-1", Actors.Instructor, new PauseClockBody());
        var paused = await cluster.Game("pause-1").GetSummary();
        var refused = await cluster.ExecuteAsync("pause-1", "us", new WalkAwayBody());
        await cluster.ExecuteAsync("pause-1", Actors.Instructor, new ExtendDeadlineBody(300));
        await cluster.ExecuteAsync("pause-1", Actors.Instructor, new ResumeClockBody());
        var resumed = await cluster.Game("pause-1").GetSummary();

        Assert.True(paused.Paused);
        Assert.Null(paused.Deadline);
        Assert.Equal("GamePaused", refused.ErrorCode);
        Assert.False(resumed.Paused);
        Assert.True(resumed.Deadline > running.Deadline!.Value.AddSeconds(299));
    }

    [Fact]
    public async Task News_from_the_instructor_is_logged_for_everyone()
    {
        var store = new InMemoryEventStore();
        await using var cluster = await GameCluster.StartAsync(store);
        await cluster.CreateAsync("news-1", seed: 1, bots: []);

        var outcome = await cluster.ExecuteAsync("news-1", Actors.Instructor, new InjectNewsBody("Talks moved to Riyadh", "Delegations will meet in Saudi Arabia."));
        var fromPlayer = await cluster.ExecuteAsync("news-1", "us", new InjectNewsBody("Fake", "Players cannot publish news."));

        Assert.True(outcome.Accepted);
        Assert.Equal(ServiceErrorCodes.NotInstructor, fromPlayer.ErrorCode);
        Assert.Single(await store.ReadAsync(EventStreams.Game("news-1"), 0, 100), e => e.Type == "NewsInjected");
    }
}

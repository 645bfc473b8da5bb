using System.Collections.Immutable;
using NegotiationGame.Contracts;
using NegotiationGame.Contracts.Commands;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Negotiation.Events;
using NegotiationGame.EventLog;
using NegotiationGame.Scenarios;
using NegotiationGame.Storage;

namespace NegotiationGame.Grains.Tests;

/// <summary>Durations are bounded before anything is saved, and a log holding absurd ones still opens and ends.</summary>
public sealed class ClockLimitsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly ImmutableDictionary<string, string> NoBots = ImmutableDictionary<string, string>.Empty;
    private static readonly string[] AbsurdGames = ["absurd-1", "absurd-2", "absurd-3"];

    [Fact]
    public async Task An_extension_out_of_range_is_refused_and_saves_nothing()
    {
        var store = new InMemoryEventStore();
        await using var cluster = await GameCluster.StartAsync(store);
        await cluster.CreateAsync("extend-1", seed: 1, bots: NoBots, roundSeconds: 600);
        await cluster.ExecuteAsync("extend-1", Actors.Instructor, new StartNegotiationBody());
        var before = await ReadAllAsync(store, "extend-1");

        var outcomes = await Task.WhenAll(
            new[] { 0, -5, 86_401, 50 * 86_400, int.MaxValue }.Select(seconds => cluster.ExecuteAsync("extend-1", Actors.Instructor, new ExtendDeadlineBody(seconds))));

        Assert.All(outcomes, outcome => Assert.Equal(nameof(RuleViolationCode.InvalidExtension), outcome.ErrorCode));
        Assert.Equal(before.Count, (await ReadAllAsync(store, "extend-1")).Count);
        Assert.True((await cluster.ExecuteAsync("extend-1", Actors.Instructor, new ExtendDeadlineBody(86_400))).Accepted);
    }

    [Fact]
    public async Task A_game_longer_than_a_day_per_phase_cannot_be_created()
    {
        await using var cluster = await GameCluster.StartAsync(new InMemoryEventStore());

        await Assert.ThrowsAnyAsync<ArgumentException>(() => cluster.CreateAsync("long-1", seed: 1, bots: NoBots, roundSeconds: 86_401));
    }

    [Fact]
    public async Task A_log_holding_durations_out_of_range_still_opens_and_the_instructor_can_end_it()
    {
        var store = new InMemoryEventStore();
        var now = DateTimeOffset.UtcNow;
        await WriteLogAsync(store, "absurd-1", now, [.. Enumerable.Repeat<GameEvent>(new DeadlineExtended(TimeSpan.FromSeconds(int.MaxValue)), 120)]);
        await WriteLogAsync(store, "absurd-2", now, [new DeadlineExtended(TimeSpan.FromSeconds(1e9))]);
        await WriteLogAsync(store, "absurd-3", now, [new DeadlineSet(DateTimeOffset.MaxValue), new ClockPaused(TimeSpan.MaxValue), new DeadlineExtended(TimeSpan.MaxValue)]);
        await using var cluster = await GameCluster.StartAsync(store);

        var first = await cluster.Game("absurd-1").GetSummary();
        var second = await cluster.Game("absurd-2").GetSummary();
        var third = await cluster.Game("absurd-3").GetSummary();
        var ended = await Task.WhenAll(AbsurdGames.Select(id => cluster.ExecuteAsync(id, Actors.Instructor, new EndGameBody())));

        Assert.Equal(DateTimeOffset.MaxValue, first.Deadline);
        Assert.True(second.Deadline > now.AddYears(30));
        Assert.True(third.Paused);
        Assert.All(ended, outcome => Assert.True(outcome.Accepted, outcome.ErrorMessage));
        Assert.Equal("Ended", (await cluster.Game("absurd-3").GetSummary()).Phase);
    }

    [Fact]
    public async Task When_the_schedule_cannot_be_written_the_command_is_acknowledged_the_clock_runs_and_the_write_is_retried()
    {
        var store = new InMemoryEventStore();
        var schedule = new FailingSchedule(store, failures: 3);
        await using var cluster = await GameCluster.StartAsync(store, schedule, silos: 1);
        await cluster.CreateAsync("flaky-1", seed: 1, bots: NoBots, roundSeconds: 1);

        var started = await cluster.ExecuteAsync("flaky-1", Actors.Instructor, new StartNegotiationBody());
        var moved = await cluster.WaitForAsync("flaky-1", s => s.Round >= 3, Patience);
        await schedule.FirstDeadlineWritten.WaitAsync(Patience);
        var scheduled = await store.GamesDueAsync(DateTimeOffset.MaxValue);

        Assert.True(started.Accepted);
        Assert.True(moved.Round >= 3);
        Assert.Equal(3, schedule.FailedWrites);
        Assert.Contains("flaky-1", scheduled);
    }

    /// <summary>A game's log as an earlier server may have written it: a timed negotiation, then <paramref name="events"/>.</summary>
    private static async Task WriteLogAsync(InMemoryEventStore store, string gameId, DateTimeOffset now, IReadOnlyList<GameEvent> events)
    {
        var header = GameCreatedCodec.Create(BundledScenarios.FindJson(BundledScenarios.Default)!, 1, NoBots, new GameTiming(TimeSpan.Zero, TimeSpan.FromMinutes(10)));
        var codec = new GameEventCodec(header.Scenario);
        var entries = new List<LoggedEvent> { new(1, now, Guid.NewGuid(), GameCreated.TypeName, GameCreatedCodec.Encode(header)) };
        foreach (var gameEvent in (GameEvent[])[new NegotiationStarted(), new DeadlineSet(now.AddMinutes(10)), .. events])
        {
            var (type, data) = codec.Encode(gameEvent);
            entries.Add(new LoggedEvent(entries.Count + 1, now, Guid.NewGuid(), type, data));
        }

        await store.AppendAsync(EventStreams.Game(gameId), entries);
    }

    private static Task<IReadOnlyList<LoggedEvent>> ReadAllAsync(InMemoryEventStore store, string gameId) => store.ReadAsync(EventStreams.Game(gameId), 0, 10_000);
}

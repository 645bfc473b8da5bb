using NegotiationGame.Contracts.Classes;
using NegotiationGame.Contracts.Commands;
using NegotiationGame.Grains.Classes;
using NegotiationGame.Scenarios;
using NegotiationGame.Storage;

namespace NegotiationGame.Grains.Tests;

/// <summary>The instructor's class-wide commands and the untimed briefing, on a real two-silo cluster.</summary>
public sealed class ClassControlTests : SqliteClusterTest
{
    [Fact]
    public async Task A_class_wide_pause_reaches_every_game_and_the_same_call_again_counts_once()
    {
        var gameIds = await StartedClassAsync("ctl-a", games: 3);
        var commandId = Guid.NewGuid();

        var paused = await Class("ctl-a").InstructAll(commandId, new PauseClockBody());
        var lengths = await LogLengthsAsync(gameIds);
        var again = await Class("ctl-a").InstructAll(commandId, new PauseClockBody());

        Assert.Null(paused.ErrorCode);
        Assert.Equal(gameIds, paused.Games.Select(game => game.GameId).ToArray());
        Assert.All(paused.Games, game => Assert.True(game.Outcome.Accepted, game.Outcome.ErrorMessage));
        Assert.All(again.Games, game => Assert.True(game.Outcome.Accepted, game.Outcome.ErrorMessage));
        Assert.Equal(lengths, await LogLengthsAsync(gameIds));
        foreach (var gameId in gameIds)
        {
            Assert.True((await Cluster.Game(gameId).GetSummary()).Paused);
        }

        // A new pause (another id) is a new command, which every paused game refuses by its own rule.
        var second = await Class("ctl-a").InstructAll(Guid.NewGuid(), new PauseClockBody());
        Assert.All(second.Games, game => Assert.Equal("ClockAlreadyPaused", game.Outcome.ErrorCode));
    }

    [Fact]
    public async Task Each_game_reports_its_own_outcome_when_one_of_them_has_ended()
    {
        var gameIds = await StartedClassAsync("ctl-b", games: 2);
        await Cluster.ExecuteAsync(gameIds[1], Actors.Instructor, new EndGameBody());
        var before = (await Cluster.Game(gameIds[0]).GetSummary()).Deadline!.Value;

        var extended = await Class("ctl-b").InstructAll(Guid.NewGuid(), new ExtendDeadlineBody(95));
        var news = await Class("ctl-b").InstructAll(Guid.NewGuid(), new InjectNewsBody("Ceasefire talks", "Both sides meet in Geneva."));

        Assert.True(extended.Games.Single(game => game.GameId == gameIds[0]).Outcome.Accepted);
        Assert.Equal("GameAlreadyEnded", extended.Games.Single(game => game.GameId == gameIds[1]).Outcome.ErrorCode);
        Assert.Equal(before.AddSeconds(95), (await Cluster.Game(gameIds[0]).GetSummary()).Deadline);
        Assert.True(news.Games.Single(game => game.GameId == gameIds[0]).Outcome.Accepted);
        Assert.Equal("GameAlreadyEnded", news.Games.Single(game => game.GameId == gameIds[1]).Outcome.ErrorCode);
        var log = await Store.ReadAsync(EventStreams.Game(gameIds[0]), 0, 10_000);
        Assert.Contains(log, entry => entry.Type == "NewsInjected" && entry.Data.Contains("Ceasefire talks", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_class_that_has_not_started_or_a_command_that_can_end_a_game_is_refused_before_any_game_is_asked()
    {
        await CreateAsync("ctl-c", games: 1, briefingSeconds: 0);

        var early = await Class("ctl-c").InstructAll(Guid.NewGuid(), new PauseClockBody());
        await Class("ctl-c").Start("linear");
        var processNow = await Class("ctl-c").InstructAll(Guid.NewGuid(), new ProcessNowBody());
        var end = await Class("ctl-c").InstructAll(Guid.NewGuid(), new EndGameBody());

        Assert.Equal((ClassSessionGrain.ClassNotStarted, 0), (early.ErrorCode, early.Games.Length));
        Assert.Equal((ClassSessionGrain.NotClassWide, 0), (processNow.ErrorCode, processNow.Games.Length));
        Assert.Equal(ClassSessionGrain.NotClassWide, end.ErrorCode);
        Assert.Equal((("Negotiation", 1)), await PhaseAsync("ctl-c-01"));
    }

    [Fact]
    public async Task An_untimed_briefing_waits_for_the_instructor_and_a_class_wide_start_opens_round_one_everywhere()
    {
        await CreateAsync("ctl-d", games: 2, briefingSeconds: 120);

        var started = await Class("ctl-d").Start("linear", untimedBriefing: true);
        var briefing = await Cluster.Game("ctl-d-01").GetSummary();
        var extend = await Class("ctl-d").InstructAll(Guid.NewGuid(), new ExtendDeadlineBody(60));
        var open = await Class("ctl-d").InstructAll(Guid.NewGuid(), new StartNegotiationBody());

        Assert.Equal(("Briefing", (DateTimeOffset?)null), (briefing.Phase, briefing.Deadline));
        Assert.All(extend.Games, game => Assert.Equal("NoDeadline", game.Outcome.ErrorCode));
        Assert.All(open.Games, game => Assert.True(game.Outcome.Accepted, game.Outcome.ErrorMessage));
        foreach (var gameId in started.GameIds)
        {
            var summary = await Cluster.Game(gameId).GetSummary();
            Assert.Equal(("Negotiation", 1), (summary.Phase, summary.Round));
            Assert.NotNull(summary.Deadline);
        }
    }

    [Fact]
    public async Task A_timed_briefing_still_has_its_deadline_when_the_class_starts_without_the_untimed_choice()
    {
        await CreateAsync("ctl-e", games: 1, briefingSeconds: 120);

        await Class("ctl-e").Start("linear");

        var summary = await Cluster.Game("ctl-e-01").GetSummary();
        Assert.Equal("Briefing", summary.Phase);
        Assert.NotNull(summary.Deadline);
    }

    private IClassSessionGrain Class(string classId) => Cluster.Client.GetGrain<IClassSessionGrain>(classId);

    private Task<ClassSummary> CreateAsync(string classId, int games, int briefingSeconds) =>
        Class(classId).Create(new CreateClassRequest("Control room", BundledScenarios.FindJson("ukraine-2025")!, games, briefingSeconds, 600, Seed: 3));

    private async Task<string[]> StartedClassAsync(string classId, int games)
    {
        await CreateAsync(classId, games, briefingSeconds: 0);
        return [.. (await Class(classId).Start("linear")).GameIds];
    }

    private async Task<(string Phase, int Round)> PhaseAsync(string gameId)
    {
        var summary = await Cluster.Game(gameId).GetSummary();
        return (summary.Phase, summary.Round);
    }

    private async Task<long[]> LogLengthsAsync(IEnumerable<string> gameIds) =>
        await Task.WhenAll(gameIds.Select(async gameId => (await Cluster.Game(gameId).GetSummary()).LastSequence));
}

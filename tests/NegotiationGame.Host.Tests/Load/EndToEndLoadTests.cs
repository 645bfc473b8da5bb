using NegotiationGame.Host.Tests.Support;
using NegotiationGame.LoadTests.EndToEnd;

namespace NegotiationGame.Host.Tests.Load;

/// <summary>
/// The end-to-end load generator's core, bounded to a classroom's pace, against a real server process on its default
/// limits: every command must be served, and every connection must receive every event of its game exactly once,
/// as must the downloaded logs. It asserts no timing; the timings are the benchmark's (docs/performance.md).
/// </summary>
public sealed class EndToEndLoadTests
{
    [Fact]
    public async Task Twenty_games_of_four_players_and_a_spectator_play_for_fifteen_seconds_without_an_error_or_a_lost_or_doubled_event()
    {
        await using var server = await ServerProcess.StartAsync();
        var settings = new LoadSettings([server.Address], Games: 20, SpectatorsPerGame: 1, Duration: TimeSpan.FromSeconds(14), Warmup: TimeSpan.FromSeconds(1), LoadMode.Open)
        {
            // Two commands a second per student at most: a lively class, well inside the per-connection limits.
            Rate = 150,
            Seed = 12,
        };

        var report = await EndToEndRun.RunAsync(settings, CancellationToken.None);

        Assert.Empty(report.Errors);
        Assert.True(report.Commands > 1_000, $"only {report.Commands} commands were acknowledged");
        Assert.True(report.OffersResolvedPerSecond > 0);
        Assert.Equal(0, report.LostEvents);
        Assert.Equal(0, report.DuplicatedEvents);
        Assert.Equal(0, report.IncompleteFeeds);
        Assert.Equal(0, report.IncompleteSpectatorFeeds);
        Assert.True(report.SpectatorEvents >= report.Commands, $"{report.SpectatorEvents} events reached spectators for {report.Commands} commands");
        Assert.Equal(20, report.LogsChecked);
        Assert.Equal(0, report.LogGaps);
    }
}

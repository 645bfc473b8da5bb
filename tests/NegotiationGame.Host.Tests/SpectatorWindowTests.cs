namespace NegotiationGame.Host.Tests;

/// <summary>The first spectator of a delayed game: it gets every event of the delay window, and sees the game as of its view.</summary>
public sealed class SpectatorWindowTests(ManualClockServerFixture server) : IClassFixture<ManualClockServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_first_spectator_receives_the_events_logged_within_the_delay_before_it_came_and_a_summary_of_its_own_view()
    {
        await using var player = await server.ConnectAsync();
        var game = await ClassSetup.StartAsync(player, spectatorDelaySeconds: 600);
        await game.StatementAsync(player, "Before any spectator.");
        var last = await game.StatementAsync(player, "Still before any spectator.");
        var live = await player.WatchAllAsync(game.UsToken, game.GameId);

        await using var spectator = await server.ConnectAsync();
        var pushed = new ReceivedMessages(spectator);
        var first = await spectator.WatchAllAsync(game.SpectatorToken, game.GameId);

        // Everything is younger than the delay: nothing to catch up on, and the summary is the game before it began.
        Assert.Equal(ClassSetup.Through(2, last), live.Sequences);
        Assert.True(live.Pages > 1, "a participant's catch-up of this game spans several pages");
        Assert.Equal("Negotiation", live.Summary.GetProperty("phase").GetString());
        Assert.Empty(first.Events);
        Assert.Equal("Lobby", first.Summary.GetProperty("phase").GetString());
        Assert.Equal(1, first.Summary.GetProperty("lastSequence").GetInt64());
        Assert.Equal(0, first.Summary.GetProperty("round").GetInt32());

        server.FanoutClock.Advance(TimeSpan.FromMinutes(11));

        // The delayed feed brings every one of them, in order, once.
        await pushed.WaitForAsync(m => m.GetProperty("sequence").GetInt64() == last, Patience);
        Assert.Equal(ClassSetup.Through(2, last), pushed.Sequences);
        var later = await spectator.WatchAllAsync(game.SpectatorToken, game.GameId);
        Assert.Equal(ClassSetup.Through(2, last), later.Sequences);
        Assert.True(later.Pages > 1, "a spectator's catch-up pages too");
        Assert.Equal("Negotiation", later.Summary.GetProperty("phase").GetString());
        Assert.Equal(last, later.Summary.GetProperty("lastSequence").GetInt64());
    }
}

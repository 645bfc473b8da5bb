namespace NegotiationGame.Host.Tests;

/// <summary>A spectator who comes right after the end: the reveal of private channels waits for its delayed view to end.</summary>
public sealed class SpectatorRevealTests(ManualClockServerFixture server) : IClassFixture<ManualClockServerFixture>
{
    private const string Secret = "Between us: the minerals for the sanctions.";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly string[] UsAndRussia = ["us", "russia"];

    [Fact]
    public async Task Private_messages_stay_redacted_and_the_end_stays_unseen_until_the_spectators_view_reaches_the_end()
    {
        await using var player = await server.ConnectAsync();
        var game = await ClassSetup.StartAsync(player, spectatorDelaySeconds: 600);
        (await player.CallAsync("act", new { token = game.UsToken, commandId = Guid.NewGuid(), command = new { type = "message", channel = UsAndRussia, text = Secret } })).Ok();
        var ended = await game.InstructAsync(player, new { type = "end" });

        await using var spectator = await server.ConnectAsync();
        var pushed = new ReceivedMessages(spectator);
        var during = await spectator.WatchAllAsync(game.SpectatorToken, game.GameId);
        var instructor = await player.WatchAllAsync(game.InstructorToken, game.GameId);

        Assert.Equal("Ended", instructor.Summary.GetProperty("phase").GetString());
        Assert.True(ClassSetup.Contains(instructor.Events, Secret));
        Assert.NotEqual("Ended", during.Summary.GetProperty("phase").GetString());
        Assert.Empty(during.Summary.GetProperty("scores").EnumerateObject());
        Assert.False(ClassSetup.Contains(during.Events, Secret));

        server.FanoutClock.Advance(TimeSpan.FromMinutes(11));

        var gameEnded = await pushed.WaitForTypeAsync("GameEnded", Patience);
        Assert.Equal(ended, pushed.Sequences[^1]);
        Assert.Contains(pushed.All, m => m.GetProperty("type").GetString() == "ChannelActive");
        Assert.False(ClassSetup.Contains(pushed.All, Secret));
        var after = await spectator.WatchAllAsync(game.SpectatorToken, game.GameId);
        Assert.Equal("Ended", after.Summary.GetProperty("phase").GetString());
        Assert.NotEmpty(after.Summary.GetProperty("scores").EnumerateObject());
        Assert.True(ClassSetup.Contains(after.Events, Secret));
        Assert.Equal(gameEnded.GetProperty("sequence").GetInt64(), after.Sequences[^1]);
    }
}

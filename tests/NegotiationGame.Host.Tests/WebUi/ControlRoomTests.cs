using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.WebUi;

/// <summary>
/// The instructor's control room in Chromium (node/control-room.mjs): an untimed briefing ended by hand everywhere, a
/// class-wide pause that turns each game's controls off with the reason, news to every game, an alert for an
/// agreement.
/// </summary>
public sealed class ControlRoomTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_control_room_runs_every_game_at_once_says_why_a_control_is_off_and_raises_an_alert_for_an_agreement()
    {
        var screenshots = RepositoryFiles.Path(Path.Combine("TestResults", "screenshots"));

        var (exitCode, lines, errors) = await NodeScripts.RunAsync("control-room.mjs", TimeSpan.FromSeconds(120), server.Address.ToString().TrimEnd('/'), screenshots);

        Assert.True(exitCode == 0, $"node exited with {exitCode}:\n{string.Join('\n', lines)}\n{errors}");
        Assert.Contains("an untimed briefing opens every game, and Extend is off with its reason", lines);
        Assert.Contains("one click opens round 1 in every game", lines);
        Assert.Contains("a class-wide pause turns every game's controls off with the reason, and players are refused with GamePaused", lines);
        Assert.Contains("news sent once reaches the feed of every game", lines);
        Assert.Contains("an agreement raises an alert in the control room", lines);
        Assert.Contains("the game's board at the head of its card shows the minerals deal binding", lines);
        Assert.Equal("ok", lines[^1]);
        Assert.All(["control-room-paused", "control-room-alert"], shot => Assert.True(File.Exists(Path.Combine(screenshots, shot + ".png"))));
    }
}

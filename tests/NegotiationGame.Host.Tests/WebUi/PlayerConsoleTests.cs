using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.WebUi;

/// <summary>
/// The player console in Chromium (node/player-console.mjs) at 360 × 740 and 1280 × 800: the brief and the points
/// table before the start, tabs, no horizontal overflow, Withdraw, and the confirmation below the reservation value.
/// </summary>
public sealed class PlayerConsoleTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_seat_prepares_in_the_lobby_switches_tabs_withdraws_and_is_asked_before_binding_below_its_reservation()
    {
        var screenshots = RepositoryFiles.Path(Path.Combine("TestResults", "screenshots"));

        var (exitCode, lines, errors) = await NodeScripts.RunAsync("player-console.mjs", TimeSpan.FromSeconds(150), server.Address.ToString().TrimEnd('/'), screenshots);

        Assert.True(exitCode == 0, $"node exited with {exitCode}:\n{string.Join('\n', lines)}\n{errors}");
        Assert.Contains("the phone shows the brief and the points table in the lobby", lines);
        Assert.Contains("the tabs switch by click and by keyboard, and a reload keeps the tab", lines);
        Assert.Contains("a wide screen shows every section side by side", lines);
        Assert.Contains(lines, line => line.StartsWith("offer #", StringComparison.Ordinal) && line.EndsWith("was withdrawn", StringComparison.Ordinal));
        Assert.Contains("declining the confirmation sends nothing", lines);
        Assert.Contains("confirming the acceptance binds it: the score of what binds is 43.9", lines);
        Assert.All(["console-phone-lobby-brief", "console-wide-lobby", "console-phone-offers", "console-phone-board", "console-wide-game"],
            shot => Assert.True(File.Exists(Path.Combine(screenshots, shot + ".png"))));
        Assert.Equal("ok", lines[^1]);
    }
}

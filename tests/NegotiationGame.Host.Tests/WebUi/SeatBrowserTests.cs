using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.WebUi;

/// <summary>
/// Nobody loses their place, in Chromium (node/seats.mjs): a closed tab, a second browser, a new tab for the debrief,
/// the recovery link on another device, and the links handed out before seats had secrets.
/// </summary>
public sealed class SeatBrowserTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Students_and_the_instructor_get_their_places_back_in_any_tab_and_on_another_browser()
    {
        var screenshots = RepositoryFiles.Path(Path.Combine("TestResults", "screenshots"));

        var (exitCode, lines, errors) = await NodeScripts.RunAsync("seats.mjs", TimeSpan.FromSeconds(180), server.Address.ToString().TrimEnd('/'), screenshots);

        Assert.True(exitCode == 0, $"node exited with {exitCode}:\n{string.Join('\n', lines)}\n{errors}");
        Assert.Contains("a student who closed the tab got the seat back from the join link", lines);
        Assert.Contains("a student on a second browser asked, the instructor approved, and the student is seated", lines);
        Assert.Contains("the student on the second browser tabled an offer and the US sees it", lines);
        Assert.Contains("the instructor opened the debrief in a new tab", lines);
        Assert.Contains("a second browser took over the class with the recovery link, which left the address bar", lines);
        Assert.Contains("the recovered class seated a latecomer in a bot's role mid-game", lines);
        Assert.Contains("a student was moved, her console followed, and a bot plays the seat she left", lines);
        Assert.Contains("the spectator link handed out before opens the game", lines);
        Assert.All(["waiting-phone", "panel-request", "debrief-new-tab", "recovered-class", "panel-after-moves", "spectator-old-link"],
            shot => Assert.True(File.Exists(Path.Combine(screenshots, $"seats-{shot}.png")), $"no screenshot seats-{shot}.png"));
        Assert.Equal("ok", lines[^1]);
    }
}

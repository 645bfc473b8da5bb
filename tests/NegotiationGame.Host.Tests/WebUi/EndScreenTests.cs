using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.WebUi;

/// <summary>
/// The student's end screen in Chromium (node/endscreen.mjs): score against reservation, the briefings revealed as the
/// instructor allows, the chart against the frontier and the class comparison, at 1280 × 800 and 390 × 844.
/// </summary>
public sealed class EndScreenTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_end_screen_shows_score_briefings_chart_and_class_and_keeps_briefings_closed_when_told()
    {
        var screenshots = RepositoryFiles.Path(Path.Combine("TestResults", "screenshots"));

        var (exitCode, lines, errors) = await NodeScripts.RunAsync("endscreen.mjs", TimeSpan.FromSeconds(150), server.Address.ToString().TrimEnd('/'), screenshots);

        Assert.True(exitCode == 0, $"node exited with {exitCode}:\n{string.Join('\n', lines)}\n{errors}");
        Assert.Contains("when the game ends live, the end screen shows the score against the reservation and what binds", lines);
        Assert.Contains("the other parties' briefings are revealed, each as its party read it", lines);
        Assert.Contains("the chart shows the agreement against the frontier and the Nash point", lines);
        Assert.Contains("the class comparison lists both ended games with the role's score and the welfare", lines);
        Assert.Contains("the end screen fits a phone without horizontal overflow, and axe finds nothing serious in it", lines);
        Assert.Contains("with briefings closed on the class page, a console opened after the end shows the score and says the briefings stay confidential", lines);
        Assert.Equal("ok", lines[^1]);
        Assert.All(["endscreen-wide", "endscreen-wide-chart", "endscreen-phone", "endscreen-phone-class", "endscreen-closed"], shot => Assert.True(File.Exists(Path.Combine(screenshots, shot + ".png"))));
    }
}

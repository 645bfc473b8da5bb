using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.WebUi;

/// <summary>
/// A console whose seat changes while it watches, in Chromium (node/seatfeed.mjs): moved, it follows the seat and says
/// so; its role given to a bot, it says why the game stopped and that this browser holds the seat no more.
/// </summary>
public sealed class SeatFeedBrowserTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_console_whose_seat_changes_follows_a_move_and_says_why_a_bot_took_its_role()
    {
        var screenshots = RepositoryFiles.Path(Path.Combine("TestResults", "screenshots"));

        var (exitCode, lines, errors) = await NodeScripts.RunAsync("seatfeed.mjs", TimeSpan.FromSeconds(120), server.Address.ToString().TrimEnd('/'), screenshots);

        Assert.True(exitCode == 0, $"node exited with {exitCode}:\n{string.Join('\n', lines)}\n{errors}");
        Assert.Contains("a moved student's console followed the seat to the European Union and said why", lines);
        Assert.Contains("a student whose role went to a bot was told why, and that this browser holds the seat no more", lines);
        Assert.All(["seatfeed-moved-followed", "seatfeed-released"],
            shot => Assert.True(File.Exists(Path.Combine(screenshots, shot + ".png")), $"no screenshot {shot}.png"));
        Assert.Equal("ok", lines[^1]);
    }
}

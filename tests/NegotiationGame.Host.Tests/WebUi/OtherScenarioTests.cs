using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.WebUi;

/// <summary>
/// The web UI speaks whichever scenario a game plays: a game of the harbour festival, in Chromium
/// (node/other-scenario.mjs), shows that scenario's party names, a colour of its own for each party, and no word of
/// the default scenario on the instructor's, the player's and the spectator's pages.
/// </summary>
public sealed class OtherScenarioTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_harbour_festival_game_shows_its_own_parties_and_colours_on_every_page()
    {
        var screenshots = RepositoryFiles.Path(Path.Combine("TestResults", "screenshots"));

        var (exitCode, lines, errors) = await NodeScripts.RunAsync(
            "other-scenario.mjs", TimeSpan.FromSeconds(120), server.Address.ToString().TrimEnd('/'), "harbour-festival", screenshots);

        Assert.True(exitCode == 0, $"node exited with {exitCode}:\n{string.Join('\n', lines)}\n{errors}");
        Assert.Contains(lines, line => line.StartsWith("the player console names the party Saltmere Town Council", StringComparison.Ordinal));
        Assert.Contains("the spectator page follows the game", lines);
        Assert.Contains("the instructor's join codes name every party of the scenario, each in its own colour", lines);
        Assert.Equal("ok", lines[^1]);
    }
}

using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.WebUi;

/// <summary>
/// The debrief's teaching views in Chromium (node/debrief-teach.mjs), checked against getDebrief: the two-party dance,
/// the pair it opens on, labels that never cover one another as the browser draws them, and the comparison by role.
/// </summary>
public sealed class DebriefTeachingTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_dance_of_two_parties_draws_their_offers_at_their_utilities_and_each_role_is_compared_across_games()
    {
        var lines = await NodeScripts.PassedAsync("debrief-teach.mjs", TimeSpan.FromSeconds(150), server.Address);

        Assert.Contains(lines, line => line.StartsWith("the dance of ", StringComparison.Ordinal));
        Assert.Contains("another pair of parties can be chosen", lines);
        Assert.Contains("no two labels of the dance or the frontier cover each other", lines);
        Assert.Contains("each role is compared across the games of the class", lines);
        Assert.Contains("the comparison shows the no-deal total", lines);
    }
}

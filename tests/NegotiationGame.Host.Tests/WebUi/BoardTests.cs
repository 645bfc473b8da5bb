using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.WebUi;

/// <summary>
/// The projector board and the debrief's replay in Chromium (node/board.mjs): at 1,920 × 1,080 and on a phone the
/// spectator page draws every issue as the fold of the log read over the hub says, the territories on their map,
/// with no private text and no score before the end; the replay, moved by its buttons and the keyboard, shows the
/// board of the chosen event. Screenshots go to TestResults/screenshots.
/// </summary>
public sealed class BoardTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_board_and_the_replay_show_the_fold_of_the_log_on_a_projector_and_a_phone()
    {
        var lines = await NodeScripts.PassedAsync("board.mjs", TimeSpan.FromSeconds(150), server.Address);

        Assert.Contains(lines, line => line.StartsWith("the projector board shows every issue as the fold of the log", StringComparison.Ordinal));
        Assert.Contains("the phone shows the same board without scrolling sideways", lines);
        Assert.Contains("the scores appear on the board at the end", lines);
        Assert.Contains(lines, line => line.StartsWith("the replay shows the board of the chosen events", StringComparison.Ordinal));
    }
}

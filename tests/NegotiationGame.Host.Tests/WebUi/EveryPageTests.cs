using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.WebUi;

/// <summary>
/// Every page of the web UI (landing, instructor create, class room before and after the start, join, player console
/// in the lobby and in play, spectator, debrief, comparison) at 360×740, 390×844 and 1,920×1,080 in Chromium
/// (node/pages.mjs): no horizontal overflow and no serious or critical axe-core violation; a screenshot of each.
/// </summary>
public sealed class EveryPageTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly string[] Pages = ["landing", "instructor-create", "class-room-lobby", "join", "player-lobby", "player-play", "spectator", "class-room-playing", "debrief", "compare"];
    private static readonly string[] Sizes = ["360x740", "390x844", "1920x1080"];

    [Fact]
    public async Task Every_page_fits_the_window_and_has_no_serious_accessibility_violation_at_phone_and_projector_sizes()
    {
        var screenshots = RepositoryFiles.Path(Path.Combine("TestResults", "screenshots"));

        var (exitCode, lines, errors) = await NodeScripts.RunAsync("pages.mjs", TimeSpan.FromSeconds(300), server.Address.ToString().TrimEnd('/'), screenshots);

        Assert.True(exitCode == 0, $"node exited with {exitCode}:\n{errors}\n{string.Join('\n', lines)}");
        foreach (var size in Sizes)
        {
            foreach (var page in Pages)
            {
                Assert.Contains(lines, line => line.StartsWith($"{page} {size}: ", StringComparison.Ordinal) && line.EndsWith(", 0 serious or critical", StringComparison.Ordinal));
                Assert.True(File.Exists(Path.Combine(screenshots, $"page-{page}-{size}.png")), $"no screenshot of {page} at {size}");
            }
        }

        Assert.Equal("ok", lines[^1]);
    }
}

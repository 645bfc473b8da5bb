using NegotiationGame.Host.Relay;
using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests;

/// <summary>
/// Clients that are not .NET, run by Node against the real server: the official JavaScript SignalR client playing
/// from docs/protocol.md alone (node/play.mjs), and the web UI driven in Debian's headless Chromium (node/browser.mjs).
/// </summary>
public sealed class NodeClientTests(NodeClientTests.SmallPagesServer server) : IClassFixture<NodeClientTests.SmallPagesServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task The_javascript_client_plays_a_short_game_from_the_protocol_document()
    {
        var (exitCode, lines, errors) = await NodeScripts.RunAsync("play.mjs", Patience, server.Address.ToString().TrimEnd('/'));

        Assert.True(exitCode == 0, $"node exited with {exitCode}:\n{string.Join('\n', lines)}\n{errors}");
        Assert.Contains(lines, line => line.StartsWith("agreement #", StringComparison.Ordinal) && line.EndsWith("concluded, binding: security, minerals", StringComparison.Ordinal));
        Assert.Contains("a player may not instruct: Forbidden", lines);
        Assert.Contains(lines, line => line.StartsWith("caught up on ", StringComparison.Ordinal) && !line.EndsWith(" in 1 pages", StringComparison.Ordinal));
        Assert.Equal("ok", lines[^1]);
    }

    [Fact]
    public async Task In_the_browser_a_class_is_created_joined_an_offer_accepted_and_the_spectator_sees_the_agreement()
    {
        // Screenshots are kept with the test results (TestResults/screenshots) as artifacts of the run.
        var screenshots = RepositoryFiles.Path(Path.Combine("TestResults", "screenshots"));

        var (exitCode, lines, errors) = await NodeScripts.RunAsync("browser.mjs", Patience, server.Address.ToString().TrimEnd('/'), screenshots);

        Assert.True(exitCode == 0, $"node exited with {exitCode}:\n{string.Join('\n', lines)}\n{errors}");
        Assert.Contains("the join link has a QR code", lines);
        Assert.Contains("ukraine accepted offer #1", lines);
        Assert.Contains("the agreements board shows minerals binding", lines);
        Assert.Contains("the spectator sees the agreement", lines);
        Assert.Contains("a private call shows to the spectator only as a call", lines);
        Assert.Contains("the debrief draws the dance and the frontier, with the private call at its moment", lines);
        Assert.All(["join-qr", "instructor", "player-offer-builder", "player-inbox-phone", "spectator", "debrief"], shot => Assert.True(File.Exists(Path.Combine(screenshots, shot + ".png"))));
    }

    /// <summary>The server with watch pages of three events, so that both clients must follow <c>more</c>.</summary>
    public sealed class SmallPagesServer : ServerFixture
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            [$"{FanoutSettings.Section}:{nameof(FanoutSettings.WatchPageSize)}"] = "3",
        };
    }
}

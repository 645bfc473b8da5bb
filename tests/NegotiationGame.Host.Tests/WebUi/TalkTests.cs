using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.WebUi;

/// <summary>
/// The player's Talk section in Chromium (node/talk.mjs): a thread per call, unread counts, recipients kept from one
/// message to the next, reply from a message, private threads said in words, and the other calls revealed live when
/// the game ends.
/// </summary>
public sealed class TalkTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Talk_keeps_a_thread_per_call_counts_unread_keeps_recipients_and_reveals_the_calls_live_at_the_end()
    {
        var screenshots = RepositoryFiles.Path(Path.Combine("TestResults", "screenshots"));

        var (exitCode, lines, errors) = await NodeScripts.RunAsync("talk.mjs", TimeSpan.FromSeconds(120), server.Address.ToString().TrimEnd('/'), screenshots);

        Assert.True(exitCode == 0, $"node exited with {exitCode}:\n{string.Join('\n', lines)}\n{errors}");
        Assert.Contains("the recipients stay ticked, and both messages reach Russia's thread of the call as 2 unread", lines);
        Assert.Contains(lines, line => line.StartsWith("opening the thread reads it; it says \"Private call with", StringComparison.Ordinal));
        Assert.Contains("Ukraine sees that the US and Russia are on a call, not what they say", lines);
        Assert.Contains("a reply from a public statement opens the private call with its speaker", lines);
        Assert.Contains("a party that walks away is unticked and cannot be ticked again; the others stay", lines);
        Assert.Contains("when the game ends the other calls are revealed live, and talk closes", lines);
        Assert.Equal("ok", lines[^1]);
        Assert.All(["talk-phone-before-end", "talk-wide", "talk-phone-revealed"], shot => Assert.True(File.Exists(Path.Combine(screenshots, shot + ".png"))));
    }
}

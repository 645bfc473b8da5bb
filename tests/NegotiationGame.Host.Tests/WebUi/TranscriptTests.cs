using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.WebUi;

/// <summary>
/// The printable transcript a teacher grades from, in Chromium (node/transcript.mjs): the game's log event by event,
/// the students of each seat, and a printed page (kept as TestResults/screenshots/transcript.pdf) without the site's controls.
/// </summary>
public sealed class TranscriptTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_transcript_shows_the_whole_log_in_order_names_the_students_and_prints_cleanly()
    {
        var lines = await NodeScripts.PassedAsync("transcript.mjs", TimeSpan.FromSeconds(120), server.Address);

        Assert.Contains(lines, line => line.StartsWith("the transcript lists the ", StringComparison.Ordinal));
        Assert.Contains("the transcript names the student of each seat and the bots", lines);
        Assert.Contains("the transcript prints without the site's controls", lines);
        Assert.True(File.Exists(RepositoryFiles.Path(Path.Combine("TestResults", "screenshots", "transcript.pdf"))));
    }
}

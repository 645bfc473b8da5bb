using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.Uploads;

/// <summary>The create-class form's scenario upload in headless Chromium (node/upload.mjs drives the pages).</summary>
public sealed class UploadFormTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task In_the_browser_a_broken_file_shows_its_json_paths_a_genius_domain_is_previewed_and_a_good_file_is_played_and_debriefed()
    {
        var (exitCode, lines, errors) = await NodeScripts.RunAsync(
            "upload.mjs",
            TimeSpan.FromSeconds(180),
            server.Address.ToString().TrimEnd('/'),
            RepositoryFiles.Path("tests/NegotiationGame.Host.Tests/Uploads/garden-wall.json"),
            RepositoryFiles.Path("tests/NegotiationGame.Host.Tests/Uploads/garden-wall-broken.json"),
            RepositoryFiles.Path("tests/Shared/Genius"));

        Assert.True(exitCode == 0, $"node exited with {exitCode}:\n{string.Join('\n', lines)}\n{errors}");
        Assert.Contains("the broken file's problems are listed with their JSON paths", lines);
        Assert.Contains("a GENIUS domain is converted and previewed", lines);
        Assert.Contains("the uploaded file is previewed and chosen", lines);
        Assert.Contains("the student tabled an offer of the uploaded scenario", lines);
        Assert.Contains("the debrief of the uploaded scenario draws its frontier", lines);
    }
}

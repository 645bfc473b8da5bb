using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace NegotiationGame.Host.Tests.Uploads;

/// <summary>The server's library of uploaded scenarios through the hub: listing, uploading once per text, and classes that name an entry.</summary>
public sealed class ScenarioLibraryTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static string GardenWall => UploadFiles.GardenWall;

    [Fact]
    public async Task An_uploaded_file_is_listed_once_after_the_bundled_scenarios_and_a_class_can_name_it()
    {
        await using var connection = await server.ConnectAsync();
        var text = JsonNode.Parse(GardenWall)!;
        text["title"] = "The Garden Wall, library copy";
        var json = text.ToJsonString();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

        var first = (await connection.CallAsync("uploadScenario", new { scenarioJson = json })).Ok();
        var second = (await connection.CallAsync("uploadScenario", new { scenarioJson = json })).Ok();

        Assert.Equal(hash, first.GetProperty("choice").GetProperty("id").GetString());
        Assert.True(first.GetProperty("kept").GetBoolean());
        Assert.Equal(6, first.GetProperty("outcomes").GetInt64());
        Assert.Equal(["north", "south"], first.GetProperty("scenario").GetProperty("parties").EnumerateArray().Select(party => party.GetProperty("id").GetString()));
        Assert.Equal(first.GetProperty("choice").GetProperty("uploadedAt").GetString(), second.GetProperty("choice").GetProperty("uploadedAt").GetString());

        var choices = (await connection.CallAsync("listScenarios", new { })).Ok().GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal(["harbour-festival", "ukraine-2025"], choices.Where(c => c.GetProperty("bundled").GetBoolean()).Select(c => c.GetProperty("id").GetString()));
        Assert.True(choices.FindIndex(c => c.GetProperty("bundled").GetBoolean() == false) > choices.FindLastIndex(c => c.GetProperty("bundled").GetBoolean()));
        var entry = Assert.Single(choices, c => c.GetProperty("id").GetString() == hash);
        Assert.Equal("garden-wall", entry.GetProperty("scenarioId").GetString());
        Assert.Equal("instructor", entry.GetProperty("uploadedBy").GetString());

        var created = (await connection.CallAsync("createClass", new { scenario = hash })).Ok();
        var overview = (await connection.CallAsync("getClass", new { token = created.GetProperty("instructorToken").GetString() })).Ok();
        Assert.Equal("The Garden Wall, library copy", overview.GetProperty("scenario").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_class_created_with_a_file_puts_it_in_the_library_credited_to_the_class()
    {
        await using var connection = await server.ConnectAsync();
        var text = JsonNode.Parse(GardenWall)!;
        text["title"] = "The Garden Wall, seminar copy";

        (await connection.CallAsync("createClass", new { title = "Seminar 7", scenarioJson = text.ToJsonString() })).Ok();

        var choices = (await connection.CallAsync("listScenarios", new { })).Ok().GetProperty("scenarios").EnumerateArray();
        var entry = Assert.Single(choices, c => c.GetProperty("title").GetString() == "The Garden Wall, seminar copy");
        Assert.Equal("Seminar 7", entry.GetProperty("uploadedBy").GetString());
        Assert.False(entry.GetProperty("bundled").GetBoolean());
    }

    [Fact]
    public async Task A_hash_that_is_not_in_the_library_is_an_unknown_scenario()
    {
        await using var connection = await server.ConnectAsync();

        var refused = await connection.CallAsync("createClass", new { scenario = new string('a', 64) });

        Assert.Equal("UnknownScenario", refused.ErrorCode());
    }

    [Fact]
    public async Task A_genius_domain_is_converted_for_a_preview_and_the_converted_file_plays()
    {
        await using var connection = await server.ConnectAsync();
        var (domain, profiles) = UploadFiles.Allotment();

        var imported = (await connection.CallAsync("importGenius", new { domain, profiles })).Ok();

        Assert.Equal(2, imported.GetProperty("scenario").GetProperty("parties").GetArrayLength());
        Assert.True(imported.GetProperty("outcomes").GetInt64() > 1);
        var created = (await connection.CallAsync("createClass", new { scenarioJson = imported.GetProperty("scenarioJson").GetString() })).Ok();
        Assert.Equal(2, created.GetProperty("joinCodes").GetArrayLength());
    }

    [Fact]
    public async Task A_genius_file_that_cannot_be_converted_is_refused_naming_the_file()
    {
        await using var connection = await server.ConnectAsync();

        var (_, profiles) = UploadFiles.Allotment();

        var refused = await connection.CallAsync("importGenius", new { domain = new { name = "broken_domain.xml", xml = "<negotiation" }, profiles });

        Assert.Equal("InvalidScenario", refused.ErrorCode());
        Assert.StartsWith("broken_domain.xml", refused.GetProperty("error").GetProperty("problems")[0].GetProperty("path").GetString(), StringComparison.Ordinal);
    }
}

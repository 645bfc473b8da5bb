using System.Net;
using System.Text.Json;

namespace NegotiationGame.Host.Tests;

public sealed class DebriefTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_instructor_debriefs_a_finished_game_and_downloads_its_log_and_the_class_summary()
    {
        await using var connection = await server.ConnectAsync();
        var created = (await connection.CallAsync("createClass", new { games = 2 })).Ok();
        var token = created.GetProperty("instructorToken").GetString()!;
        var classId = created.GetProperty("classId").GetString()!;
        var gameId = created.GetProperty("gameIds")[0].GetString()!;
        (await connection.CallAsync("startClass", new { token, bots = "conceder" })).Ok();
        await connection.ProcessRoundsAsync(token, gameId, rounds: 6);

        var debrief = (await connection.CallAsync("getDebrief", new { token, gameId })).Ok();

        Assert.Contains(debrief.GetProperty("outcome").GetProperty("ended").GetString(), (string[])["Deadline", "AllIssuesBound"]);
        Assert.Equal(1862, debrief.GetProperty("frontier").GetArrayLength());
        Assert.Equal(85.5, debrief.GetProperty("nash").GetProperty("utilities").GetProperty("us").GetDouble());
        var offers = debrief.GetProperty("offers").EnumerateArray().ToList();
        Assert.True(offers.Count >= 6, $"{offers.Count} offers");
        Assert.All(offers, offer => Assert.Equal(4, offer.GetProperty("utilities").EnumerateObject().Count()));
        Assert.Equal(offers.Select(o => o.GetProperty("offerId").GetInt32()), Enumerable.Range(1, offers.Count));

        using var http = new HttpClient { BaseAddress = server.Address };
        var logUrl = (await connection.CallAsync("createDownloadLink", new { token, gameId })).Ok().GetProperty("url").GetString();
        var log = await http.GetStringAsync(logUrl);
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(gameId, JsonDocument.Parse(lines[0]).RootElement.GetProperty("gameId").GetString());
        Assert.Equal(debrief.GetProperty("events").GetArrayLength() + 1, lines.Length - 1);
        var csv = await http.GetStringAsync((await connection.CallAsync("createDownloadLink", new { token })).Ok().GetProperty("url").GetString());
        Assert.Equal(3, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"/api/games/{gameId}/log.jsonl")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"/api/classes/{classId}/summary.csv?ticket=forged")).StatusCode);
    }

    [Fact]
    public async Task The_class_summary_names_who_played_each_seat_and_keeps_a_spreadsheet_from_running_a_name()
    {
        await using var connection = await server.ConnectAsync();
        var created = (await connection.CallAsync("createClass", new { games = 1 })).Ok();
        var classId = created.GetProperty("classId").GetString();
        var token = created.GetProperty("instructorToken").GetString()!;
        string? CodeOf(string party) => created.GetProperty("joinCodes").EnumerateArray().Single(c => c.GetProperty("partyId").GetString() == party).GetProperty("code").GetString();
        (await connection.CallAsync("joinClass", new { classId, code = CodeOf("ukraine"), name = "Ada Lovelace" })).Ok();
        (await connection.CallAsync("joinClass", new { classId, code = CodeOf("ukraine"), name = "Grace Hopper" })).Ok();
        (await connection.CallAsync("joinClass", new { classId, code = CodeOf("russia"), name = "=HYPERLINK(\"x\")" })).Ok();
        (await connection.CallAsync("startClass", new { token, bots = "linear" })).Ok();

        using var http = new HttpClient { BaseAddress = server.Address };
        var csv = await http.GetStringAsync((await connection.CallAsync("createDownloadLink", new { token })).Ok().GetProperty("url").GetString());

        // No name here holds a comma, so the row splits on commas.
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].TrimEnd('\r').Split(',').ToList();
        var row = lines[1].TrimEnd('\r').Split(',');
        string Cell(string column) => row[header.IndexOf(column)];
        Assert.Equal(["players_us", "players_russia", "players_ukraine", "players_eu"], header.Where(c => c.StartsWith("players_", StringComparison.Ordinal)));
        Assert.Equal("bot (linear)", Cell("players_us"));
        Assert.Equal("Ada Lovelace; Grace Hopper", Cell("players_ukraine"));
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\"", Cell("players_russia"));
    }

    [Fact]
    public async Task Only_the_instructor_of_the_class_gets_a_debrief()
    {
        await using var connection = await server.ConnectAsync();
        var created = (await connection.CallAsync("createClass", new { games = 1 })).Ok();
        var other = (await connection.CallAsync("createClass", new { games = 1 })).Ok();
        var gameId = created.GetProperty("gameIds")[0].GetString();

        Assert.Equal("GameNotFound", (await connection.CallAsync("getDebrief", new { token = created.GetProperty("instructorToken").GetString(), gameId })).ErrorCode());
        Assert.Equal("Forbidden", (await connection.CallAsync("getDebrief", new { token = other.GetProperty("instructorToken").GetString(), gameId })).ErrorCode());
        Assert.Equal("Forbidden", (await connection.CallAsync("getDebrief", new { token = created.GetProperty("spectatorTokens").GetProperty(gameId!).GetString(), gameId })).ErrorCode());
    }
}

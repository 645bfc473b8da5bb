using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NegotiationGame.Host.Tests.Uploads;

/// <summary>createClass with a scenario file's text: checked with every problem's JSON path, then played and debriefed like a bundled one.</summary>
public sealed class ScenarioUploadTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static string GardenWall => UploadFiles.GardenWall;

    [Fact]
    public async Task An_uploaded_scenario_is_played_by_bots_and_debriefed_from_its_log()
    {
        await using var connection = await server.ConnectAsync();
        var created = (await connection.CallAsync("createClass", new { title = "Neighbours", scenarioJson = GardenWall, games = 1 })).Ok();
        var token = created.GetProperty("instructorToken").GetString()!;
        var gameId = created.GetProperty("gameIds")[0].GetString()!;
        Assert.Equal(["north", "south"], created.GetProperty("joinCodes").EnumerateArray().Select(code => code.GetProperty("partyId").GetString()));

        var before = (await connection.CallAsync("getClass", new { token })).Ok();
        Assert.Equal("garden-wall", before.GetProperty("class").GetProperty("scenarioId").GetString());
        Assert.Equal("The Garden Wall", before.GetProperty("scenario").GetProperty("title").GetString());

        (await connection.CallAsync("startClass", new { token, bots = "conceder" })).Ok();
        await connection.ProcessRoundsAsync(token, gameId, rounds: 4);

        var debrief = (await connection.CallAsync("getDebrief", new { token, gameId })).Ok();
        Assert.Equal("The Garden Wall", debrief.GetProperty("scenario").GetProperty("title").GetString());
        Assert.Contains(debrief.GetProperty("outcome").GetProperty("ended").GetString(), (string[])["Deadline", "AllIssuesBound"]);
        Assert.Equal(30, debrief.GetProperty("reservations").GetProperty("north").GetDouble());
        Assert.True(debrief.GetProperty("frontier").GetArrayLength() > 0);
        Assert.All(debrief.GetProperty("offers").EnumerateArray(), offer => Assert.Equal(2, offer.GetProperty("utilities").EnumerateObject().Count()));
    }

    [Fact]
    public async Task A_broken_file_is_refused_with_every_problem_and_its_json_path()
    {
        await using var connection = await server.ConnectAsync();
        var broken = UploadFiles.BrokenGardenWall;

        var refused = await connection.CallAsync("createClass", new { scenarioJson = broken });

        Assert.Equal("InvalidScenario", refused.ErrorCode());
        var problems = refused.GetProperty("error").GetProperty("problems").EnumerateArray()
            .Select(problem => $"{problem.GetProperty("path").GetString()}: {problem.GetProperty("message").GetString()}")
            .ToList();
        Assert.Contains("$.issues[0].options[2].id: duplicate option id 'halves'", problems);
        Assert.Contains(problems, problem => problem.StartsWith("$.profiles.south.values.height.high: ", StringComparison.Ordinal));
        Assert.Contains("$.issues[0].options[2].id", refused.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_that_is_not_json_is_refused_as_an_invalid_scenario_at_the_root()
    {
        await using var connection = await server.ConnectAsync();

        var refused = await connection.CallAsync("createClass", new { scenarioJson = "{ \"id\": " });

        Assert.Equal("InvalidScenario", refused.ErrorCode());
        Assert.Equal("$", refused.GetProperty("error").GetProperty("problems")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task A_space_the_analytics_cannot_finish_is_refused_before_any_class_exists()
    {
        await using var connection = await server.ConnectAsync();

        var refused = await connection.CallAsync("createClass", new { scenarioJson = WideScenario(issues: 10, options: 8) });

        Assert.Equal("InvalidScenario", refused.ErrorCode());
        var problem = refused.GetProperty("error").GetProperty("problems")[0];
        Assert.Equal("$", problem.GetProperty("path").GetString());
        Assert.Contains("1,073,741,824 outcomes", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_that_reuses_a_bundled_name_shows_its_own_scenario_not_the_bundled_one()
    {
        await using var connection = await server.ConnectAsync();
        var impostor = JsonNode.Parse(GardenWall)!;
        impostor["id"] = "ukraine-2025";

        var created = (await connection.CallAsync("createClass", new { scenarioJson = impostor.ToJsonString() })).Ok();
        var overview = (await connection.CallAsync("getClass", new { token = created.GetProperty("instructorToken").GetString() })).Ok();

        Assert.Equal("The Garden Wall", overview.GetProperty("scenario").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_name_and_a_file_together_are_refused()
    {
        await using var connection = await server.ConnectAsync();

        var refused = await connection.CallAsync("createClass", new { scenario = "ukraine-2025", scenarioJson = GardenWall });

        Assert.Equal("InvalidRequest", refused.ErrorCode());
    }

    /// <summary>Two parties over <paramref name="issues"/> issues of <paramref name="options"/> options each.</summary>
    internal static string WideScenario(int issues, int options)
    {
        static string Id(string prefix, int n) => prefix + n.ToString(CultureInfo.InvariantCulture);
        var document = JsonNode.Parse(GardenWall)!.AsObject();
        document["id"] = "wide";
        document["issues"] = new JsonArray([.. Enumerable.Range(0, issues).Select(issue => (JsonNode)new JsonObject
        {
            ["id"] = Id("i", issue),
            ["name"] = Id("Issue ", issue),
            ["group"] = "All",
            ["description"] = "One of many.",
            ["options"] = new JsonArray([.. Enumerable.Range(0, options).Select(option => (JsonNode)new JsonObject { ["id"] = Id("o", option), ["label"] = Id("Option ", option) })]),
            ["noDeal"] = "o0",
            ["signatories"] = new JsonArray("north", "south"),
        })]);
        foreach (var party in new[] { "north", "south" })
        {
            var profile = document["profiles"]![party]!.AsObject();
            profile["weights"] = new JsonObject(Enumerable.Range(0, issues).Select(issue => KeyValuePair.Create(Id("i", issue), (JsonNode?)JsonValue.Create(1))));
            profile["values"] = new JsonObject(Enumerable.Range(0, issues).Select(issue => KeyValuePair.Create(
                Id("i", issue),
                (JsonNode?)new JsonObject(Enumerable.Range(0, options).Select(option => KeyValuePair.Create(Id("o", option), (JsonNode?)JsonValue.Create((option * 13) % 101)))))));
        }

        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}

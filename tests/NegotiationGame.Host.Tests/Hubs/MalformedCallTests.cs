using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace NegotiationGame.Host.Tests.Hubs;

/// <summary>
/// Calls a third-party client could send by mistake or on purpose: each is answered with a typed InvalidRequest
/// (never SignalR's untyped error) and changes nothing.
/// </summary>
public sealed class MalformedCallTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly string[] AnArray = ["a"];

    public static TheoryData<string> Methods =>
        ["createClass", "joinClass", "startClass", "getClass", "setRevealPolicy", "instruct", "act", "getView", "watch", "getDebrief"];

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task A_null_argument_to_any_method_is_an_invalid_request(string method)
    {
        await using var connection = await server.ConnectAsync();
        var result = await connection.InvokeAsync<JsonElement>(method, (object?)null);
        Assert.Equal("InvalidRequest", result.ErrorCode());
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task An_argument_that_is_not_an_object_is_an_invalid_request(string method)
    {
        await using var connection = await server.ConnectAsync();
        Assert.Equal("InvalidRequest", (await connection.CallAsync(method, 42)).ErrorCode());
        Assert.Equal("InvalidRequest", (await connection.CallAsync(method, AnArray)).ErrorCode());
    }

    [Theory]
    [InlineData("createClass", """{ "games": "two" }""")]
    [InlineData("createClass", """{ "games": 1.5 }""")]
    [InlineData("createClass", """{ "title": null }""")]
    [InlineData("createClass", """{ "games": 1, "games": 2 }""")]
    [InlineData("joinClass", """{ "classId": "c-1", "code": "ABCDEF", "name": 7 }""")]
    [InlineData("joinClass", """{ "code": "ABCDEF", "name": "Ada" }""")]
    [InlineData("watch", """{ "gameId": "g", "afterSequence": "x" }""")]
    [InlineData("watch", """{ "gameId": "g", "afterSequence": -1 }""")]
    [InlineData("watch", """{ "afterSequence": 0 }""")]
    [InlineData("act", """{ "commandId": "not-a-uuid", "command": { "type": "walkAway" } }""")]
    [InlineData("act", """{ "command": { "type": "walkAway" } }""")]
    [InlineData("act", """{ "commandId": "9d1e5c2a-0000-4000-8000-000000000001", "command": { "type": "dance" } }""")]
    [InlineData("act", """{ "commandId": "9d1e5c2a-0000-4000-8000-000000000001", "command": { "offerId": 1 } }""")]
    [InlineData("act", """{ "commandId": "9d1e5c2a-0000-4000-8000-000000000001", "command": { "type": "statement", "type": "walkAway", "text": "x" } }""")]
    [InlineData("act", """{ "commandId": "9d1e5c2a-0000-4000-8000-000000000001", "command": { "type": "accept", "offerId": "1" } }""")]
    [InlineData("act", """{ "commandId": "9d1e5c2a-0000-4000-8000-000000000001", "command": { "type": "table", "package": { "minerals": "share-25" }, "expiresAfterRounds": "2" } }""")]
    [InlineData("act", """{ "commandId": "9d1e5c2a-0000-4000-8000-000000000001", "command": { "type": "table", "package": { "minerals": "share-25" }, "expiresAfterRounds": 1.5 } }""")]
    [InlineData("act", """{ "commandId": "9d1e5c2a-0000-4000-8000-000000000001", "command": { "type": "table", "package": { "minerals": "share-25" }, "expiresAfterRounds": 1e20 } }""")]
    [InlineData("act", """{ "commandId": "9d1e5c2a-0000-4000-8000-000000000001", "command": { "type": "table", "package": { "minerals": null } } }""")]
    [InlineData("act", """{ "commandId": "9d1e5c2a-0000-4000-8000-000000000001", "command": { "type": "table", "package": { "minerals": "share-25" }, "addressees": ["ukraine", null] } }""")]
    [InlineData("act", """{ "commandId": "9d1e5c2a-0000-4000-8000-000000000001", "command": { "type": "message", "text": "hi" } }""")]
    [InlineData("act", """{ "commandId": "9d1e5c2a-0000-4000-8000-000000000001", "command": null }""")]
    [InlineData("act", """{ "commandId": "9d1e5c2a-0000-4000-8000-000000000001", "command": { "type": "table", "package": { "minerals": "share-25" }, "addressees": [[[[[[[[[[[[[[[[[[["ukraine"]]]]]]]]]]]]]]]]]]] } }""")]
    [InlineData("instruct", """{ "gameId": "g", "command": { "type": "extend", "seconds": 4294967296 } }""")]
    [InlineData("instruct", """{ "gameId": "g", "command": { "type": "extend" } }""")]
    [InlineData("instruct", """{ "gameId": "g", "command": { "type": "walkAway" } }""")]
    [InlineData("setRevealPolicy", """{ "revealPrivateAfterEnd": "no" }""")]
    public async Task A_field_of_the_wrong_shape_is_an_invalid_request(string method, string json)
    {
        await using var connection = await server.ConnectAsync();
        using var argument = JsonDocument.Parse(json);
        var result = await connection.CallAsync(method, argument.RootElement);
        Assert.Equal("InvalidRequest", result.ErrorCode());
        Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("error").GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_refused_command_changes_nothing_and_the_connection_goes_on()
    {
        await using var connection = await server.ConnectAsync();
        var created = (await connection.CallAsync("createClass", new { games = 1 })).Ok();
        var token = created.GetProperty("instructorToken").GetString();
        var gameId = created.GetProperty("gameIds")[0].GetString();
        (await connection.CallAsync("startClass", new { token })).Ok();
        var before = (await connection.CallAsync("getClass", new { token })).Ok().GetProperty("games")[0].GetProperty("lastSequence").GetInt64();

        using var twoTypes = JsonDocument.Parse($$"""{ "token": "{{token}}", "gameId": "{{gameId}}", "command": { "type": "processNow", "type": "end" } }""");
        Assert.Equal("InvalidRequest", (await connection.CallAsync("instruct", twoTypes.RootElement)).ErrorCode());

        var after = (await connection.CallAsync("getClass", new { token })).Ok().GetProperty("games")[0];
        Assert.Equal(before, after.GetProperty("lastSequence").GetInt64());
        Assert.Equal("Negotiation", after.GetProperty("phase").GetString());
    }
}

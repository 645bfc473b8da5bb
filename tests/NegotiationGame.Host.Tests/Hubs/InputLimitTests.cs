namespace NegotiationGame.Host.Tests.Hubs;

/// <summary>Values of the right type but outside the documented limits (docs/security.md) are refused and create nothing.</summary>
public sealed class InputLimitTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    public static TheoryData<string> OutOfRangeClasses =>
    [
        """{ "games": 0 }""",
        """{ "games": 201 }""",
        """{ "spectatorDelaySeconds": 3601 }""",
        """{ "spectatorDelaySeconds": -1 }""",
        """{ "roundSeconds": 86401 }""",
        """{ "briefingSeconds": -1 }""",
        """{ "title": "   " }""",
        """{ "maxSeatsPerRole": 0 }""",
        """{ "maxSeatsPerRole": 51 }""",
    ];

    [Theory]
    [MemberData(nameof(OutOfRangeClasses))]
    public async Task A_class_outside_the_limits_is_refused(string json)
    {
        await using var connection = await server.ConnectAsync();
        using var request = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("InvalidRequest", (await connection.CallAsync("createClass", request.RootElement)).ErrorCode());
    }

    [Fact]
    public async Task A_name_longer_than_forty_characters_is_refused()
    {
        await using var connection = await server.ConnectAsync();
        var created = (await connection.CallAsync("createClass", new { games = 1 })).Ok();
        var result = await connection.CallAsync("joinClass", new { classId = created.GetProperty("classId").GetString(), code = created.GetProperty("lobbyCode").GetString(), name = new string('a', 41) });
        Assert.Equal("InvalidName", result.ErrorCode());
    }
}

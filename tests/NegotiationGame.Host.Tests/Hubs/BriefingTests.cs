using System.Text.Json;

namespace NegotiationGame.Host.Tests.Hubs;

/// <summary>getBriefing over real SignalR: a seated student reads their role in the lobby, the same as in the game.</summary>
public sealed class BriefingTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_seated_student_reads_their_role_before_the_start_and_it_matches_the_view_after()
    {
        await using var connection = await server.ConnectAsync();
        var (classId, instructor, codes) = await SeatTests.CreateAsync(connection);
        var token = (await connection.CallAsync("joinClass", new { classId, code = codes["ukraine"], name = "Ada" })).Ok().GetProperty("token").GetString();

        var inLobby = (await connection.CallAsync("getBriefing", new { token })).Ok();
        var viewInLobby = await connection.CallAsync("getView", new { token });
        (await connection.CallAsync("startClass", new { token = instructor })).Ok();
        var inGame = (await connection.CallAsync("getBriefing", new { token })).Ok();
        var view = (await connection.CallAsync("getView", new { token })).Ok().GetProperty("view");

        var briefing = inLobby.GetProperty("briefing");
        Assert.Equal("GameNotFound", viewInLobby.ErrorCode());
        Assert.Equal("ukraine", briefing.GetProperty("partyId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(briefing.GetProperty("confidentialBriefing").GetString()));
        Assert.Equal(100, briefing.GetProperty("weights").EnumerateObject().Sum(weight => weight.Value.GetDouble()), 6);
        Assert.NotEmpty(briefing.GetProperty("redLines").EnumerateArray());
        Assert.Equal(inLobby.GetProperty("scenario").GetRawText(), inGame.GetProperty("scenario").GetRawText());
        foreach (var name in new[] { "gameId", "partyId", "name", "leader", "confidentialBriefing", "reservation", "weights", "values", "redLines" })
        {
            Assert.True(Same(view.GetProperty(name), inGame.GetProperty("briefing").GetProperty(name)), $"the briefing's {name} differs from the view's");
            Assert.True(Same(briefing.GetProperty(name), inGame.GetProperty("briefing").GetProperty(name)), $"the briefing's {name} changed at the start");
        }
    }

    [Fact]
    public async Task Only_a_seat_that_still_holds_its_role_reads_a_briefing()
    {
        await using var connection = await server.ConnectAsync();
        var (classId, instructor, codes) = await SeatTests.CreateAsync(connection);
        var ada = (await connection.CallAsync("joinClass", new { classId, code = codes["us"], name = "Ada" })).Ok();
        var gameId = ada.GetProperty("gameId").GetString();
        (await connection.CallAsync("moveSeat", new { token = instructor, seatId = ada.GetProperty("seatId").GetGuid(), gameId, partyId = "eu" })).Ok();
        var back = (await connection.CallAsync("rejoinClass", new { classId, seatId = ada.GetProperty("seatId").GetGuid(), seatSecret = ada.GetProperty("seatSecret").GetString() })).Ok();

        var moved = await connection.CallAsync("getBriefing", new { token = ada.GetProperty("token").GetString() });
        var rejoined = (await connection.CallAsync("getBriefing", new { token = back.GetProperty("token").GetString() })).Ok();
        var forged = await connection.CallAsync("getBriefing", new { token = "not-a-token" });
        var none = await connection.CallAsync("getBriefing", new { });
        var byInstructor = await connection.CallAsync("getBriefing", new { token = instructor });

        Assert.Equal("Unauthorized", moved.ErrorCode());
        Assert.Equal("eu", rejoined.GetProperty("briefing").GetProperty("partyId").GetString());
        Assert.Equal("Unauthorized", forged.ErrorCode());
        Assert.Equal("Unauthorized", none.ErrorCode());
        Assert.Equal("Forbidden", byInstructor.ErrorCode());
    }

    private static bool Same(JsonElement left, JsonElement right) => JsonElement.DeepEquals(left, right);
}

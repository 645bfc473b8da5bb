using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using NegotiationGame.Host.Tests.Limits;

namespace NegotiationGame.Host.Tests.Hubs;

/// <summary>Seats through the hub: secrets give a seat back, tokens follow the seat, strangers need the instructor.</summary>
public sealed class SeatTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_moved_student_gets_the_new_role_with_the_seat_secret_and_the_old_token_stops()
    {
        await using var connection = await server.ConnectAsync();
        var (classId, instructor, codes) = await CreateAsync(connection);
        var ada = (await connection.CallAsync("joinClass", new { classId, code = codes["us"], name = "Ada" })).Ok();
        var seatId = ada.GetProperty("seatId").GetGuid();
        var secret = ada.GetProperty("seatSecret").GetString();
        (await connection.CallAsync("startClass", new { token = instructor })).Ok();
        var gameId = ada.GetProperty("gameId").GetString();

        var moved = (await connection.CallAsync("moveSeat", new { token = instructor, seatId, gameId, partyId = "eu" })).Ok();
        var oldToken = await connection.CallAsync("getView", new { token = ada.GetProperty("token").GetString() });
        var back = (await connection.CallAsync("rejoinClass", new { classId, seatId, seatSecret = secret })).Ok();
        var view = (await connection.CallAsync("getView", new { token = back.GetProperty("token").GetString() })).Ok();

        Assert.Contains(moved.GetProperty("class").GetProperty("roster").EnumerateArray(), seat => seat.GetProperty("partyId").GetString() == "eu");
        Assert.Equal("Unauthorized", oldToken.ErrorCode());
        Assert.Equal(JsonValueKind.Null, back.GetProperty("seatSecret").ValueKind);
        Assert.Equal("eu", view.GetProperty("view").GetProperty("partyId").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("view").GetProperty("bot").ValueKind);
    }

    [Fact]
    public async Task A_token_that_acted_before_its_seat_moved_or_went_to_a_bot_acts_no_more()
    {
        await using var connection = await server.ConnectAsync();
        var (classId, instructor, codes) = await CreateAsync(connection);
        var ada = (await connection.CallAsync("joinClass", new { classId, code = codes["us"], name = "Ada" })).Ok();
        (await connection.CallAsync("startClass", new { token = instructor })).Ok();
        var gameId = ada.GetProperty("gameId").GetString();
        Task<JsonElement> SpeakAsync(string? token) =>
            connection.CallAsync("act", new { token, commandId = Guid.NewGuid(), command = new { type = "statement", text = "We seek peace." } });

        // The party grain has checked Ada's seat once and kept the answer; the move must end it all the same.
        (await SpeakAsync(ada.GetProperty("token").GetString())).Ok();
        (await connection.CallAsync("moveSeat", new { token = instructor, seatId = ada.GetProperty("seatId").GetGuid(), gameId, partyId = "eu" })).Ok();
        var stale = await SpeakAsync(ada.GetProperty("token").GetString());
        var back = (await connection.CallAsync("rejoinClass", new { classId, seatId = ada.GetProperty("seatId").GetGuid(), seatSecret = ada.GetProperty("seatSecret").GetString() })).Ok();
        (await SpeakAsync(back.GetProperty("token").GetString())).Ok();
        (await connection.CallAsync("setBot", new { token = instructor, gameId, partyId = "eu", bot = "linear" })).Ok();
        var replaced = await SpeakAsync(back.GetProperty("token").GetString());

        Assert.Equal("Unauthorized", stale.ErrorCode());
        Assert.Equal("Unauthorized", replaced.ErrorCode());
    }

    [Fact]
    public async Task A_stranger_with_the_join_code_gets_a_seat_only_when_the_instructor_approves_and_a_bot_ends_a_seat()
    {
        await using var connection = await server.ConnectAsync();
        var (classId, instructor, codes) = await CreateAsync(connection);
        var ada = (await connection.CallAsync("joinClass", new { classId, code = codes["ukraine"], name = "Ada" })).Ok();
        (await connection.CallAsync("startClass", new { token = instructor })).Ok();

        var asked = (await connection.CallAsync("askForSeat", new { classId, code = codes["ukraine"], name = "Ada" })).Ok();
        var requestId = asked.GetProperty("requestId").GetGuid();
        var requestSecret = asked.GetProperty("requestSecret").GetString();
        var waiting = (await connection.CallAsync("collectSeat", new { classId, requestId, requestSecret })).Ok();
        var request = (await connection.CallAsync("getClass", new { token = instructor })).Ok().GetProperty("class").GetProperty("seatRequests").EnumerateArray().Single();
        var byStranger = await connection.CallAsync("answerSeatRequest", new { token = ada.GetProperty("token").GetString(), requestId, approve = true, seatId = request.GetProperty("seatId").GetGuid() });
        (await connection.CallAsync("answerSeatRequest", new { token = instructor, requestId, approve = true, seatId = request.GetProperty("seatId").GetGuid() })).Ok();
        var approved = (await connection.CallAsync("collectSeat", new { classId, requestId, requestSecret })).Ok();
        var firstDevice = await connection.CallAsync("getView", new { token = ada.GetProperty("token").GetString() });
        var newDevice = (await connection.CallAsync("getView", new { token = approved.GetProperty("token").GetString() })).Ok();

        Assert.Equal("pending", waiting.GetProperty("status").GetString());
        Assert.Equal(("Ada", "ukraine"), (request.GetProperty("displayName").GetString(), request.GetProperty("partyId").GetString()));
        Assert.Equal("Forbidden", byStranger.ErrorCode());
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal(ada.GetProperty("seatId").GetGuid(), approved.GetProperty("seatId").GetGuid());
        Assert.Equal("Unauthorized", firstDevice.ErrorCode());
        Assert.Equal("ukraine", newDevice.GetProperty("view").GetProperty("partyId").GetString());

        var gameId = ada.GetProperty("gameId").GetString();
        (await connection.CallAsync("setBot", new { token = instructor, gameId, partyId = "ukraine", bot = "boulware" })).Ok();
        var botView = await connection.CallAsync("getView", new { token = approved.GetProperty("token").GetString() });
        var rejoin = await connection.CallAsync("rejoinClass", new { classId, seatId = approved.GetProperty("seatId").GetGuid(), seatSecret = approved.GetProperty("seatSecret").GetString() });
        var log = (await connection.CallAsync("getDebrief", new { token = instructor, gameId })).Ok().GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "PlayerChanged").Select(e => e.GetProperty("data").GetRawText()).ToArray();

        Assert.Equal("Unauthorized", botView.ErrorCode());
        Assert.Equal("UnknownSeat", rejoin.ErrorCode());
        Assert.Equal(["{\"party\":\"ukraine\",\"bot\":\"boulware\"}"], log);
    }

    internal static async Task<(string ClassId, string Instructor, Dictionary<string, string> Codes)> CreateAsync(HubConnection connection)
    {
        var created = (await connection.CallAsync("createClass", new { games = 1 })).Ok();
        var codes = created.GetProperty("joinCodes").EnumerateArray().ToDictionary(c => c.GetProperty("partyId").GetString()!, c => c.GetProperty("code").GetString()!);
        return (created.GetProperty("classId").GetString()!, created.GetProperty("instructorToken").GetString()!, codes);
    }
}

public sealed class SeatGuessLimitTests(JoinLimitedServer server) : IClassFixture<JoinLimitedServer>
{
    [Fact]
    public async Task Guessing_seat_secrets_is_slowed_like_guessing_codes()
    {
        await using var connection = await server.ConnectAsync();
        var (classId, _, codes) = await SeatTests.CreateAsync(connection);
        var ada = (await connection.CallAsync("joinClass", new { classId, code = codes["us"], name = "Ada" })).Ok();
        var seatId = ada.GetProperty("seatId").GetGuid();

        for (var guess = 0; guess < 3; guess++)
        {
            Assert.Equal("UnknownSeat", (await connection.CallAsync("rejoinClass", new { classId, seatId, seatSecret = $"guess-{guess}" })).ErrorCode());
        }

        Assert.Equal("RateLimited", (await connection.CallAsync("rejoinClass", new { classId, seatId, seatSecret = ada.GetProperty("seatSecret").GetString() })).ErrorCode());
        Assert.Equal("RateLimited", (await connection.CallAsync("collectSeat", new { classId, requestId = Guid.NewGuid(), requestSecret = "x" })).ErrorCode());
    }
}

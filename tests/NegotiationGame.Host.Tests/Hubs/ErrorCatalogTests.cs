using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging.Abstractions;
using NegotiationGame.Host.Hubs;
using NegotiationGame.Host.Hubs.Results;
using NegotiationGame.Host.Limits;
using NegotiationGame.Host.Scenarios;
using NegotiationGame.Host.Tests.Support;
using NegotiationGame.Storage.Library;

namespace NegotiationGame.Host.Tests.Hubs;

/// <summary>
/// Every code of the error table in docs/protocol.md, produced by the running server (ServerError, which needs a
/// fault, by the filter that makes it; Conflict by a rival writing to the game's log first, as another node would).
/// A code added to the table without a way to produce it fails here.
/// </summary>
public sealed class ErrorCatalogTests(RivalWriterServerFixture server) : IClassFixture<RivalWriterServerFixture>
{
    public static TheoryData<string> Codes => [.. DocumentedErrorCodes.Protocol()];

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task Every_documented_code_can_be_produced(string code)
    {
        await using var connection = await server.ConnectAsync();
        Assert.Equal(code, await ProduceAsync(connection, code));
    }

    private async Task<string> ProduceAsync(HubConnection connection, string code)
    {
        switch (code)
        {
            case "Unauthorized":
                return (await connection.CallAsync("getClass", new { token = "forged" })).ErrorCode();
            case "InvalidRequest":
                return (await connection.InvokeAsync<JsonElement>("watch", (object?)null)).ErrorCode();
            case "UnknownScenario":
                return (await connection.CallAsync("createClass", new { scenario = "atlantis-1914" })).ErrorCode();
            case "InvalidScenario":
                return (await connection.CallAsync("createClass", new { scenarioJson = "[]" })).ErrorCode();
            case "RateLimited":
                for (var attempt = 0; attempt < 10; attempt++)
                {
                    if ((await connection.CallAsync("createClass", new { games = 1 })) is var result && !result.GetProperty("ok").GetBoolean())
                    {
                        return result.ErrorCode();
                    }
                }

                return "no refusal";
            case "LibraryFull":
                // Filling the shared fixture's library would take hundreds of uploads; a library of no room refuses the same way.
                var noRoom = new ClassScenarios(new ScenarioAnalyses(), new InMemoryScenarioLibrary(), new AbuseLimits { ScenarioLibraryEntries = 0 }, TimeProvider.System);
                var (_, full) = await noRoom.UploadAsync(Uploads.UploadFiles.GardenWall);
                return full!.Error.Code;
            case "ServerError":
                var failure = await new HubErrorFilter(NullLogger<HubErrorFilter>.Instance).InvokeMethodAsync(HubInvocations.With(new object()), _ => throw new InvalidOperationException());
                return ((HubFailure)failure!).Error.Code;
        }

        var created = (await connection.CallAsync("createClass", new { games = 1, maxSeatsPerRole = 2 })).Ok();
        var classId = created.GetProperty("classId").GetString();
        var instructor = created.GetProperty("instructorToken").GetString();
        var usCode = created.GetProperty("joinCodes").EnumerateArray().First(c => c.GetProperty("partyId").GetString() == "us").GetProperty("code").GetString();
        async Task<JsonElement> JoinAsync(string? joinCode, string name) => await connection.CallAsync("joinClass", new { classId, code = joinCode, name });
        switch (code)
        {
            case "UnknownCode":
                return (await JoinAsync("ZZZZZZ", "Ada")).ErrorCode();
            case "InvalidName":
                return (await JoinAsync(usCode, "")).ErrorCode();
            case "UnknownSeat":
                var seated = (await JoinAsync(usCode, "Ada")).Ok();
                return (await connection.CallAsync("rejoinClass", new { classId, seatId = seated.GetProperty("seatId").GetGuid(), seatSecret = "not-the-secret" })).ErrorCode();
            case "ClassFull":
                for (var student = 0; student < 100; student++)
                {
                    if (await JoinAsync(usCode, $"Student {student}") is var joined && !joined.GetProperty("ok").GetBoolean())
                    {
                        return joined.ErrorCode();
                    }
                }

                return "no refusal";
            case "GameNotFound":
                var early = (await JoinAsync(usCode, "Ada")).Ok().GetProperty("token").GetString();
                return (await connection.CallAsync("getView", new { token = early })).ErrorCode();
            case "ClassNotStarted":
                return (await connection.CallAsync("instructClass", new { token = instructor, commandId = Guid.NewGuid(), command = new { type = "pause" } })).ErrorCode();
        }

        var player = (await JoinAsync(usCode, "Ada")).Ok().GetProperty("token").GetString();
        (await connection.CallAsync("startClass", new { token = instructor })).Ok();
        var gameId = created.GetProperty("gameIds")[0].GetString();
        switch (code)
        {
            case "ClassStarted":
                return (await JoinAsync(usCode, "Late")).ErrorCode();
            case "GameNotEnded":
                return (await connection.CallAsync("getEndScreen", new { token = player })).ErrorCode();
            case "NotClassWide":
                return (await connection.CallAsync("instructClass", new { token = instructor, commandId = Guid.NewGuid(), command = new { type = "processNow" } })).ErrorCode();
            case "Forbidden":
                var spectator = created.GetProperty("spectatorTokens").GetProperty(gameId!).GetString();
                return (await connection.CallAsync("act", new { token = spectator, commandId = Guid.NewGuid(), command = new { type = "walkAway" } })).ErrorCode();
            case "DuplicateCommandId":
                var id = Guid.NewGuid();
                (await connection.CallAsync("act", new { token = player, commandId = id, command = new { type = "statement", text = "first" } })).Ok();
                return (await connection.CallAsync("act", new { token = player, commandId = id, command = new { type = "statement", text = "second" } })).ErrorCode();
            case "Conflict":
                server.LoseNextAppend(gameId!);
                return (await connection.CallAsync("act", new { token = player, commandId = Guid.NewGuid(), command = new { type = "statement", text = "raced" } })).ErrorCode();
            default:
                return $"no way to produce {code}";
        }
    }
}

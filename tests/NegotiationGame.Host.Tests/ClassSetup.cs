using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace NegotiationGame.Host.Tests;

/// <summary>A started one-game class with a student playing the US (bots play the rest), for the fan-out tests.</summary>
internal sealed record ClassSetup(string GameId, string InstructorToken, string SpectatorToken, string UsToken)
{
    public static async Task<ClassSetup> StartAsync(HubConnection connection, int spectatorDelaySeconds)
    {
        var created = (await connection.CallAsync("createClass", new { games = 1, spectatorDelaySeconds })).Ok();
        var classId = created.GetProperty("classId").GetString();
        var gameId = created.GetProperty("gameIds")[0].GetString()!;
        var instructor = created.GetProperty("instructorToken").GetString()!;
        var usCode = created.GetProperty("joinCodes").EnumerateArray().Single(c => c.GetProperty("partyId").GetString() == "us").GetProperty("code").GetString();
        var us = (await connection.CallAsync("joinClass", new { classId, code = usCode, name = "Ada" })).Ok().GetProperty("token").GetString()!;
        (await connection.CallAsync("startClass", new { token = instructor, bots = "linear" })).Ok();
        return new ClassSetup(gameId, instructor, created.GetProperty("spectatorTokens").GetProperty(gameId).GetString()!, us);
    }

    public async Task<long> StatementAsync(HubConnection connection, string text) =>
        (await connection.CallAsync("act", new { token = UsToken, commandId = Guid.NewGuid(), command = new { type = "statement", text } })).Ok().GetProperty("lastSequence").GetInt64();

    public async Task<long> InstructAsync(HubConnection connection, object command) =>
        (await connection.CallAsync("instruct", new { token = InstructorToken, gameId = GameId, command })).Ok().GetProperty("lastSequence").GetInt64();

    public static IEnumerable<long> Through(long first, long last) => Enumerable.Range((int)first, (int)(last - first + 1)).Select(n => (long)n);

    public static bool Contains(IEnumerable<JsonElement> frames, string text) => frames.Any(frame => frame.GetRawText().Contains(text, StringComparison.Ordinal));
}

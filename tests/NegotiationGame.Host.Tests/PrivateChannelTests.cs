using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests;

/// <summary>A private call between two parties: its words reach them and the instructor, and nobody else before the reveal.</summary>
public sealed class PrivateChannelTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Secret = "Meet me in Riyadh; forget the Europeans.";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly string[] UsAndRussia = ["us", "russia"];

    [Fact]
    public async Task Spectators_and_other_parties_see_only_that_a_channel_is_active_until_the_game_ends()
    {
        await using var setup = await server.ConnectAsync();
        var created = (await setup.CallAsync("createClass", new { games = 1 })).Ok();
        var classId = created.GetProperty("classId").GetString();
        var gameId = created.GetProperty("gameIds")[0].GetString()!;
        var instructorToken = created.GetProperty("instructorToken").GetString();
        string Code(string party) => created.GetProperty("joinCodes").EnumerateArray().Single(c => c.GetProperty("partyId").GetString() == party).GetProperty("code").GetString()!;
        var tokens = new Dictionary<string, string>();
        foreach (var party in new[] { "us", "russia", "ukraine" })
        {
            tokens[party] = (await setup.CallAsync("joinClass", new { classId, code = Code(party), name = party })).Ok().GetProperty("token").GetString()!;
        }

        (await setup.CallAsync("startClass", new { token = instructorToken, bots = "linear" })).Ok();
        var watchers = new Dictionary<string, WatchedGame>
        {
            ["us"] = await WatchedGame.WatchAsync(server, tokens["us"], gameId),
            ["russia"] = await WatchedGame.WatchAsync(server, tokens["russia"], gameId),
            ["ukraine"] = await WatchedGame.WatchAsync(server, tokens["ukraine"], gameId),
            ["instructor"] = await WatchedGame.WatchAsync(server, instructorToken!, gameId),
            ["spectator"] = await WatchedGame.WatchAsync(server, created.GetProperty("spectatorTokens").GetProperty(gameId).GetString()!, gameId),
        };

        (await watchers["us"].Connection.CallAsync("act", new { token = tokens["us"], commandId = Guid.NewGuid(), command = new { type = "message", channel = UsAndRussia, text = Secret } })).Ok();
        (await watchers["us"].Connection.CallAsync("act", new { token = tokens["us"], commandId = Guid.NewGuid(), command = new { type = "statement", text = "We seek peace." } })).Ok();

        foreach (var reader in new[] { "us", "russia", "instructor" })
        {
            var message = await watchers[reader].WaitForAsync("MessageSent", Patience);
            Assert.Equal(Secret, message.GetProperty("data").GetProperty("text").GetString());
        }

        foreach (var outsider in new[] { "ukraine", "spectator" })
        {
            var active = await watchers[outsider].WaitForAsync("ChannelActive", Patience);
            Assert.Equal(UsAndRussia, active.GetProperty("data").GetProperty("channel").EnumerateArray().Select(p => p.GetString()));
            await watchers[outsider].WaitForAsync("StatementMade", Patience);
            Assert.DoesNotContain(watchers[outsider].Raw, frame => frame.Contains("Riyadh", StringComparison.Ordinal));
            Assert.DoesNotContain(watchers[outsider].Raw, frame => frame.Contains("MessageSent", StringComparison.Ordinal));
        }

        // A late spectator catching up reads the same redacted history...
        await using var late = await WatchedGame.WatchAsync(server, created.GetProperty("spectatorTokens").GetProperty(gameId).GetString()!, gameId);
        Assert.DoesNotContain(late.CatchUp, frame => frame.Contains("Riyadh", StringComparison.Ordinal));

        // ...until the game ends: then the channel is revealed.
        (await setup.CallAsync("instruct", new { token = instructorToken, gameId, command = new { type = "end" } })).Ok();
        await watchers["spectator"].WaitForAsync("GameEnded", Patience);
        await using var afterwards = await WatchedGame.WatchAsync(server, created.GetProperty("spectatorTokens").GetProperty(gameId).GetString()!, gameId);
        Assert.Contains(afterwards.CatchUp, frame => frame.Contains(Secret, StringComparison.Ordinal));

        foreach (var watcher in watchers.Values)
        {
            await watcher.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_instructor_who_keeps_channels_private_keeps_them_private_after_the_end_too()
    {
        await using var connection = await server.ConnectAsync();
        var created = (await connection.CallAsync("createClass", new { games = 1 })).Ok();
        var classId = created.GetProperty("classId").GetString();
        var gameId = created.GetProperty("gameIds")[0].GetString()!;
        var instructor = created.GetProperty("instructorToken").GetString()!;
        var usCode = created.GetProperty("joinCodes").EnumerateArray().Single(c => c.GetProperty("partyId").GetString() == "us").GetProperty("code").GetString();
        var us = (await connection.CallAsync("joinClass", new { classId, code = usCode, name = "Ada" })).Ok().GetProperty("token").GetString();
        (await connection.CallAsync("startClass", new { token = instructor, bots = "linear" })).Ok();
        var policy = (await connection.CallAsync("setRevealPolicy", new { token = instructor, revealPrivateAfterEnd = false })).Ok();
        Assert.False(policy.GetProperty("class").GetProperty("revealPrivateAfterEnd").GetBoolean());
        Assert.Equal("Forbidden", (await connection.CallAsync("setRevealPolicy", new { token = us, revealPrivateAfterEnd = true })).ErrorCode());

        (await connection.CallAsync("act", new { token = us, commandId = Guid.NewGuid(), command = new { type = "message", channel = UsAndRussia, text = Secret } })).Ok();
        (await connection.CallAsync("instruct", new { token = instructor, gameId, command = new { type = "end" } })).Ok();

        await using var spectator = await WatchedGame.WatchAsync(server, created.GetProperty("spectatorTokens").GetProperty(gameId).GetString()!, gameId);
        await using var teacher = await WatchedGame.WatchAsync(server, instructor, gameId);
        Assert.DoesNotContain(spectator.CatchUp, frame => frame.Contains(Secret, StringComparison.Ordinal));
        Assert.Contains(spectator.CatchUp, frame => frame.Contains("ChannelActive", StringComparison.Ordinal));
        Assert.Contains(teacher.CatchUp, frame => frame.Contains(Secret, StringComparison.Ordinal));
    }
}

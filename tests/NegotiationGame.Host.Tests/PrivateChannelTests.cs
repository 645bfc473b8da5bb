using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

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
        var watchers = new Dictionary<string, Frames>
        {
            ["us"] = await Frames.WatchAsync(server, tokens["us"], gameId),
            ["russia"] = await Frames.WatchAsync(server, tokens["russia"], gameId),
            ["ukraine"] = await Frames.WatchAsync(server, tokens["ukraine"], gameId),
            ["instructor"] = await Frames.WatchAsync(server, instructorToken!, gameId),
            ["spectator"] = await Frames.WatchAsync(server, created.GetProperty("spectatorTokens").GetProperty(gameId).GetString()!, gameId),
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
        await using var late = await Frames.WatchAsync(server, created.GetProperty("spectatorTokens").GetProperty(gameId).GetString()!, gameId);
        Assert.DoesNotContain(late.CatchUp, frame => frame.Contains("Riyadh", StringComparison.Ordinal));

        // ...until the game ends: then the channel is revealed.
        (await setup.CallAsync("instruct", new { token = instructorToken, gameId, command = new { type = "end" } })).Ok();
        await watchers["spectator"].WaitForAsync("GameEnded", Patience);
        await using var afterwards = await Frames.WatchAsync(server, created.GetProperty("spectatorTokens").GetProperty(gameId).GetString()!, gameId);
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

        await using var spectator = await Frames.WatchAsync(server, created.GetProperty("spectatorTokens").GetProperty(gameId).GetString()!, gameId);
        await using var teacher = await Frames.WatchAsync(server, instructor, gameId);
        Assert.DoesNotContain(spectator.CatchUp, frame => frame.Contains(Secret, StringComparison.Ordinal));
        Assert.Contains(spectator.CatchUp, frame => frame.Contains("ChannelActive", StringComparison.Ordinal));
        Assert.Contains(teacher.CatchUp, frame => frame.Contains(Secret, StringComparison.Ordinal));
    }

    /// <summary>A connection watching a game: what its watch call caught up on, and every frame pushed to it since.</summary>
    private sealed class Frames : IAsyncDisposable
    {
        private Frames(HubConnection connection)
        {
            Connection = connection;
            Pushed = new ReceivedMessages(connection);
        }

        public HubConnection Connection { get; }

        public ReceivedMessages Pushed { get; }

        public List<string> CatchUp { get; private set; } = [];

        public List<string> Raw => [.. Pushed.All.Select(e => e.GetRawText()), .. CatchUp];

        public static async Task<Frames> WatchAsync(ServerFixture server, string token, string gameId)
        {
            var frames = new Frames(await server.ConnectAsync());
            var watched = (await frames.Connection.CallAsync("watch", new { token, gameId, afterSequence = 0 })).Ok();
            frames.CatchUp = [.. watched.GetProperty("events").EnumerateArray().Select(e => e.GetRawText())];
            return frames;
        }

        public Task<JsonElement> WaitForAsync(string type, TimeSpan timeout) => Pushed.WaitForTypeAsync(type, timeout);

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }
}

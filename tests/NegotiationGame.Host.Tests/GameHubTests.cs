using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace NegotiationGame.Host.Tests;

public sealed class GameHubTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly string[] Parties = ["us", "russia", "ukraine", "eu"];
    private static readonly string[] ToUkraine = ["ukraine"];

    [Fact]
    public async Task Four_players_play_a_game_from_joining_to_the_debrief_and_everyone_sees_it_live()
    {
        await using var instructor = await server.ConnectAsync();
        var created = (await instructor.CallAsync("createClass", new { title = "Seminar", scenario = "ukraine-2025", games = 1 })).Ok();
        var classId = created.GetProperty("classId").GetString()!;
        var instructorToken = created.GetProperty("instructorToken").GetString()!;
        var gameId = created.GetProperty("gameIds")[0].GetString()!;

        var players = new Dictionary<string, (HubConnection Connection, string Token, ReceivedMessages Inbox)>();
        foreach (var party in Parties)
        {
            var code = created.GetProperty("joinCodes").EnumerateArray().Single(c => c.GetProperty("partyId").GetString() == party).GetProperty("code").GetString();
            var connection = await server.ConnectAsync();
            var joined = (await connection.CallAsync("joinClass", new { classId, code, name = $"Student {party}" })).Ok();
            Assert.Equal(party, joined.GetProperty("partyId").GetString());
            players[party] = (connection, joined.GetProperty("token").GetString()!, new ReceivedMessages(connection));
        }

        var started = (await instructor.CallAsync("startClass", new { token = instructorToken, bots = "conceder" })).Ok();
        Assert.Empty(started.GetProperty("class").GetProperty("bots").EnumerateObject());
        await using var spectator = await server.ConnectAsync();
        var spectatorInbox = new ReceivedMessages(spectator);
        (await spectator.CallAsync("watch", new { token = created.GetProperty("spectatorTokens").GetProperty(gameId).GetString(), gameId, afterSequence = 0 })).Ok();
        foreach (var (_, (connection, token, _)) in players)
        {
            (await connection.CallAsync("watch", new { token, gameId, afterSequence = 0 })).Ok();
        }

        var us = players["us"];
        (await us.Connection.CallAsync("act", new { token = us.Token, commandId = Guid.NewGuid(), command = new { type = "table", package = new { minerals = "share-25", security = "european-force" }, addressees = ToUkraine } })).Ok();
        var tabled = await players["ukraine"].Inbox.WaitForTypeAsync("OfferTabled", Patience);
        Assert.Equal("share-25", tabled.GetProperty("data").GetProperty("package").GetProperty("minerals").GetString());

        var ukraine = players["ukraine"];
        var view = (await ukraine.Connection.CallAsync("getView", new { token = ukraine.Token })).Ok();
        var offer = Assert.Single(view.GetProperty("view").GetProperty("inbox").EnumerateArray());
        Assert.True(offer.GetProperty("needsMyAnswer").GetBoolean());
        Assert.Equal(10, view.GetProperty("scenario").GetProperty("issues").GetArrayLength());
        (await ukraine.Connection.CallAsync("act", new { token = ukraine.Token, commandId = Guid.NewGuid(), command = new { type = "accept", offerId = 1 } })).Ok();
        await spectatorInbox.WaitForTypeAsync("AgreementConcluded", Patience);

        for (var round = 0; round < 6; round++)
        {
            (await instructor.CallAsync("instruct", new { token = instructorToken, gameId, command = new { type = "processNow" } })).Ok();
        }

        var ended = await spectatorInbox.WaitForTypeAsync("GameEnded", Patience);
        Assert.Equal("deadline", ended.GetProperty("data").GetProperty("reason").GetString());
        var overview = (await instructor.CallAsync("getClass", new { token = instructorToken })).Ok();
        Assert.Equal("Ended", overview.GetProperty("games")[0].GetProperty("phase").GetString());
        var debrief = (await instructor.CallAsync("getDebrief", new { token = instructorToken, gameId })).Ok();
        // Security with a European force waits for the EU's signature: only minerals binds.
        Assert.Equal(["minerals"], debrief.GetProperty("outcome").GetProperty("binding").EnumerateObject().Select(p => p.Name));
        Assert.Single(debrief.GetProperty("offers").EnumerateArray());
        foreach (var (_, (connection, _, inbox)) in players)
        {
            await inbox.WaitForTypeAsync("GameEnded", Patience);
            Assert.Equal(inbox.Sequences.Distinct().Count(), inbox.Sequences.Count);
            await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_call_is_authorised_from_the_token_alone()
    {
        await using var connection = await server.ConnectAsync();
        var first = (await connection.CallAsync("createClass", new { games = 2 })).Ok();
        var other = (await connection.CallAsync("createClass", new { games = 1 })).Ok();
        var classId = first.GetProperty("classId").GetString()!;
        var game1 = first.GetProperty("gameIds")[0].GetString()!;
        var game2 = first.GetProperty("gameIds")[1].GetString()!;
        var usCode = first.GetProperty("joinCodes").EnumerateArray().First(c => c.GetProperty("gameId").GetString() == game1 && c.GetProperty("partyId").GetString() == "us").GetProperty("code").GetString();
        var player = (await connection.CallAsync("joinClass", new { classId, code = usCode, name = "Ada" })).Ok().GetProperty("token").GetString();
        var spectator = first.GetProperty("spectatorTokens").GetProperty(game1).GetString();
        var instructor = first.GetProperty("instructorToken").GetString();
        var otherInstructor = other.GetProperty("instructorToken").GetString();
        Assert.Equal("GameNotFound", (await connection.CallAsync("getView", new { token = player })).ErrorCode());
        (await connection.CallAsync("startClass", new { token = instructor, bots = "linear" })).Ok();
        var accept = new { type = "accept", offerId = 1 };

        Assert.Equal("Unauthorized", (await connection.CallAsync("act", new { commandId = Guid.NewGuid(), command = accept })).ErrorCode());
        Assert.Equal("Unauthorized", (await connection.CallAsync("act", new { token = "forged", commandId = Guid.NewGuid(), command = accept })).ErrorCode());
        Assert.Equal("Forbidden", (await connection.CallAsync("act", new { token = spectator, commandId = Guid.NewGuid(), command = accept })).ErrorCode());
        Assert.Equal("Forbidden", (await connection.CallAsync("instruct", new { token = player, gameId = game1, command = new { type = "processNow" } })).ErrorCode());
        Assert.Equal("Forbidden", (await connection.CallAsync("instruct", new { token = otherInstructor, gameId = game1, command = new { type = "end" } })).ErrorCode());
        Assert.Equal("Forbidden", (await connection.CallAsync("watch", new { token = player, gameId = game2 })).ErrorCode());
        Assert.Equal("Forbidden", (await connection.CallAsync("watch", new { token = spectator, gameId = game2 })).ErrorCode());
        Assert.Equal("Forbidden", (await connection.CallAsync("getView", new { token = spectator })).ErrorCode());
        Assert.Equal("Forbidden", (await connection.CallAsync("startClass", new { token = player })).ErrorCode());

        // A player cannot name another party: the party comes from its token, whatever the request says.
        var asRussia = (await connection.CallAsync("act", new { token = player, partyId = "russia", gameId = game2, commandId = Guid.NewGuid(), command = new { type = "walkAway" } })).Ok();
        // The bots answer the walk-out in the same turn, so read the game's whole log, not only its last entries.
        Assert.True(asRussia.GetProperty("lastSequence").GetInt64() > 0);
        var watched = (await connection.CallAsync("watch", new { token = player, gameId = game1, afterSequence = 0 })).Ok();
        var walked = watched.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "PartyWalkedAway");
        Assert.Equal("us", walked.GetProperty("data").GetProperty("party").GetString());

        // The instructor may act for any party of its class (teacher sandbox).
        (await connection.CallAsync("act", new { token = instructor, gameId = game2, partyId = "eu", commandId = Guid.NewGuid(), command = new { type = "walkAway" } })).Ok();
    }

    [Fact]
    public async Task A_client_whose_connection_dropped_gets_exactly_the_events_it_missed_and_then_the_live_ones()
    {
        await using var connection = await server.ConnectAsync();
        var created = (await connection.CallAsync("createClass", new { games = 1 })).Ok();
        var instructor = created.GetProperty("instructorToken").GetString();
        var gameId = created.GetProperty("gameIds")[0].GetString();
        var spectatorToken = created.GetProperty("spectatorTokens").GetProperty(gameId!).GetString();
        (await connection.CallAsync("startClass", new { token = instructor, bots = "conceder" })).Ok();
        await using var watcher = await server.ConnectAsync();
        var live = new ReceivedMessages(watcher);
        var first = (await watcher.CallAsync("watch", new { token = spectatorToken, gameId, afterSequence = 0 })).Ok();
        var lastSeen = first.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).Max();

        // The socket drops while three rounds go by.
        await watcher.StopAsync();
        for (var round = 0; round < 3; round++)
        {
            (await connection.CallAsync("instruct", new { token = instructor, gameId, command = new { type = "processNow" } })).Ok();
        }

        await watcher.StartAsync();
        var missed = (await watcher.CallAsync("watch", new { token = spectatorToken, gameId, afterSequence = lastSeen })).Ok();
        (await connection.CallAsync("instruct", new { token = instructor, gameId, command = new { type = "news", headline = "Back online", body = "" } })).Ok();
        var news = await live.WaitForTypeAsync("NewsInjected", Patience);

        var caughtUp = missed.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range((int)lastSeen + 1, caughtUp.Count).Select(n => (long)n), caughtUp);
        Assert.Equal(missed.GetProperty("summary").GetProperty("lastSequence").GetInt64(), caughtUp[^1]);
        Assert.Equal(caughtUp[^1] + 1, news.GetProperty("sequence").GetInt64());
        Assert.DoesNotContain(live.Sequences, sequence => sequence > lastSeen && sequence <= caughtUp[^1]);
    }
}

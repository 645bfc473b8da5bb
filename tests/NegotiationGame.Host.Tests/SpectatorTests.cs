
namespace NegotiationGame.Host.Tests;

public sealed class SpectatorTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Spectators_watch_behind_the_live_game_by_the_classes_delay()
    {
        await using var connection = await server.ConnectAsync();
        var created = (await connection.CallAsync("createClass", new { games = 1, spectatorDelaySeconds = 3 })).Ok();
        var classId = created.GetProperty("classId").GetString();
        var gameId = created.GetProperty("gameIds")[0].GetString()!;
        var usCode = created.GetProperty("joinCodes").EnumerateArray().Single(c => c.GetProperty("partyId").GetString() == "us").GetProperty("code").GetString();
        var us = (await connection.CallAsync("joinClass", new { classId, code = usCode, name = "Ada" })).Ok().GetProperty("token").GetString();
        (await connection.CallAsync("startClass", new { token = created.GetProperty("instructorToken").GetString(), bots = "boulware" })).Ok();
        var spectatorToken = created.GetProperty("spectatorTokens").GetProperty(gameId).GetString();
        await using var spectator = await server.ConnectAsync();
        var spectatorFeed = new ReceivedMessages(spectator);
        (await spectator.CallAsync("watch", new { token = spectatorToken, gameId })).Ok();
        await using var player = await server.ConnectAsync();
        var playerFeed = new ReceivedMessages(player);
        (await player.CallAsync("watch", new { token = us, gameId })).Ok();

        (await player.CallAsync("act", new { token = us, commandId = Guid.NewGuid(), command = new { type = "statement", text = "Live from Washington." } })).Ok();
        await playerFeed.WaitForAsync(m => m.GetProperty("type").GetString() == "StatementMade", Patience);

        // The player has it; the spectators do not yet, live or catching up...
        Assert.DoesNotContain(spectatorFeed.All, m => m.GetProperty("type").GetString() == "StatementMade");
        await using var late = await server.ConnectAsync();
        var catchUp = (await late.CallAsync("watch", new { token = spectatorToken, gameId })).Ok();
        Assert.DoesNotContain(catchUp.GetProperty("events").EnumerateArray(), e => e.GetProperty("type").GetString() == "StatementMade");
        Assert.Equal(3, catchUp.GetProperty("spectatorDelaySeconds").GetDouble());

        // ...and get it once the delay has passed.
        await spectatorFeed.WaitForAsync(m => m.GetProperty("type").GetString() == "StatementMade", Patience);
    }

    [Fact]
    public async Task Everyone_in_the_game_sees_a_live_count_of_spectators()
    {
        await using var connection = await server.ConnectAsync();
        var created = (await connection.CallAsync("createClass", new { games = 1 })).Ok();
        var gameId = created.GetProperty("gameIds")[0].GetString()!;
        var instructor = created.GetProperty("instructorToken").GetString();
        (await connection.CallAsync("startClass", new { token = instructor, bots = "linear" })).Ok();
        var counts = new ReceivedMessages(connection, "spectators");
        (await connection.CallAsync("watch", new { token = instructor, gameId })).Ok();
        var spectatorToken = created.GetProperty("spectatorTokens").GetProperty(gameId).GetString();

        var first = await server.ConnectAsync();
        (await first.CallAsync("watch", new { token = spectatorToken, gameId })).Ok();
        await using var second = await server.ConnectAsync();
        (await second.CallAsync("watch", new { token = spectatorToken, gameId })).Ok();
        await counts.WaitForAsync(m => m.GetProperty("count").GetInt32() == 2, Patience);

        await first.DisposeAsync();

        await counts.WaitForAsync(m => m.GetProperty("count").GetInt32() == 1 && counts.All.Count >= 3, Patience);
        var summary = (await connection.CallAsync("watch", new { token = instructor, gameId, afterSequence = 1_000 })).Ok().GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("spectators").GetInt32());
    }

    [Fact]
    public async Task The_spectator_delay_is_bounded()
    {
        await using var connection = await server.ConnectAsync();

        Assert.Equal("InvalidRequest", (await connection.CallAsync("createClass", new { games = 1, spectatorDelaySeconds = -5 })).ErrorCode());
        Assert.Equal("InvalidRequest", (await connection.CallAsync("createClass", new { games = 1, spectatorDelaySeconds = 86_400 })).ErrorCode());
    }
}

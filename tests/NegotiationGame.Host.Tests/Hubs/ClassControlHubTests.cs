using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace NegotiationGame.Host.Tests.Hubs;

/// <summary>instructClass and startClass's untimed briefing over real SignalR: each game's result, typed refusals, idempotence.</summary>
public sealed class ClassControlHubTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_class_wide_pause_answers_for_every_game_and_the_same_commandId_again_changes_nothing()
    {
        await using var connection = await server.ConnectAsync();
        var (instructor, gameIds) = await StartedClassAsync(connection, games: 2, untimedBriefing: false);
        var commandId = Guid.NewGuid();

        var paused = (await connection.CallAsync("instructClass", new { token = instructor, commandId, command = new { type = "pause" } })).Ok();
        var again = (await connection.CallAsync("instructClass", new { token = instructor, commandId, command = new { type = "pause" } })).Ok();
        var overview = (await connection.CallAsync("getClass", new { token = instructor })).Ok();

        Assert.Equal(gameIds, Games(paused).Select(game => game.GetProperty("gameId").GetString()!).Order().ToArray());
        Assert.All(Games(paused), game => Assert.True(game.GetProperty("ok").GetBoolean()));
        Assert.Equal(Games(paused).Select(LastSequence), Games(again).Select(LastSequence));
        Assert.All(overview.GetProperty("games").EnumerateArray(), game => Assert.True(game.GetProperty("paused").GetBoolean()));

        var refused = (await connection.CallAsync("instructClass", new { token = instructor, commandId = Guid.NewGuid(), command = new { type = "pause" } })).Ok();
        Assert.All(Games(refused), game => Assert.Equal("ClockAlreadyPaused", game.GetProperty("error").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Class_wide_news_reaches_every_game_and_refusals_are_typed()
    {
        await using var connection = await server.ConnectAsync();
        var created = (await connection.CallAsync("createClass", new { games = 2, roundSeconds = 600 })).Ok();
        var instructor = created.GetProperty("instructorToken").GetString()!;

        var early = await connection.CallAsync("instructClass", new { token = instructor, commandId = Guid.NewGuid(), command = new { type = "pause" } });
        (await connection.CallAsync("startClass", new { token = instructor, bots = "linear" })).Ok();
        var news = (await connection.CallAsync("instructClass", new { token = instructor, commandId = Guid.NewGuid(), command = new { type = "news", headline = "Summit moved", body = "Now in Vienna." } })).Ok();
        var end = await connection.CallAsync("instructClass", new { token = instructor, commandId = Guid.NewGuid(), command = new { type = "end" } });
        var noId = await connection.CallAsync("instructClass", new { token = instructor, commandId = Guid.Empty, command = new { type = "pause" } });
        var stranger = await connection.CallAsync("instructClass", new { token = "not-a-token", commandId = Guid.NewGuid(), command = new { type = "pause" } });

        Assert.Equal("ClassNotStarted", early.ErrorCode());
        Assert.All(Games(news), game => Assert.True(game.GetProperty("ok").GetBoolean()));
        Assert.Equal("NotClassWide", end.ErrorCode());
        Assert.Equal("InvalidRequest", noId.ErrorCode());
        Assert.Equal("Unauthorized", stranger.ErrorCode());
        foreach (var gameId in created.GetProperty("gameIds").EnumerateArray().Select(id => id.GetString()))
        {
            var watched = (await connection.CallAsync("watch", new { token = instructor, gameId })).Ok();
            Assert.Contains(watched.GetProperty("events").EnumerateArray(), e => e.GetRawText().Contains("Summit moved", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task An_untimed_briefing_has_no_deadline_until_the_instructor_starts_the_negotiation_in_every_game()
    {
        await using var connection = await server.ConnectAsync();
        var (instructor, _) = await StartedClassAsync(connection, games: 2, untimedBriefing: true);

        var briefing = (await connection.CallAsync("getClass", new { token = instructor })).Ok();
        var extend = (await connection.CallAsync("instructClass", new { token = instructor, commandId = Guid.NewGuid(), command = new { type = "extend", seconds = 90 } })).Ok();
        (await connection.CallAsync("instructClass", new { token = instructor, commandId = Guid.NewGuid(), command = new { type = "startNegotiation" } })).Ok();
        var running = (await connection.CallAsync("getClass", new { token = instructor })).Ok();

        Assert.All(briefing.GetProperty("games").EnumerateArray(), game =>
        {
            Assert.Equal("Briefing", game.GetProperty("phase").GetString());
            Assert.Equal(JsonValueKind.Null, game.GetProperty("deadline").ValueKind);
        });
        Assert.All(Games(extend), game => Assert.Equal("NoDeadline", game.GetProperty("error").GetProperty("code").GetString()));
        Assert.All(running.GetProperty("games").EnumerateArray(), game => Assert.Equal(("Negotiation", 1), (game.GetProperty("phase").GetString(), game.GetProperty("round").GetInt32())));
    }

    private static async Task<(string Instructor, string[] GameIds)> StartedClassAsync(HubConnection connection, int games, bool untimedBriefing)
    {
        var created = (await connection.CallAsync("createClass", new { games, briefingSeconds = 300, roundSeconds = 600 })).Ok();
        var instructor = created.GetProperty("instructorToken").GetString()!;
        (await connection.CallAsync("startClass", new { token = instructor, bots = "linear", untimedBriefing })).Ok();
        return (instructor, [.. created.GetProperty("gameIds").EnumerateArray().Select(id => id.GetString()!).Order()]);
    }

    private static JsonElement.ArrayEnumerator Games(JsonElement result) => result.GetProperty("games").EnumerateArray();

    private static long LastSequence(JsonElement game) => game.GetProperty("lastSequence").GetInt64();
}

using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.Hubs;

/// <summary>News scheduled class-wide over real SignalR: only the instructor reads what waits, everyone reads it when its round begins.</summary>
public sealed class ScheduledNewsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Headline = "Pipeline damaged";
    private const string TakenBack = "Ceasefire collapses";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Waiting_news_is_withheld_from_players_and_spectators_until_its_round_begins()
    {
        await using var setup = await server.ConnectAsync();
        var created = (await setup.CallAsync("createClass", new { games = 2 })).Ok();
        var classId = created.GetProperty("classId").GetString();
        var instructor = created.GetProperty("instructorToken").GetString()!;
        var usCode = created.GetProperty("joinCodes").EnumerateArray()
            .First(code => code.GetProperty("partyId").GetString() == "us").GetProperty("code").GetString();
        var gameId = created.GetProperty("joinCodes").EnumerateArray()
            .First(code => code.GetProperty("partyId").GetString() == "us").GetProperty("gameId").GetString()!;
        var us = (await setup.CallAsync("joinClass", new { classId, code = usCode, name = "Ada" })).Ok().GetProperty("token").GetString()!;
        (await setup.CallAsync("startClass", new { token = instructor, bots = "linear" })).Ok();

        await using var player = await WatchedGame.WatchAsync(server, us, gameId);
        await using var spectator = await WatchedGame.WatchAsync(server, created.GetProperty("spectatorTokens").GetProperty(gameId).GetString()!, gameId);
        await using var teacher = await WatchedGame.WatchAsync(server, instructor, gameId);

        var scheduled = (await setup.CallAsync("instructClass", new
        {
            token = instructor, commandId = Guid.NewGuid(), command = new { type = "scheduleNews", round = 2, headline = Headline, body = "Gas stops flowing west." },
        })).Ok();
        (await setup.CallAsync("instruct", new { token = instructor, gameId, command = new { type = "scheduleNews", round = 2, headline = TakenBack, body = "Never shown." } })).Ok();
        (await setup.CallAsync("instruct", new { token = instructor, gameId, command = new { type = "cancelScheduledNews", round = 2, headline = TakenBack } })).Ok();
        var again = await setup.CallAsync("instruct", new { token = instructor, gameId, command = new { type = "cancelScheduledNews", round = 2, headline = TakenBack } });
        var late = await setup.CallAsync("instruct", new { token = instructor, gameId, command = new { type = "scheduleNews", round = 1, headline = "Late", body = "" } });
        var fromPlayer = await setup.CallAsync("instruct", new { token = us, gameId, command = new { type = "scheduleNews", round = 3, headline = "Fake", body = "" } });

        Assert.All(Games(scheduled), game => Assert.True(game.GetProperty("ok").GetBoolean()));
        Assert.Equal("ScheduledNewsNotFound", again.ErrorCode());
        Assert.Equal("InvalidSchedule", late.ErrorCode());
        Assert.Equal("Forbidden", fromPlayer.ErrorCode());
        var cancelled = await teacher.WaitForAsync("ScheduledNewsCancelled", Patience);
        var cancelledAt = cancelled.GetProperty("sequence").GetInt64();
        Assert.Contains(teacher.Raw, frame => frame.Contains(Headline, StringComparison.Ordinal));
        foreach (var outsider in new[] { player, spectator })
        {
            // At the cancellation's own sequence number, in place of it; before it, the class-wide schedule and the game's own.
            await outsider.Pushed.WaitForAsync(frame => frame.GetProperty("sequence").GetInt64() == cancelledAt && frame.GetProperty("type").GetString() == "Withheld", Patience);
            Assert.Equal(3, outsider.Pushed.All.Count(frame => frame.GetProperty("type").GetString() == "Withheld"));
            Assert.DoesNotContain(outsider.Raw, frame => frame.Contains(Headline, StringComparison.Ordinal) || frame.Contains(TakenBack, StringComparison.Ordinal));
        }

        (await setup.CallAsync("instruct", new { token = instructor, gameId, command = new { type = "processNow" } })).Ok();

        foreach (var reader in new[] { player, spectator, teacher })
        {
            var published = await reader.WaitForAsync("NewsInjected", Patience);
            Assert.Equal(Headline, published.GetProperty("data").GetProperty("headline").GetString());
        }

        await using var latecomer = await WatchedGame.WatchAsync(server, created.GetProperty("spectatorTokens").GetProperty(gameId).GetString()!, gameId);
        Assert.Equal(3, latecomer.CatchUp.Count(frame => frame.Contains("\"Withheld\"", StringComparison.Ordinal)));
        Assert.Single(latecomer.CatchUp, frame => frame.Contains(Headline, StringComparison.Ordinal));
        Assert.DoesNotContain(latecomer.CatchUp, frame => frame.Contains(TakenBack, StringComparison.Ordinal));
    }

    private static System.Text.Json.JsonElement.ArrayEnumerator Games(System.Text.Json.JsonElement result) => result.GetProperty("games").EnumerateArray();
}

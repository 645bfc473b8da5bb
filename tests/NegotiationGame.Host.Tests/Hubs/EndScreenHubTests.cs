using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace NegotiationGame.Host.Tests.Hubs;

/// <summary>
/// getEndScreen over real SignalR: nothing of the other parties before the player's game ends, their briefings after
/// it only as the instructor's policy allows, and the class comparison without any game's messages.
/// </summary>
public sealed class EndScreenHubTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string GameOneSecret = "Our back channel stays between us, Moscow.";
    private const string GameTwoSecret = "Tell nobody in game two about the pipeline.";
    private static readonly string[] UsAndRussia = ["us", "russia"];

    [Fact]
    public async Task Before_the_end_the_player_is_refused_and_after_it_reads_the_others_briefings_and_the_frontier()
    {
        await using var connection = await server.ConnectAsync();
        var table = await Table.StartAsync(connection, games: 1);
        var russiaBriefing = await Table.BriefingAsync(connection, table.Players[(0, "russia")]);
        Assert.False(string.IsNullOrWhiteSpace(russiaBriefing));

        var early = await connection.CallAsync("getEndScreen", new { token = table.Players[(0, "us")] });
        Assert.Equal("GameNotEnded", early.ErrorCode());
        Assert.DoesNotContain(Texts(early), text => text.Contains(russiaBriefing, StringComparison.Ordinal));

        await table.EndAsync(connection, 0);
        var screen = (await connection.CallAsync("getEndScreen", new { token = table.Players[(0, "us")] })).Ok();
        var scores = await table.ScoresAsync(connection, 0);

        Assert.Equal("us", screen.GetProperty("partyId").GetString());
        Assert.Equal(scores["us"], screen.GetProperty("score").GetDouble(), 6);
        Assert.Equal(await Table.ReservationAsync(connection, table.Players[(0, "us")]), screen.GetProperty("reservation").GetDouble(), 6);
        Assert.True(screen.GetProperty("revealed").GetBoolean());
        var others = screen.GetProperty("others").EnumerateArray().ToDictionary(other => other.GetProperty("partyId").GetString()!);
        Assert.DoesNotContain("us", others.Keys);
        Assert.Equal(russiaBriefing, others["russia"].GetProperty("briefing").GetString());
        Assert.Equal(await Table.ReservationAsync(connection, table.Players[(0, "russia")]), others["russia"].GetProperty("reservation").GetDouble(), 6);
        var analysis = screen.GetProperty("analysis");
        Assert.NotEmpty(analysis.GetProperty("frontier").EnumerateArray());
        Assert.Equal(JsonValueKind.Object, analysis.GetProperty("nash").ValueKind);
    }

    [Fact]
    public async Task With_briefings_kept_closed_the_ended_game_shows_only_the_players_own_figures()
    {
        await using var connection = await server.ConnectAsync();
        var table = await Table.StartAsync(connection, games: 1);
        var russiaBriefing = await Table.BriefingAsync(connection, table.Players[(0, "russia")]);
        var policy = (await connection.CallAsync("setRevealPolicy", new { token = table.Instructor, revealPrivateAfterEnd = true, revealBriefingsAfterEnd = false })).Ok();
        Assert.False(policy.GetProperty("class").GetProperty("revealBriefingsAfterEnd").GetBoolean());
        Assert.Equal("Forbidden", (await connection.CallAsync("setRevealPolicy", new { token = table.Players[(0, "us")], revealPrivateAfterEnd = true, revealBriefingsAfterEnd = true })).ErrorCode());

        await table.EndAsync(connection, 0);
        var screen = (await connection.CallAsync("getEndScreen", new { token = table.Players[(0, "us")] })).Ok();

        Assert.False(screen.GetProperty("revealed").GetBoolean());
        Assert.Empty(screen.GetProperty("others").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, screen.GetProperty("analysis").ValueKind);
        Assert.DoesNotContain(Texts(screen), text => text.Contains(russiaBriefing, StringComparison.Ordinal));
        Assert.Equal((await table.ScoresAsync(connection, 0))["us"], screen.GetProperty("score").GetDouble(), 6);

        // Opening the briefings again afterwards takes effect at once for games already over.
        (await connection.CallAsync("setRevealPolicy", new { token = table.Instructor, revealPrivateAfterEnd = true, revealBriefingsAfterEnd = true })).Ok();
        var reopened = (await connection.CallAsync("getEndScreen", new { token = table.Players[(0, "us")] })).Ok();
        Assert.Contains(russiaBriefing, Texts(reopened));
    }

    [Fact]
    public async Task The_class_comparison_lists_ended_games_only_and_carries_no_message_of_any_game()
    {
        await using var connection = await server.ConnectAsync();
        var table = await Table.StartAsync(connection, games: 3);
        await table.MessageAsync(connection, 0, GameOneSecret);
        await table.MessageAsync(connection, 1, GameTwoSecret);
        await table.EndAsync(connection, 0);
        await table.EndAsync(connection, 1);

        var screen = (await connection.CallAsync("getEndScreen", new { token = table.Players[(0, "us")] })).Ok();
        var games = screen.GetProperty("classGames").EnumerateArray().ToList();

        Assert.Equal([table.GameIds[0], table.GameIds[1]], games.Select(game => game.GetProperty("gameId").GetString()).Order());
        foreach (var game in games)
        {
            var index = Array.IndexOf(table.GameIds, game.GetProperty("gameId").GetString());
            var scores = await table.ScoresAsync(connection, index);
            Assert.Equal(index == 0, game.GetProperty("own").GetBoolean());
            Assert.Equal(scores["us"], game.GetProperty("roleScore").GetDouble(), 6);
            Assert.Equal(scores.Values.Sum(), game.GetProperty("welfare").GetDouble(), 6);
        }

        Assert.DoesNotContain(Texts(screen), text => text.Contains(GameOneSecret, StringComparison.Ordinal) || text.Contains(GameTwoSecret, StringComparison.Ordinal));
        Assert.Equal("GameNotEnded", (await connection.CallAsync("getEndScreen", new { token = table.Players[(2, "us")] })).ErrorCode());
    }

    /// <summary>Every string of a reply, unescaped: JSON may write a briefing's apostrophes as escapes.</summary>
    private static IEnumerable<string> Texts(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(property => Texts(property.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Texts),
        _ => [],
    };

    /// <summary>A started class whose every game has students as the US and Russia (bots play the rest).</summary>
    private sealed record Table(string Instructor, string[] GameIds, Dictionary<(int Game, string Party), string> Players)
    {
        public static async Task<Table> StartAsync(HubConnection connection, int games)
        {
            var created = (await connection.CallAsync("createClass", new { games })).Ok();
            var classId = created.GetProperty("classId").GetString();
            var gameIds = created.GetProperty("gameIds").EnumerateArray().Select(game => game.GetString()!).ToArray();
            var players = new Dictionary<(int, string), string>();
            foreach (var code in created.GetProperty("joinCodes").EnumerateArray())
            {
                var party = code.GetProperty("partyId").GetString()!;
                if (party is "us" or "russia")
                {
                    var joined = (await connection.CallAsync("joinClass", new { classId, code = code.GetProperty("code").GetString(), name = party })).Ok();
                    players[(Array.IndexOf(gameIds, code.GetProperty("gameId").GetString()), party)] = joined.GetProperty("token").GetString()!;
                }
            }

            var instructor = created.GetProperty("instructorToken").GetString()!;
            (await connection.CallAsync("startClass", new { token = instructor, bots = "linear" })).Ok();
            return new Table(instructor, gameIds, players);
        }

        public static async Task<string> BriefingAsync(HubConnection connection, string player) =>
            (await connection.CallAsync("getView", new { token = player })).Ok().GetProperty("view").GetProperty("confidentialBriefing").GetString()!;

        public static async Task<double> ReservationAsync(HubConnection connection, string player) =>
            (await connection.CallAsync("getView", new { token = player })).Ok().GetProperty("view").GetProperty("reservation").GetDouble();

        public async Task MessageAsync(HubConnection connection, int game, string text) =>
            (await connection.CallAsync("act", new { token = Players[(game, "us")], commandId = Guid.NewGuid(), command = new { type = "message", channel = UsAndRussia, text } })).Ok();

        public async Task EndAsync(HubConnection connection, int game) =>
            (await connection.CallAsync("instruct", new { token = Instructor, gameId = GameIds[game], command = new { type = "end" } })).Ok();

        /// <summary>Every party's score in the game, as the instructor's class overview shows it.</summary>
        public async Task<Dictionary<string, double>> ScoresAsync(HubConnection connection, int game)
        {
            var overview = (await connection.CallAsync("getClass", new { token = Instructor })).Ok();
            var summary = overview.GetProperty("games").EnumerateArray().Single(g => g.GetProperty("gameId").GetString() == GameIds[game]);
            return summary.GetProperty("scores").EnumerateObject().ToDictionary(score => score.Name, score => score.Value.GetDouble());
        }
    }
}

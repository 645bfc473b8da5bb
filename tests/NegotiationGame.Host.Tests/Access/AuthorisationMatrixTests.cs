using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using NegotiationGame.Host.Tests.Limits;

namespace NegotiationGame.Host.Tests.Access;

public sealed class MatrixServer() : LimitedServer(("CreateClassPerAddress", 10_000), ("CreateClassPerConnection", 10_000), ("UploadsPerAddress", 10_000), ("JoinPerAddress", 10_000));

/// <summary>
/// Every cell of docs/protocol.md's authorisation matrix, against a fresh pair of classes: the call is made with each
/// caller's token about game 1 of class A and its party "us", and must be answered as the cell says.
/// </summary>
public sealed class AuthorisationMatrixTests(MatrixServer server) : IClassFixture<MatrixServer>
{
    public static TheoryData<string, string, string> Cells()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (method, caller, expected) in AuthorisationMatrix.Cells())
        {
            data.Add(method, caller, expected);
        }

        return data;
    }

    [Fact]
    public void The_matrix_covers_every_hub_method()
    {
        var documented = AuthorisationMatrix.Cells().Select(cell => cell.Method).Distinct(StringComparer.OrdinalIgnoreCase);
        var served = typeof(NegotiationGame.Host.Hubs.GameHub).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(method => method.ReturnType == typeof(Task<NegotiationGame.Host.Hubs.Results.HubResult>))
            .Select(method => method.Name);
        Assert.Equal(served.Order(StringComparer.OrdinalIgnoreCase), documented.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_caller_gets_what_the_matrix_says(string method, string caller, string expected)
    {
        await using var connection = await server.ConnectAsync();
        var world = await World.CreateAsync(connection);
        var token = world.TokenOf(caller);
        var text = $"cell {method} {caller}";
        var request = method switch
        {
            "createClass" => new { token, games = 1 },
            "listScenarios" => new { token },
            "uploadScenario" => new { token, scenarioJson = Uploads.UploadFiles.GardenWall },
            "importGenius" => new { token, domain = Uploads.UploadFiles.Allotment().Domain, profiles = Uploads.UploadFiles.Allotment().Profiles },
            "joinClass" => new { token, classId = world.OpenClassId, code = world.OpenLobbyCode, name = "Ada" },
            "startClass" or "getClass" or "watchClass" or "reissueInstructorLink" or "getView" or "getEndScreen" or "getBriefing" => new { token },
            "setRevealPolicy" => new { token, revealPrivateAfterEnd = false },
            "instruct" => new { token, gameId = world.Game1, command = new { type = "news", headline = "Cell" } },
            "instructClass" => new { token, commandId = Guid.NewGuid(), command = new { type = "news", headline = "Cell" } },
            "rejoinClass" => new { token, classId = world.ClassId, seatId = world.SeatId, seatSecret = world.SeatSecret },
            "askForSeat" => new { token, classId = world.ClassId, code = world.LobbyCode, name = "Late" },
            "collectSeat" => await world.CollectArgumentsAsync(connection, token),
            "answerSeatRequest" => new { token, requestId = (await world.AskForSeatAsync(connection)).RequestId, approve = false },
            "moveSeat" => new { token, seatId = world.SeatId, gameId = world.Game1, partyId = "eu" },
            "setBot" => new { token, gameId = world.Game1, partyId = "us", bot = "linear" },
            "act" => new { token, gameId = world.Game1, partyId = "us", commandId = Guid.NewGuid(), command = new { type = "statement", text } },
            _ => new { token, gameId = world.Game1 },
        };

        var result = await connection.CallAsync(method, request);

        if (expected is "Unauthorized" or "Forbidden")
        {
            Assert.Equal(expected, result.ErrorCode());
            return;
        }

        if ((method, expected) is ("answerSeatRequest", "own class"))
        {
            // The request is class A's; the other instructor's call acts on its own class, which has no such request.
            Assert.Equal("UnknownSeat", result.ErrorCode());
            return;
        }

        if (method == "getEndScreen")
        {
            // Served, but class A's games are still running: the player hears that their own game has not ended.
            Assert.Equal("GameNotEnded", result.ErrorCode());
            return;
        }

        result.Ok();
        switch (method, expected)
        {
            case ("startClass" or "getClass" or "watchClass" or "setRevealPolicy", "own class"):
                Assert.Equal(world.OtherClassId, result.GetProperty("class").GetProperty("classId").GetString());
                break;
            case ("instructClass", "own class"):
                Assert.All(result.GetProperty("games").EnumerateArray(), game => Assert.StartsWith(world.OtherClassId, game.GetProperty("gameId").GetString(), StringComparison.Ordinal));
                break;
            case ("reissueInstructorLink", "own class"):
                var reissued = result.GetProperty("instructorToken").GetString();
                Assert.Equal(world.OtherClassId, (await connection.CallAsync("getClass", new { token = reissued })).Ok().GetProperty("class").GetProperty("classId").GetString());
                (await connection.CallAsync("getClass", new { token = world.Instructor })).Ok();
                break;
            case ("act", _):
                var (game, party) = expected switch
                {
                    "own party" => (world.Game1, "russia"),
                    "own game" => (world.Game2, "us"),
                    _ => (world.Game1, "us"),
                };
                Assert.Equal([party], await world.SpeakersAsync(connection, game, text));
                Assert.Equal(game == world.Game1 ? 1 : 0, (await world.SpeakersAsync(connection, world.Game1, text)).Count);
                break;
            case ("getView" or "getBriefing", _):
                var view = result.GetProperty(method == "getView" ? "view" : "briefing");
                Assert.Equal(expected == "own game" ? world.Game2 : world.Game1, view.GetProperty("gameId").GetString());
                Assert.Equal(expected == "own party" ? "russia" : "us", view.GetProperty("partyId").GetString());
                break;
            default:
                Assert.Equal("ok", expected);
                break;
        }
    }

    /// <summary>Class A (two games, started; players "us" and "russia" of game 1 and "us" of game 2), class B (started), and an open class C.</summary>
    private sealed record World(
        string Instructor, string Spectator, string ThisParty, string OtherParty, string OtherGame, string OtherInstructor,
        string Game1, string Game2, string OtherClassId, string OpenClassId, string OpenLobbyCode,
        string ClassId, string LobbyCode, Guid SeatId, string SeatSecret)
    {
        public string? TokenOf(string caller) => caller switch
        {
            "none" => null,
            "spectator" => Spectator,
            "this party" => ThisParty,
            "other party" => OtherParty,
            "other game" => OtherGame,
            "other class's instructor" => OtherInstructor,
            _ => Instructor,
        };

        public static async Task<World> CreateAsync(HubConnection connection)
        {
            var a = (await connection.CallAsync("createClass", new { games = 2 })).Ok();
            var classId = a.GetProperty("classId").GetString();
            var games = a.GetProperty("gameIds").EnumerateArray().Select(game => game.GetString()!).ToArray();
            async Task<JsonElement> JoinAsync(string game, string party)
            {
                var code = a.GetProperty("joinCodes").EnumerateArray()
                    .Single(c => c.GetProperty("gameId").GetString() == game && c.GetProperty("partyId").GetString() == party).GetProperty("code").GetString();
                return (await connection.CallAsync("joinClass", new { classId, code, name = party })).Ok();
            }

            var thisParty = await JoinAsync(games[0], "us");
            var otherParty = (await JoinAsync(games[0], "russia")).GetProperty("token").GetString()!;
            var otherGame = (await JoinAsync(games[1], "us")).GetProperty("token").GetString()!;
            var instructor = a.GetProperty("instructorToken").GetString()!;
            (await connection.CallAsync("startClass", new { token = instructor })).Ok();
            var b = (await connection.CallAsync("createClass", new { games = 1 })).Ok();
            var otherInstructor = b.GetProperty("instructorToken").GetString()!;
            (await connection.CallAsync("startClass", new { token = otherInstructor })).Ok();
            var c = (await connection.CallAsync("createClass", new { games = 1 })).Ok();
            return new World(
                instructor, a.GetProperty("spectatorTokens").GetProperty(games[0]).GetString()!, thisParty.GetProperty("token").GetString()!, otherParty, otherGame, otherInstructor,
                games[0], games[1], b.GetProperty("classId").GetString()!, c.GetProperty("classId").GetString()!, c.GetProperty("lobbyCode").GetString()!,
                classId!, a.GetProperty("lobbyCode").GetString()!, thisParty.GetProperty("seatId").GetGuid(), thisParty.GetProperty("seatSecret").GetString()!);
        }

        /// <summary>The arguments of <c>collectSeat</c> for a new latecomer's request to class A.</summary>
        public async Task<object> CollectArgumentsAsync(HubConnection connection, string? token)
        {
            var (requestId, requestSecret) = await AskForSeatAsync(connection);
            return new { token, classId = ClassId, requestId, requestSecret };
        }

        /// <summary>A latecomer's request to class A: its id and the secret that collects the answer.</summary>
        public async Task<(Guid RequestId, string RequestSecret)> AskForSeatAsync(HubConnection connection)
        {
            var asked = (await connection.CallAsync("askForSeat", new { classId = ClassId, code = LobbyCode, name = "Late" })).Ok();
            return (asked.GetProperty("requestId").GetGuid(), asked.GetProperty("requestSecret").GetString()!);
        }

        /// <summary>The parties that made a statement with <paramref name="text"/> in the game.</summary>
        public async Task<List<string>> SpeakersAsync(HubConnection connection, string game, string text)
        {
            var debrief = (await connection.CallAsync("getDebrief", new { token = Instructor, gameId = game })).Ok();
            return [.. debrief.GetProperty("events").EnumerateArray()
                .Where(e => e.GetProperty("type").GetString() == "StatementMade" && e.GetProperty("data").GetProperty("text").GetString() == text)
                .Select(e => e.GetProperty("data").GetProperty("party").GetString()!)];
        }
    }
}

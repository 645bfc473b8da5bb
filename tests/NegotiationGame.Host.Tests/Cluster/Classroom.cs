using System.Text.Json;
using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.Cluster;

/// <summary>
/// One class of many games on a cluster: a student (a <see cref="SeatClient"/>) plays Ukraine in every game, bots
/// play the other three, and a spectator follows every game. Players and spectators are spread over the nodes
/// round-robin, each on a different node from its game's other client.
/// </summary>
internal sealed class Classroom : IAsyncDisposable
{
    private readonly List<SeatClient> _clients = [];

    private Classroom(string instructorToken, IReadOnlyList<string> games, IReadOnlyDictionary<string, string> spectatorTokens)
    {
        InstructorToken = instructorToken;
        Games = games;
        SpectatorTokens = spectatorTokens;
    }

    public string InstructorToken { get; }

    public IReadOnlyList<string> Games { get; }

    public IReadOnlyDictionary<string, string> SpectatorTokens { get; }

    public IReadOnlyList<SeatClient> Clients => _clients;

    /// <summary>
    /// Creates and starts the class through the first node (rounds of <paramref name="roundSeconds"/>, no spectator
    /// delay, hard-bargaining bots so that games run to their deadlines), connects every client while the games are in
    /// a long briefing, and only then has the instructor open the negotiation: however long the clients take to
    /// connect on a busy machine, the games' clocks start after.
    /// </summary>
    public static async Task<Classroom> StartAsync(IReadOnlyList<ServerProcess> nodes, int games, int roundSeconds)
    {
        var addresses = nodes.Select(node => node.Address).ToArray();
        await using var setup = await nodes[0].ConnectAsync();
        var created = (await setup.CallAsync("createClass", new { title = "Cluster", games, roundSeconds, briefingSeconds = 3_600, spectatorDelaySeconds = 0 })).Ok();
        var classId = created.GetProperty("classId").GetString();
        var gameIds = created.GetProperty("gameIds").EnumerateArray().Select(game => game.GetString()!).ToArray();
        var ukraineCodes = created.GetProperty("joinCodes").EnumerateArray()
            .Where(code => code.GetProperty("partyId").GetString() == "ukraine")
            .ToDictionary(code => code.GetProperty("gameId").GetString()!, code => code.GetProperty("code").GetString()!);
        var students = new Dictionary<string, string>();
        foreach (var game in gameIds)
        {
            var joined = (await setup.CallAsync("joinClass", new { classId, code = ukraineCodes[game], name = $"Student {game}" })).Ok();
            students[game] = joined.GetProperty("token").GetString()!;
        }

        var instructor = created.GetProperty("instructorToken").GetString()!;
        var spectators = gameIds.ToDictionary(game => game, game => created.GetProperty("spectatorTokens").GetProperty(game).GetString()!);
        (await setup.CallAsync("startClass", new { token = instructor, bots = "boulware" })).Ok();

        var classroom = new Classroom(instructor, gameIds, spectators);
        try
        {
            for (var index = 0; index < gameIds.Length; index++)
            {
                var game = gameIds[index];
                classroom._clients.AddRange(await Task.WhenAll(
                    SeatClient.StartAsync(addresses, index % addresses.Length, game, students[game], $"player of {game}", plays: true, seed: index),
                    SeatClient.StartAsync(addresses, (index + 1) % addresses.Length, game, spectators[game], $"spectator of {game}", plays: false, seed: index)));
            }

            await classroom.OpenNegotiationAsync(nodes);
        }
        catch
        {
            await classroom.DisposeAsync();
            throw;
        }

        return classroom;
    }

    /// <summary>
    /// Ends every game's briefing, a connection per fifteen games, spread over the nodes (one connection may send only
    /// twenty commands at once).
    /// </summary>
    private async Task OpenNegotiationAsync(IReadOnlyList<ServerProcess> nodes)
    {
        await Task.WhenAll(Games.Chunk(15).Select(async (games, index) =>
        {
            await using var instructor = await nodes[index % nodes.Count].ConnectAsync();
            foreach (var game in games)
            {
                (await instructor.CallAsync("instruct", new { token = InstructorToken, gameId = game, command = new { type = "startNegotiation" } })).Ok();
            }
        }));
    }

    /// <summary>Adds a spectator of every game on one node.</summary>
    public async Task<IReadOnlyList<SeatClient>> AddSpectatorsAsync(IReadOnlyList<Uri> nodes, int node)
    {
        var added = await Task.WhenAll(Games.Select((game, index) =>
            SeatClient.StartAsync(nodes, node, game, SpectatorTokens[game], $"late spectator of {game}", plays: false, seed: 1_000 + index)));
        _clients.AddRange(added);
        return added;
    }

    /// <summary>
    /// Checks what the cluster promises whatever happened: every game ended and its log in PostgreSQL has no gap, every
    /// statement a player had acknowledged is in it exactly once, no statement is there twice, each round began once,
    /// and every client applied every entry after <c>GameCreated</c> exactly once, in order.
    /// </summary>
    public async Task AssertEveryGameEndedWholeAsync(NodeCluster cluster)
    {
        foreach (var game in Games)
        {
            var log = await cluster.ReadLogAsync(game);
            Assert.Equal(Enumerable.Range(1, log.Count).Select(sequence => (long)sequence), log.Select(entry => entry.Sequence));
            Assert.Equal("GameEnded", log[^1].Type);
            var rounds = log.Where(entry => entry.Type == "RoundAdvanced").Select(entry => Data(entry.Data).GetProperty("round").GetInt32()).ToList();
            Assert.Equal(Enumerable.Range(2, rounds.Count), rounds);
            var statements = log.Where(entry => entry.Type == "StatementMade").Select(entry => Data(entry.Data).GetProperty("text").GetString()!).ToList();
            Assert.Equal(statements.Count, statements.Distinct(StringComparer.Ordinal).Count());
            var everyEntrySent = log.Skip(1).Select(entry => entry.Sequence).ToList();
            foreach (var client in _clients.Where(client => client.GameId == game))
            {
                Assert.Equal(everyEntrySent, client.Applied);
                foreach (var text in client.Acknowledged)
                {
                    Assert.Single(statements, text);
                }
            }
        }

        Assert.Contains(_clients, client => client.Acknowledged.Count > 0);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
    }

    private static JsonElement Data(string data) => JsonDocument.Parse(data).RootElement;
}

using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.EventLog;
using NegotiationGame.Host.Tests.Limits;
using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.Fuzz;

public sealed class FuzzServer() : LimitedServer(
    ("CommandsPerConnection", 1_000_000), ("CallsPerConnection", 1_000_000), ("CreateClassPerAddress", 1_000), ("CreateClassPerConnection", 1_000));

/// <summary>
/// A property-based fuzz test of the live server: seeded random streams of valid, half-valid and malformed commands
/// from many SignalR clients at once (players of every party, the instructor, spectators, players of other games),
/// after which every game's log must be gap-free and fold to the state the server reports, no private message may
/// have reached anyone outside its channel, every refusal must carry a documented code, and the server must serve on.
/// </summary>
public sealed class HubFuzzTests(FuzzServer server) : IClassFixture<FuzzServer>
{
    private const int CommandsPerSeed = 3_400;
    private static readonly string[] Parties = ["us", "russia", "ukraine", "eu"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Random_commands_from_many_clients_leave_every_game_consistent_private_and_alive(int seed)
    {
        await using var admin = await server.ConnectAsync();
        var created = (await admin.CallAsync("createClass", new { games = 2, seed })).Ok();
        var classId = created.GetProperty("classId").GetString()!;
        var instructor = created.GetProperty("instructorToken").GetString()!;
        var games = created.GetProperty("gameIds").EnumerateArray().Select(game => game.GetString()!).ToArray();
        var clients = new List<Client>();
        foreach (var game in games)
        {
            foreach (var party in Parties)
            {
                var code = created.GetProperty("joinCodes").EnumerateArray()
                    .Single(c => c.GetProperty("gameId").GetString() == game && c.GetProperty("partyId").GetString() == party).GetProperty("code").GetString();
                var token = (await admin.CallAsync("joinClass", new { classId, code, name = $"{party} {game}" })).Ok().GetProperty("token").GetString()!;
                clients.Add(await Client.StartAsync(server, game, party, token));
            }

            clients.Add(await Client.StartAsync(server, game, null, created.GetProperty("spectatorTokens").GetProperty(game).GetString()!));
        }

        clients.Add(await Client.StartAsync(server, null, null, instructor));
        (await admin.CallAsync("setRevealPolicy", new { token = instructor, revealPrivateAfterEnd = false })).Ok();
        (await admin.CallAsync("startClass", new { token = instructor, bots = "linear" })).Ok();
        foreach (var client in clients)
        {
            foreach (var game in client.GameId is { } own ? [own] : games)
            {
                client.Remember((await client.Connection.CallAsync("watch", new { token = client.Token, gameId = game })).Ok());
            }
        }

        var secrets = new ConcurrentBag<(string Game, string[] Channel, string Text)>();
        var random = new Random(seed);
        var plans = clients.Select(client => (client, new Random(random.Next()))).ToList();
        var refusals = new ConcurrentBag<string>();
        var accepted = 0;
        await Task.WhenAll(plans.Select(async plan =>
        {
            var (client, rng) = plan;
            for (var i = 0; i < CommandsPerSeed / plans.Count; i++)
            {
                var (method, request) = CommandGenerator.Next(rng, client, games, secrets);
                JsonElement result;
                try
                {
                    result = await client.Connection.CallAsync(method, request);
                }
                catch (HubException exception)
                {
                    Assert.Fail($"{method} {JsonSerializer.Serialize(request)} got an untyped error: {exception.Message}");
                    throw;
                }

                client.Remember(result);
                if (result.GetProperty("ok").GetBoolean())
                {
                    Interlocked.Increment(ref accepted);
                }
                else
                {
                    refusals.Add(result.GetProperty("error").GetProperty("code").GetString()!);
                }
            }
        }));

        Assert.All(refusals, code => Assert.Contains(code, DocumentedErrorCodes.All));
        Assert.True(accepted > CommandsPerSeed / 10, $"only {accepted} accepted; the generator should mostly play. Refusals: {string.Join(", ", refusals.GroupBy(code => code).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"))}");
        Assert.True(refusals.Distinct().Count() >= 5, string.Join(", ", refusals.Distinct()));

        var overview = (await admin.CallAsync("getClass", new { token = instructor })).Ok();
        foreach (var summary in overview.GetProperty("games").EnumerateArray())
        {
            var gameId = summary.GetProperty("gameId").GetString()!;
            var url = (await admin.CallAsync("createDownloadLink", new { token = instructor, gameId })).Ok().GetProperty("url").GetString()!;
            using var http = new HttpClient { BaseAddress = server.Address };
            using var reader = new StringReader(await http.GetStringAsync(url));
            var log = GameLogFile.Read(reader).Entries;
            Assert.Equal(Enumerable.Range(1, log.Count).Select(sequence => (long)sequence), log.Select(entry => entry.Sequence));
            var record = GameRecord.Replay(log);
            Assert.Equal(summary.GetProperty("lastSequence").GetInt64(), record.LastSequence);
            Assert.Equal(summary.GetProperty("stateHash").GetString(), GameStateHash.Compute(record.State));
        }

        foreach (var client in clients)
        {
            foreach (var (game, channel, text) in secrets)
            {
                var insider = client.PartyId is null ? client.GameId is null : client.GameId == game && channel.Contains(client.PartyId);
                if (!insider)
                {
                    Assert.DoesNotContain(client.Received, message => message.Contains(text, StringComparison.Ordinal));
                }
            }

            await client.Connection.DisposeAsync();
        }

        using var health = new HttpClient { BaseAddress = server.Address };
        Assert.True((await health.GetAsync("/healthz")).IsSuccessStatusCode);
    }

    /// <summary>One fuzzing client: its token, what it plays (game and party, or neither) and every message it received.</summary>
    internal sealed class Client(HubConnection connection, string? gameId, string? partyId, string token)
    {
        private readonly ConcurrentQueue<string> _received = new();

        public HubConnection Connection { get; } = connection;

        public string? GameId { get; } = gameId;

        public string? PartyId { get; } = partyId;

        public string Token { get; } = token;

        public IEnumerable<string> Received => _received;

        /// <summary>The commands this client sent with their ids, so that it can send an id again (with the same command or another).</summary>
        public List<(Guid Id, object Command)> Sent { get; } = [];

        public static async Task<Client> StartAsync(ServerFixture server, string? gameId, string? partyId, string token)
        {
            var connection = await server.ConnectAsync();
            var client = new Client(connection, gameId, partyId, token);
            connection.On<JsonElement>("gameEvent", message => client._received.Enqueue(message.GetRawText()));
            return client;
        }

        public void Remember(JsonElement reply) => _received.Enqueue(reply.GetRawText());
    }
}

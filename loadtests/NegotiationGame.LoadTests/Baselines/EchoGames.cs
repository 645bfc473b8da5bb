using System.Collections.Concurrent;
using System.Text.Json;
using NegotiationGame.Scenarios;

namespace NegotiationGame.LoadTests.Baselines;

/// <summary>
/// What the bare hub keeps: a sequence number per game, so that the pushes carry numbers the generator can check, and
/// the bundled scenario's issues, so that the generator plays the same packages as against the server.
/// </summary>
internal sealed class EchoGames(bool fanOut)
{
    private static readonly string[] Parties = ["us", "russia", "ukraine", "eu"];

    private readonly ConcurrentDictionary<string, GameSequence> _sequences = new(StringComparer.Ordinal);
    private int _classes;

    public bool FanOut { get; } = fanOut;

    public object Scenario { get; } = new
    {
        issues = BundledScenarios.Load(BundledScenarios.Default).Issues.Select(issue => new { id = issue.Id, options = issue.Options.Select(option => new { id = option.Id }) }).ToArray(),
    };

    /// <summary>The answer to a call that needs no more than its being served.</summary>
    public object Served { get; } = new { ok = true };

    /// <summary>A join code is "<game>/<party>"; the player's token is "player/<game>/<party>".</summary>
    public object Join(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var separator = code.LastIndexOf('/');
        return separator > 0 && _sequences.ContainsKey(code[..separator])
            ? new { ok = true, token = $"player/{code}", gameId = code[..separator], partyId = code[(separator + 1)..] }
            : new { ok = false, error = new { code = "UnknownCode", message = "No game of that code." } };
    }

    public object CreateClass(int games)
    {
        var classId = $"echo-{Interlocked.Increment(ref _classes)}";
        var gameIds = Enumerable.Range(1, games).Select(game => $"{classId}-{game:D3}").ToArray();
        foreach (var game in gameIds)
        {
            _sequences[game] = new GameSequence();
        }

        return new
        {
            ok = true,
            classId,
            instructorToken = $"instructor/{classId}",
            gameIds,
            joinCodes = gameIds.SelectMany(game => Parties.Select(party => new { code = $"{game}/{party}", gameId = game, partyId = party })).ToArray(),
            spectatorTokens = gameIds.ToDictionary(game => game, game => $"spectator/{game}", StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// Numbers the game's next event and starts its push under the game's lock, so that pushes leave in sequence order
    /// as the server's do; the push itself is awaited outside the lock.
    /// </summary>
    public (long Sequence, Task Sent) Publish(string gameId, Func<long, Task> push)
    {
        ArgumentNullException.ThrowIfNull(push);
        var game = _sequences[gameId];
        lock (game)
        {
            var sequence = ++game.Last;
            return (sequence, push(sequence));
        }
    }

    /// <summary>The event a real server would push for this command (its offer numbered by the sequence), one per call.</summary>
    public static object EventOf(string gameId, long sequence, string party, JsonElement command)
    {
        var type = command.GetProperty("type").GetString();
        var data = type == "accept"
            ? (object)new { offerId = command.GetProperty("offerId").GetInt64(), party }
            : new
            {
                offerId = sequence,
                proposer = party,
                package = command.GetProperty("package"),
                addressees = command.GetProperty("addressees"),
                expiresAtRound = (int?)null,
                counterTo = command.TryGetProperty("offerId", out var answered) ? answered.GetInt64() : (long?)null,
            };
        return new { gameId, sequence, at = DateTimeOffset.UtcNow, type = type == "accept" ? "OfferAccepted" : "OfferTabled", data };
    }

    private sealed class GameSequence
    {
        // As in the server's logs, sequence 1 is the game's creation, which clients are never sent.
        public long Last { get; set; } = 1;
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using NegotiationGame.Domain.Scenarios;
using NegotiationGame.Scenarios;

namespace NegotiationGame.Host.Tests.Fuzz;

/// <summary>
/// The next call of a fuzzing client, drawn from its own seeded generator: mostly plausible play (offers, answers,
/// statements, private messages, clock commands), and among it malformed arguments, ids reused for other commands,
/// out-of-range numbers, control characters and calls the caller has no right to make.
/// </summary>
internal static class CommandGenerator
{
    private static readonly Scenario Scenario = BundledScenarios.Load("ukraine-2025");
    private static readonly string[] PartyIds = [.. Scenario.Parties.Select(party => party.Id)];

    private static readonly string[] Malformed =
    [
        "null", "42", "\"act\"", "[]", "{}",
        """{ "commandId": "not-a-uuid", "command": { "type": "walkAway" } }""",
        """{ "commandId": "9d1e5c2a-0000-4000-8000-000000000001", "command": { "type": "dance" } }""",
        """{ "commandId": "9d1e5c2a-0000-4000-8000-000000000001", "command": { "type": "statement", "type": "walkAway", "text": "x" } }""",
        """{ "commandId": "9d1e5c2a-0000-4000-8000-000000000001", "command": { "type": "accept", "offerId": "1" } }""",
        """{ "commandId": "9d1e5c2a-0000-4000-8000-000000000001", "command": { "type": "accept", "offerId": 1e30 } }""",
        """{ "commandId": "9d1e5c2a-0000-4000-8000-000000000001", "command": { "type": "table", "package": { "minerals": null } } }""",
        """{ "commandId": "9d1e5c2a-0000-4000-8000-000000000001", "command": { "type": "message", "channel": [null], "text": "x" } }""",
    ];

    public static (string Method, object Request) Next(Random random, HubFuzzTests.Client client, string[] games, ConcurrentBag<(string Game, string[] Channel, string Text)> secrets)
    {
        var roll = random.Next(100);
        if (roll < 8)
        {
            var method = random.Next(3) switch { 0 => "act", 1 => "instruct", _ => "watch" };
            return (method, JsonDocument.Parse(Malformed[random.Next(Malformed.Length)]).RootElement.Clone());
        }

        if (roll < 12)
        {
            return ("watch", new { token = client.Token, gameId = games[random.Next(games.Length)], afterSequence = random.Next(-2, 40) });
        }

        if (client.PartyId is null && client.GameId is null)
        {
            return roll < 60 ? Instruct(random, client, games) : Act(random, client, games[random.Next(games.Length)], PartyIds[random.Next(PartyIds.Length)], secrets);
        }

        if (roll < 15)
        {
            return ("getView", new { token = client.Token });
        }

        return Act(random, client, client.GameId!, client.PartyId ?? PartyIds[random.Next(PartyIds.Length)], secrets);
    }

    private static (string, object) Instruct(Random random, HubFuzzTests.Client client, string[] games)
    {
        var roll = random.Next(1000);
        object command = roll switch
        {
            < 2 => new { type = "end" },
            < 25 => new { type = "processNow" },
            < 45 => new { type = "pause" },
            < 400 => new { type = "resume" },
            < 600 => new { type = "extend", seconds = random.Next(4) switch { 0 => int.MaxValue, 1 => -5, 2 => 0, _ => random.Next(1, 100_000) } },
            < 800 => new { type = "news", headline = Text(random, 300), body = Text(random, 5_000) },
            _ => new { type = "startNegotiation" },
        };
        return ("instruct", new { token = client.Token, gameId = games[random.Next(games.Length)], command });
    }

    private static (string, object) Act(Random random, HubFuzzTests.Client client, string gameId, string party, ConcurrentBag<(string Game, string[] Channel, string Text)> secrets)
    {
        var command = random.Next(2_000) == 0 ? new { type = "walkAway" } : random.Next(99) switch
        {
            < 22 => new { type = "table", package = Package(random), addressees = Addressees(random), expiresAfterRounds = Expiry(random) },
            < 34 => new { type = "accept", offerId = random.Next(0, 40) },
            < 42 => new { type = "reject", offerId = random.Next(0, 40) },
            < 52 => new { type = "counter", offerId = random.Next(0, 40), package = Package(random), expiresAfterRounds = Expiry(random) },
            < 56 => new { type = "withdraw", offerId = random.Next(0, 40) },
            < 62 => new { type = "sign", agreementId = random.Next(0, 12) },
            < 77 => new { type = "statement", text = Text(random, 2_500) },
            _ => Message(random, gameId, party, secrets),
        };

        // Now and then an id this client used before: for the same command (acknowledged again) or for another one.
        var commandId = Guid.NewGuid();
        if (client.Sent.Count > 0 && random.Next(20) == 0)
        {
            var (id, earlier) = client.Sent[random.Next(client.Sent.Count)];
            commandId = id;
            command = random.Next(2) == 0 ? earlier : command;
        }
        else
        {
            client.Sent.Add((commandId, command));
        }

        return ("act", new { token = client.Token, gameId, partyId = party, commandId, command });
    }

    private static object Message(Random random, string gameId, string party, ConcurrentBag<(string Game, string[] Channel, string Text)> secrets)
    {
        string[] channel = [.. PartyIds.Where(other => other != party && random.Next(2) == 0)];
        var text = $"secret {Guid.NewGuid():N}";
        secrets.Add((gameId, [party, .. channel], text));
        return new { type = "message", channel, text };
    }

    private static Dictionary<string, string> Package(Random random)
    {
        var package = new Dictionary<string, string>();
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            var issue = Scenario.Issues[random.Next(Scenario.Issues.Length)];
            package[random.Next(30) == 0 ? "no-such-issue" : issue.Id] = random.Next(30) == 0 ? "no-such-option" : issue.Options[random.Next(issue.Options.Length)].Id;
        }

        return package;
    }

    private static string[] Addressees(Random random) =>
        [.. PartyIds.Where(_ => random.Next(3) == 0), .. random.Next(40) == 0 ? new[] { "atlantis" } : []];

    private static int? Expiry(Random random) => random.Next(6) switch { 0 => null, 1 => 0, 2 => -1, 3 => 1_000, _ => random.Next(1, 4) };

    /// <summary>
    /// Text of up to <paramref name="maxLength"/> characters; sometimes empty, and one in five holds a control character
    /// (which the rules refuse, so the rest must be plain for the generator to mostly play).
    /// </summary>
    private static string Text(Random random, int maxLength)
    {
        var length = random.Next(8) == 0 ? maxLength : random.Next(0, 60);
        var characters = new char[length];
        for (var i = 0; i < length; i++)
        {
            characters[i] = (char)random.Next('a', 'z' + 1);
        }

        if (length > 0 && random.Next(5) == 0)
        {
            characters[random.Next(length)] = (char)random.Next(0, 32);
        }

        return new string(characters);
    }
}

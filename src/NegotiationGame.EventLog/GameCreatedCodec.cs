using System.Buffers;
using System.Text;
using System.Text.Json;
using NegotiationGame.Domain.Bots;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.EventLog;

/// <summary>
/// Reads and writes the <see cref="GameCreated"/> header:
/// <c>{ formatVersion, scenario, seed, bots, briefingSeconds, roundSeconds }</c>.
/// </summary>
public static class GameCreatedCodec
{
    public const int FormatVersion = 1;

    /// <summary>Builds a header for a new game, refusing an invalid scenario or an unknown party or strategy.</summary>
    public static GameCreated Create(string scenarioJson, int seed, IReadOnlyDictionary<string, string> bots, GameTiming timing)
    {
        ArgumentNullException.ThrowIfNull(bots);
        ArgumentNullException.ThrowIfNull(timing);
        if (!timing.IsWithinLimits)
        {
            throw new ArgumentException($"The briefing and each round last 0 (untimed) to {GameTiming.MaxPhaseLength.TotalSeconds:0} whole seconds.", nameof(timing));
        }

        var (sharedJson, scenario) = SharedScenarios.Load(scenarioJson);
        var strategies = new BotStrategy?[scenario.Parties.Length];
        foreach (var (partyId, strategyName) in bots)
        {
            var party = scenario.PartyIndexOf(partyId);
            if (party < 0)
            {
                throw new ArgumentException($"Scenario '{scenario.Id}' has no party '{partyId}'.", nameof(bots));
            }

            if (!BotStrategyNames.TryParse(strategyName, out var strategy))
            {
                throw new ArgumentException($"Unknown bot strategy '{strategyName}' (boulware, conceder, linear, tit-for-tat).", nameof(bots));
            }

            strategies[party] = strategy;
        }

        return new GameCreated(sharedJson, scenario, seed, [.. strategies], timing);
    }

    public static string Encode(GameCreated header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", FormatVersion);
            json.WritePropertyName("scenario");
            using (var scenario = JsonDocument.Parse(header.ScenarioJson))
            {
                scenario.RootElement.WriteTo(json);
            }

            json.WriteNumber("seed", header.Seed);
            json.WriteStartObject("bots");
            foreach (var party in header.Scenario.Parties)
            {
                if (header.Bots[party.Index] is { } strategy)
                {
                    json.WriteString(party.Id, BotStrategyNames.ToName(strategy));
                }
            }

            json.WriteEndObject();
            json.WriteNumber("briefingSeconds", header.Timing.Briefing.TotalSeconds);
            json.WriteNumber("roundSeconds", header.Timing.Round.TotalSeconds);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static GameCreated Decode(string data)
    {
        using var document = JsonDocument.Parse(data);
        var root = document.RootElement;
        if (root.GetProperty("formatVersion").GetInt32() != FormatVersion)
        {
            throw new FormatException($"This server reads game logs of format version {FormatVersion}.");
        }

        var bots = root.GetProperty("bots").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        var timing = new GameTiming(
            TimeSpan.FromSeconds(root.GetProperty("briefingSeconds").GetDouble()),
            TimeSpan.FromSeconds(root.GetProperty("roundSeconds").GetDouble()));
        return Create(root.GetProperty("scenario").GetRawText(), root.GetProperty("seed").GetInt32(), bots, timing);
    }
}

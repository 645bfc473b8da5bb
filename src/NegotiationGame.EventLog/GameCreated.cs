using System.Collections.Immutable;
using NegotiationGame.Domain.Bots;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.EventLog;

/// <summary>
/// The first entry of every game's log. It carries the scenario's whole JSON, so that a log replays and imports
/// on a server that does not have the scenario, the seed of the game's bots, which parties they play, and how long
/// the briefing and the rounds last.
/// </summary>
public sealed record GameCreated(string ScenarioJson, Scenario Scenario, int Seed, ImmutableArray<BotStrategy?> Bots, GameTiming Timing)
{
    public const string TypeName = "GameCreated";
}

using NegotiationGame.Contracts.Games;
using NegotiationGame.Host.Hubs.Client;

namespace NegotiationGame.Host.Hubs.Results;

/// <summary>An accepted command: its events are durable up to <paramref name="LastSequence"/>.</summary>
public sealed record CommandResult(long LastSequence) : HubSuccess;

/// <summary>A player's confidential view of its party and the public scenario.</summary>
public sealed record PartyViewResult(PartyView View, PublicScenario Scenario) : HubSuccess;

/// <summary>What the watcher missed, where the game stands, and the public scenario.</summary>
public sealed record WatchResult(IReadOnlyList<GameEventMessage> Events, GameSummary Summary, PublicScenario Scenario, double SpectatorDelaySeconds) : HubSuccess;

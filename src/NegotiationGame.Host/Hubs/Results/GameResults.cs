using NegotiationGame.Contracts.Games;
using NegotiationGame.Host.Hubs.Client;

namespace NegotiationGame.Host.Hubs.Results;

/// <summary>An accepted command: its events are durable up to <paramref name="LastSequence"/>.</summary>
public sealed record CommandResult(long LastSequence) : HubSuccess;

/// <summary>A player's confidential view of its party and the public scenario.</summary>
public sealed record PartyViewResult(PartyView View, PublicScenario Scenario) : HubSuccess;

/// <summary>
/// One page of what the watcher missed (<paramref name="More"/>: ask again from its last sequence), where the game
/// stands as this watcher may see it, and the public scenario.
/// </summary>
public sealed record WatchResult(IReadOnlyList<GameEventMessage> Events, bool More, GameSummary Summary, PublicScenario Scenario, double SpectatorDelaySeconds) : HubSuccess;

using NegotiationGame.Host.Access;

namespace NegotiationGame.Host.Relay;

/// <summary>
/// One connection watching one game, with the rights its token gives there; a <paramref name="Batched"/> watcher takes
/// the events of one change of the game as one <c>gameEvents</c> message.
/// </summary>
public sealed record GameWatcher(ConnectionOutbox Outbox, AccessGrant Grant, bool Batched = false)
{
    public bool IsSpectator => Grant.Role == AccessRole.Spectator;
}

using NegotiationGame.Host.Access;

namespace NegotiationGame.Host.Relay;

/// <summary>One connection watching one game, with the rights its token gives there.</summary>
public sealed record GameWatcher(ConnectionOutbox Outbox, AccessGrant Grant)
{
    public bool IsSpectator => Grant.Role == AccessRole.Spectator;
}

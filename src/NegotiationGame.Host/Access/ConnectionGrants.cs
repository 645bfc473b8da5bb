using System.Collections.Concurrent;

namespace NegotiationGame.Host.Access;

/// <summary>
/// Each open connection's verified grant (<see cref="ConnectionGrant"/>), by connection id, dropped when the
/// connection closes. A dictionary of its own rather than the connection's items: SignalR creates a connection's items
/// (a concurrent dictionary of about 460 bytes) on first use, for what is here one entry of about 50 bytes.
/// </summary>
public sealed class ConnectionGrants(TokenService tokens, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, ConnectionGrant> _byConnection = new(StringComparer.Ordinal);

    /// <summary>The verified grant of <paramref name="token"/> on the connection, or null when it grants nothing.</summary>
    internal ConnectionGrant? Read(string connectionId, string? token)
    {
        ArgumentNullException.ThrowIfNull(connectionId);
        if (token is null)
        {
            return null;
        }

        if (_byConnection.TryGetValue(connectionId, out var cached) && cached.Grants(token, clock.GetUtcNow()))
        {
            return cached;
        }

        if (ConnectionGrant.Verify(tokens, token) is not { } verified)
        {
            return null;
        }

        _byConnection[connectionId] = verified;
        return verified;
    }

    /// <summary>Whether the connection has a grant kept.</summary>
    internal bool Holds(string connectionId) => _byConnection.ContainsKey(connectionId);

    /// <summary>Drops a closed connection's grant.</summary>
    public void Forget(string connectionId) => _byConnection.TryRemove(connectionId, out _);
}

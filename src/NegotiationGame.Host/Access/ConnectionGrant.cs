using Microsoft.AspNetCore.SignalR;
using NegotiationGame.Contracts.Games;

namespace NegotiationGame.Host.Access;

/// <summary>
/// The token a connection last presented, once verified, and what it grants until it expires. A client sends the same
/// token with every call, and opening it (authenticated decryption of the Data Protection payload, then JSON) cost the
/// hub more than the rest of a command's work in the hub; a different token is verified afresh. The entry lives in
/// the connection's items, so it is gone with the connection, and SignalR runs one call of a connection at a time.
/// </summary>
internal sealed class ConnectionGrant
{
    private static readonly object ItemKey = new();

    private ConnectionGrant(string token, AccessGrant grant, DateTimeOffset expires)
    {
        Token = token;
        Grant = grant;
        Expires = expires;
    }

    public string Token { get; }

    public AccessGrant Grant { get; }

    public DateTimeOffset Expires { get; }

    private IGameGrain? _game;

    /// <summary>
    /// The game a player's grant acts in, resolved once: resolving a reference from its interface reads attributes by
    /// reflection, the next largest cost of the hub's part of a command.
    /// </summary>
    public IGameGrain? PlayerGame(IGrainFactory grains) =>
        Grant is { Role: AccessRole.Player, GameId: { } game, PartyId: not null }
            ? _game ??= grains.GetGrain<IGameGrain>(game)
            : null;

    /// <summary>The verified grant of <paramref name="token"/> on this connection, or null when it grants nothing.</summary>
    public static ConnectionGrant? Read(HubCallerContext connection, TokenService tokens, TimeProvider clock, string? token)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(clock);
        if (token is null)
        {
            return null;
        }

        if (connection.Items.TryGetValue(ItemKey, out var known) && known is ConnectionGrant cached
            && string.Equals(cached.Token, token, StringComparison.Ordinal) && cached.Expires > clock.GetUtcNow())
        {
            return cached;
        }

        if (tokens.Read(token, out var expires) is not { } grant)
        {
            return null;
        }

        var verified = new ConnectionGrant(token, grant, expires);
        connection.Items[ItemKey] = verified;
        return verified;
    }
}

using NegotiationGame.Contracts.Games;

namespace NegotiationGame.Host.Access;

/// <summary>
/// The token a connection last presented, once verified, and what it grants until it expires. A client sends the same
/// token with every call, and opening it (authenticated decryption of the Data Protection payload, then JSON) cost the
/// hub more than the rest of a command's work in the hub; a different token is verified afresh. Kept per connection by
/// <see cref="ConnectionGrants"/>; SignalR runs one call of a connection at a time.
/// </summary>
internal sealed class ConnectionGrant
{
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

    /// <summary>Whether this is the grant of <paramref name="token"/> and still holds at <paramref name="now"/>.</summary>
    public bool Grants(string token, DateTimeOffset now) => string.Equals(Token, token, StringComparison.Ordinal) && Expires > now;

    /// <summary>What <paramref name="token"/> grants, verified afresh, or null when it grants nothing.</summary>
    public static ConnectionGrant? Verify(TokenService tokens, string token)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return tokens.Read(token, out var expires) is { } grant ? new ConnectionGrant(token, grant, expires) : null;
    }
}

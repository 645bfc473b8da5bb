using Microsoft.AspNetCore.SignalR;

namespace NegotiationGame.Host.Hubs.Client;

/// <summary>What the server pushes to a connection (docs/protocol.md): the names are the protocol's, in camelCase.</summary>
public interface IGameClient
{
    /// <summary>One event of a game the connection watches, in the form its reader may see.</summary>
    [HubMethodName("gameEvent")]
    Task GameEvent(GameEventMessage message);

    /// <summary>The events of one change of a game, in order, for a connection that watches with <c>batch</c>.</summary>
    [HubMethodName("gameEvents")]
    Task GameEvents(IReadOnlyList<GameEventMessage> messages);

    /// <summary>How many spectators watch a game now.</summary>
    [HubMethodName("spectators")]
    Task Spectators(SpectatorCountMessage message);

    /// <summary>The class changed: its roster, seat requests, bots or reveal policy (for connections that watch the class).</summary>
    [HubMethodName("classChanged")]
    Task ClassChanged(ClassChangedMessage message);

    /// <summary>The connection's seat changed, so that its watch of a game ended: nothing more of that game comes.</summary>
    [HubMethodName("watchEnded")]
    Task WatchEnded(WatchEndedMessage message);
}

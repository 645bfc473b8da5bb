using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace NegotiationGame.Host.Tests.Support;

/// <summary>A connection watching a game: what its watch call caught up on, and every frame pushed to it since.</summary>
internal sealed class WatchedGame : IAsyncDisposable
{
    private WatchedGame(HubConnection connection)
    {
        Connection = connection;
        Pushed = new ReceivedMessages(connection);
    }

    public HubConnection Connection { get; }

    public ReceivedMessages Pushed { get; }

    public List<string> CatchUp { get; private set; } = [];

    public List<string> Raw => [.. Pushed.All.Select(e => e.GetRawText()), .. CatchUp];

    public static async Task<WatchedGame> WatchAsync(ServerFixture server, string token, string gameId) =>
        await WatchAsync(await server.ConnectAsync(), token, gameId);

    /// <summary>Watches on a connection of the caller's (to one node of a cluster, say), which this then owns.</summary>
    public static async Task<WatchedGame> WatchAsync(HubConnection connection, string token, string gameId)
    {
        var frames = new WatchedGame(connection);
        var watched = (await frames.Connection.CallAsync("watch", new { token, gameId, afterSequence = 0 })).Ok();
        frames.CatchUp = [.. watched.GetProperty("events").EnumerateArray().Select(e => e.GetRawText())];
        return frames;
    }

    public Task<JsonElement> WaitForAsync(string type, TimeSpan timeout) => Pushed.WaitForTypeAsync(type, timeout);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}

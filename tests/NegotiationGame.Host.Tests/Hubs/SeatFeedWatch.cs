using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.Hubs;

/// <summary>A game watched for the seat-feed tests (<see cref="WatchedGame"/>), with any watchEnded pushed to it.</summary>
internal sealed class SeatFeedWatch(WatchedGame watched) : IAsyncDisposable
{
    public HubConnection Connection => watched.Connection;

    public ReceivedMessages Events => watched.Pushed;

    // Only a seat change, which the test makes after this, can end the watch.
    public ReceivedMessages Ended { get; } = new(watched.Connection, "watchEnded");

    private long CaughtUpThrough { get; } = watched.CatchUp.Select(e => JsonDocument.Parse(e).RootElement.GetProperty("sequence").GetInt64()).DefaultIfEmpty(1).Max();

    public static async Task<SeatFeedWatch> StartAsync(ServerFixture server, string token, string gameId) =>
        new(await WatchedGame.WatchAsync(server, token, gameId));

    public static async Task<SeatFeedWatch> StartAsync(HubConnection connection, string token, string gameId) =>
        new(await WatchedGame.WatchAsync(connection, token, gameId));

    /// <summary>
    /// Waits for the call and the statement of <see cref="SeatFeedRoom.TellUkraineAsync"/>, checks that what was pushed
    /// after the catch-up is every sequence from there on, once each, in order, and returns the call as pushed.
    /// </summary>
    public async Task<JsonElement> ReadsOnAsync((long Message, long Statement) sent)
    {
        var message = await Events.WaitForAsync(e => e.GetProperty("sequence").GetInt64() == sent.Message, SeatFeedRoom.Patience);
        await Events.WaitForAsync(e => e.GetProperty("sequence").GetInt64() == sent.Statement, SeatFeedRoom.Patience);
        var pushed = Events.Sequences.Where(sequence => sequence > CaughtUpThrough).ToList();
        Assert.Equal(Enumerable.Range(0, pushed.Count).Select(offset => CaughtUpThrough + 1 + offset), pushed);
        return message;
    }

    /// <summary>Nothing at or after <paramref name="sequence"/> was pushed, no frame carried the private words, and one watchEnded came.</summary>
    public void AssertNothingFrom(long sequence)
    {
        Assert.DoesNotContain(Events.Sequences, pushed => pushed >= sequence);
        Assert.DoesNotContain(Events.All, e => e.GetRawText().Contains(SeatFeedRoom.Secret, StringComparison.Ordinal));
        Assert.Single(Ended.All);
    }

    public ValueTask DisposeAsync() => watched.DisposeAsync();
}

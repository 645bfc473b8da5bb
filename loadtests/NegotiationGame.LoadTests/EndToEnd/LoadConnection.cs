using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace NegotiationGame.LoadTests.EndToEnd;

/// <summary>
/// A connection that watches one game (a player's or a spectator's): it checks the continuity of every event it
/// receives, times spectators' events from the moment they happened, and hands offers to its player.
/// </summary>
internal sealed class LoadConnection : IAsyncDisposable
{
    private readonly LoadMeter _meter;

    private LoadConnection(HubConnection connection, string gameId, string token, bool isSpectator, bool countsOffers, LoadMeter meter)
    {
        Connection = connection;
        GameId = gameId;
        Token = token;
        IsSpectator = isSpectator;
        CountsOffers = countsOffers;
        _meter = meter;
        connection.On<JsonElement>("gameEvent", Receive);
        connection.On<JsonElement>("gameEvents", batch =>
        {
            foreach (var message in batch.EnumerateArray())
            {
                Receive(message);
            }
        });
    }

    public HubConnection Connection { get; }

    public string GameId { get; }

    public string Token { get; }

    public bool IsSpectator { get; }

    /// <summary>One connection per game counts the offers its game resolves, so that each is counted once.</summary>
    public bool CountsOffers { get; }

    public SequenceCheck Sequences { get; } = new();

    private readonly TaskCompletionSource _reachedAwaited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _awaitedSequence = long.MaxValue;

    public LoadPlayer? Player { get; set; }

    /// <summary>Wraps a started connection; events are checked from the <see cref="WatchAsync"/> call on.</summary>
    public static LoadConnection Of(HubConnection connection, string gameId, string token, bool isSpectator, bool countsOffers, LoadMeter meter) =>
        new(connection, gameId, token, isSpectator, countsOffers, meter);

    /// <summary>
    /// Watches the game from its start, taking each change's events as one batch (docs/protocol.md), and returns the
    /// reply (whose <c>scenario</c> gives the packages to play).
    /// </summary>
    public async Task<JsonElement> WatchAsync(CancellationToken cancellationToken)
    {
        // The log's first entry, GameCreated, is never sent to clients: the feed starts after it.
        const long afterGameCreated = 1;
        var reply = await HubClient.CallAsync(Connection, "watch", new { token = Token, gameId = GameId, afterSequence = afterGameCreated, batch = true }, cancellationToken);

        // The run starts playing only once every connection watches, so the reply and the pushes held back meanwhile
        // hold only the games' opening events: their continuity is checked, their content needs no handling.
        var replied = reply.GetProperty("events").EnumerateArray().Select(entry => entry.GetProperty("sequence").GetInt64()).ToList();
        Sequences.Watched(afterGameCreated, replied);
        SignalIfReached();
        return reply;
    }

    /// <summary>Completes once this connection has received every event up to <paramref name="sequence"/>.</summary>
    public Task ReachedAsync(long sequence)
    {
        Volatile.Write(ref _awaitedSequence, sequence);
        SignalIfReached();
        return _reachedAwaited.Task;
    }

    private void SignalIfReached()
    {
        if (Sequences.Last >= Volatile.Read(ref _awaitedSequence))
        {
            _reachedAwaited.TrySetResult();
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    private void Receive(JsonElement message)
    {
        var applied = Sequences.Pushed(message.GetProperty("sequence").GetInt64());
        SignalIfReached();
        if (!applied)
        {
            return;
        }

        var type = message.GetProperty("type").GetString();
        if (IsSpectator)
        {
            _meter.SpectatorReceived(message.GetProperty("at").GetDateTimeOffset());
        }

        if (CountsOffers && type is "OfferRejected" or "OfferWithdrawn" or "OfferExpired" or "AgreementConcluded")
        {
            _meter.OfferResolved();
        }

        if (type == "OfferTabled")
        {
            Player?.Tabled(message.GetProperty("data"));
        }
    }
}

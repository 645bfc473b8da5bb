using System.Diagnostics;
using NegotiationGame.Contracts;
using NegotiationGame.Storage;

namespace NegotiationGame.LoadTests;

/// <summary>
/// The event store alone, without grains: N streams append one entry at a time (an offer-sized JSON payload) for a
/// fixed time, each waiting for its append to be durable before the next, as a game grain does. Separates what the
/// store costs from what the grains and the messaging cost.
/// </summary>
internal static class StoreRun
{
    private const string OfferData =
        """{"offerId":12,"proposer":"us","package":{"territory":"freeze-line","nato":"moratorium-20","security":"european-force","minerals":"share-50"},"addressees":["russia"],"expiresAtRound":null,"counterTo":null}""";

    /// <summary>How long the store's first append takes (a new stream), which pays for whatever it set up lazily.</summary>
    public static async Task<TimeSpan> MeasureFirstAppendAsync(IEventStore store)
    {
        var stopwatch = Stopwatch.StartNew();
        await store.AppendAsync(EventStreams.Game($"store-first-{Guid.NewGuid():N}"), [Offer(1)]);
        return stopwatch.Elapsed;
    }

    public static async Task<double> MeasureAppendsPerSecondAsync(IEventStore store, int streams, TimeSpan duration)
    {
        // Streams of their own, so that a run on a database that already holds a run's streams starts them afresh.
        var run = Guid.NewGuid().ToString("N")[..8];
        using var stop = new CancellationTokenSource();
        var stopwatch = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, streams).Select(stream => Task.Run(async () =>
        {
            var streamId = EventStreams.Game($"store-{run}-{stream}");
            long sequence = 0;
            while (!stop.IsCancellationRequested)
            {
                sequence++;
                await store.AppendAsync(streamId, [Offer(sequence)]);
            }

            return sequence;
        })).ToArray();
        stop.CancelAfter(duration);
        var appended = (await Task.WhenAll(loops)).Sum();
        return appended / stopwatch.Elapsed.TotalSeconds;
    }

    private static LoggedEvent Offer(long sequence) => new(sequence, DateTimeOffset.UtcNow, Guid.NewGuid(), "OfferTabled", OfferData);
}

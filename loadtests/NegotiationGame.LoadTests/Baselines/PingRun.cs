using System.Diagnostics;
using NegotiationGame.Storage;

namespace NegotiationGame.LoadTests.Baselines;

/// <summary>
/// The hidden <c>ping</c> command: the Orleans baseline of the end-to-end run, empty grain calls from as many callers
/// as the run has players, each with one call in flight, through a silo and a client in this process over the loopback
/// gateway (<see cref="LoopbackCluster"/>). Prints the calls per second.
/// </summary>
internal static class PingRun
{
    public static async Task<double> MeasureAsync(int callers, TimeSpan warmup, TimeSpan duration)
    {
        await using var cluster = await LoopbackCluster.StartAsync(new InMemoryEventStore());
        var pings = Enumerable.Range(0, callers).Select(caller => cluster.Client.GetGrain<IPingGrain>($"ping-{caller}")).ToArray();
        await CallForAsync(pings, warmup);
        var stopwatch = Stopwatch.StartNew();
        var calls = await CallForAsync(pings, duration);
        return calls / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task<long> CallForAsync(IPingGrain[] pings, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource(duration);
        var counts = await Task.WhenAll(pings.Select((ping, caller) => Task.Run(async () =>
        {
            long calls = 0;
            while (!stop.IsCancellationRequested)
            {
                await ping.Ping(caller);
                calls++;
            }

            return calls;
        })));
        return counts.Sum();
    }
}

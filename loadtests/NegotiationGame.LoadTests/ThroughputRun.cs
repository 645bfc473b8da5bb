using System.Collections.Immutable;
using System.Diagnostics;
using NegotiationGame.Contracts.Commands;
using NegotiationGame.Contracts.Games;
using NegotiationGame.Domain.Analytics;
using NegotiationGame.Scenarios;

namespace NegotiationGame.LoadTests;

/// <summary>
/// Three series over the same N concurrent callers: empty ping calls (the Orleans baseline), games on the in-memory
/// store and games on the SQLite store (<see cref="AlternatingOffersDriver"/>), each caller with one call in flight.
/// The series take turns in short slices, round after round, so that whatever else the machine is doing at a given
/// moment weighs on all three alike; each figure is its series' total over its total time.
/// </summary>
internal static class ThroughputRun
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(4);

    public static async Task<IReadOnlyList<SeriesResult>> MeasureAsync(
        IClusterClient inMemory, IClusterClient durable, int games, TimeSpan slice, int rounds, TextWriter progress)
    {
        var pings = Enumerable.Range(0, games).Select(worker => inMemory.GetGrain<IPingGrain>($"ping-{worker}")).ToArray();
        var memoryGames = await StartGamesAsync(inMemory, games);
        var durableGames = await StartGamesAsync(durable, games);
        progress.WriteLine($"{games} games started on each store");

        var series = new (string Name, Func<int, CancellationToken, Task<long>> Loop)[]
        {
            ("Orleans ping (baseline)", (worker, stop) => PingUntilAsync(pings[worker], worker, stop)),
            ("games, in-memory store", (worker, stop) => PlayAsync(memoryGames[worker], stop)),
            ("games, SQLite store", (worker, stop) => PlayAsync(durableGames[worker], stop)),
        };

        // Unmeasured first, so that no series is measured while the JIT is still compiling.
        foreach (var (_, loop) in series)
        {
            await RunForAsync(games, WarmUp, loop);
        }

        var counts = new long[series.Length];
        var elapsed = new TimeSpan[series.Length];
        var offersBefore = new[] { 0L, memoryGames.Sum(game => game.OffersResolved), durableGames.Sum(game => game.OffersResolved) };
        for (var round = 1; round <= rounds; round++)
        {
            for (var s = 0; s < series.Length; s++)
            {
                var allocatedBefore = GC.GetTotalAllocatedBytes();
                var pausedBefore = GC.GetTotalPauseDuration();
                var gen2Before = GC.CollectionCount(2);
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var (count, time) = await RunForAsync(games, slice, series[s].Loop);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                counts[s] += count;
                elapsed[s] += time;
                progress.WriteLine(
                    $"  round {round}/{rounds}: {series[s].Name}: {count / time.TotalSeconds:N0}/s, " +
                    $"{cpu / time:F2} cores busy, {cpu.TotalMicroseconds / Math.Max(1, count):F1} µs CPU per call, " +
                    $"{(GC.GetTotalAllocatedBytes() - allocatedBefore) / Math.Max(1, count):N0} B allocated per call, " +
                    $"GC paused {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:N0} ms, {GC.CollectionCount(2) - gen2Before} gen-2 collections");
            }
        }

        var offers = new[] { counts[0], memoryGames.Sum(game => game.OffersResolved) - offersBefore[1], durableGames.Sum(game => game.OffersResolved) - offersBefore[2] };
        return [.. series.Select((entry, s) => new SeriesResult(entry.Name, counts[s] / elapsed[s].TotalSeconds, offers[s] / elapsed[s].TotalSeconds))];
    }

    private static async Task<long> PingUntilAsync(IPingGrain grain, int worker, CancellationToken stop)
    {
        long calls = 0;
        while (!stop.IsCancellationRequested)
        {
            await grain.Ping(worker);
            calls++;
        }

        return calls;
    }

    private static async Task<long> PlayAsync(AlternatingOffersDriver game, CancellationToken stop)
    {
        var before = game.Commands;
        await game.PlayUntilAsync(stop);
        return game.Commands - before;
    }

    private static async Task<AlternatingOffersDriver[]> StartGamesAsync(IClusterClient client, int games)
    {
        var scenarioJson = BundledScenarios.FindJson(BundledScenarios.Default)!;
        var scenario = BundledScenarios.Load(BundledScenarios.Default);
        var space = new OutcomeSpace(scenario);

        // Packages are drawn up front (seeded) so that the callers spend their time calling, not building packages.
        var random = new Random(2025);
        var packages = Enumerable.Range(0, 512).Select(_ =>
        {
            var package = space.ToPackage(random.NextInt64(space.Count));
            return scenario.Issues.Where(_ => random.Next(3) == 0).DefaultIfEmpty(scenario.Issues[0])
                .ToImmutableDictionary(issue => issue.Id, issue => issue.Options[package.OptionOf(issue.Index)].Id);
        }).ToImmutableArray();

        var drivers = new AlternatingOffersDriver[games];
        await Parallel.ForEachAsync(Enumerable.Range(0, games), async (game, _) =>
        {
            var grain = client.GetGrain<IGameGrain>($"game-{game}");
            await grain.Create(new CreateGameRequest(scenarioJson, game, ImmutableDictionary<string, string>.Empty));
            await grain.Execute(new GameCommandRequest(Guid.NewGuid(), Actors.Instructor, new StartNegotiationBody()));
            drivers[game] = new AlternatingOffersDriver(grain, game, packages);
        });
        return drivers;
    }

    /// <summary>Runs one loop per worker until the time is up and returns the total count and the time it took.</summary>
    private static async Task<(long Count, TimeSpan Elapsed)> RunForAsync(int workers, TimeSpan duration, Func<int, CancellationToken, Task<long>> loop)
    {
        using var stop = new CancellationTokenSource();
        var stopwatch = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(worker => Task.Run(() => loop(worker, stop.Token))).ToArray();
        stop.CancelAfter(duration);
        var counts = await Task.WhenAll(tasks);
        return (counts.Sum(), stopwatch.Elapsed);
    }
}

/// <summary>A series' calls (or game commands) per second and, for games, offers resolved per second.</summary>
internal sealed record SeriesResult(string Name, double CallsPerSecond, double OffersPerSecond);

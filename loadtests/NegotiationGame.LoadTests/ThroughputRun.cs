using System.Collections.Immutable;
using System.Diagnostics;
using NegotiationGame.Contracts.Commands;
using NegotiationGame.Contracts.Games;
using NegotiationGame.Domain.Analytics;
using NegotiationGame.Scenarios;

namespace NegotiationGame.LoadTests;

/// <summary>
/// N games negotiate at once for a fixed time, each with one command in flight: the United States tables a seeded
/// random package to Russia, Russia answers it (accept or reject, alternately), and so on. An offer is resolved when
/// its answer is acknowledged, so each resolved offer is two commands, each decided by the core and made durable.
/// The same number of ping grains, one call in flight each, gives the Orleans baseline of the same run.
/// </summary>
internal static class ThroughputRun
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(8);

    public static async Task<(double PingCallsPerSecond, double OffersPerSecond, double CommandsPerSecond)> MeasureAsync(
        IClusterClient client, int games, TimeSpan duration, string label, TextWriter progress)
    {
        async Task<long> PingLoop(int worker, CancellationToken stop)
        {
            var grain = client.GetGrain<IPingGrain>($"{label}-ping-{worker}");
            long calls = 0;
            while (!stop.IsCancellationRequested)
            {
                await grain.Ping(worker);
                calls++;
            }

            return calls;
        }

        // Eight unmeasured seconds first, so that the baseline is not measured while the JIT is still compiling.
        await RunForAsync(games, WarmUp, PingLoop);
        var ping = await RunForAsync(games, duration, PingLoop);
        progress.WriteLine($"  ping: {ping / duration.TotalSeconds:N0} calls/s over {games} grains");

        var scenarioJson = BundledScenarios.FindJson(BundledScenarios.Default)!;
        var space = new OutcomeSpace(BundledScenarios.Load(BundledScenarios.Default));
        var scenario = BundledScenarios.Load(BundledScenarios.Default);
        await Parallel.ForEachAsync(Enumerable.Range(0, games), async (game, _) =>
        {
            var grain = client.GetGrain<IGameGrain>($"{label}-game-{game}");
            await grain.Create(new CreateGameRequest(scenarioJson, game, ImmutableDictionary<string, string>.Empty));
            await grain.Execute(new GameCommandRequest(Guid.NewGuid(), Actors.Instructor, new StartNegotiationBody()));
        });
        progress.WriteLine($"  {games} games created and started");

        // Offers are drawn up front (seeded) so that the client spends its time calling, not building packages.
        var random = new Random(2025);
        var offerBodies = Enumerable.Range(0, 512).Select(_ =>
        {
            var package = space.ToPackage(random.NextInt64(space.Count));
            var choices = scenario.Issues.Where(_ => random.Next(3) == 0).DefaultIfEmpty(scenario.Issues[0])
                .ToImmutableDictionary(issue => issue.Id, issue => issue.Options[package.OptionOf(issue.Index)].Id);
            return new TableOfferBody(choices, ["russia"], null);
        }).ToArray();

        var offers = await RunForAsync(games, duration, async (worker, stop) =>
        {
            var grain = client.GetGrain<IGameGrain>($"{label}-game-{worker}");
            long resolved = 0;
            var offerId = 0;
            while (!stop.IsCancellationRequested)
            {
                var offer = offerBodies[(worker + offerId) % offerBodies.Length];
                var tabled = await grain.Execute(new GameCommandRequest(Guid.NewGuid(), "us", offer));
                if (!tabled.Accepted)
                {
                    throw new InvalidOperationException($"Offer refused: {tabled.ErrorCode} {tabled.ErrorMessage}");
                }

                offerId++;
                CommandBody answer = offerId % 2 == 0 ? new AcceptOfferBody(offerId) : new RejectOfferBody(offerId);
                await grain.Execute(new GameCommandRequest(Guid.NewGuid(), "russia", answer));
                resolved++;
            }

            return resolved;
        });
        var offersPerSecond = offers / duration.TotalSeconds;
        progress.WriteLine($"  games: {offersPerSecond:N0} offers resolved/s ({2 * offersPerSecond:N0} commands/s)");
        return (ping / duration.TotalSeconds, offersPerSecond, 2 * offersPerSecond);
    }

    /// <summary>Runs one loop per worker until the time is up and returns the total count.</summary>
    private static async Task<long> RunForAsync(int workers, TimeSpan duration, Func<int, CancellationToken, Task<long>> loop)
    {
        using var stop = new CancellationTokenSource();
        var stopwatch = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(worker => Task.Run(() => loop(worker, stop.Token))).ToArray();
        stop.CancelAfter(duration);
        var counts = await Task.WhenAll(tasks);
        return counts.Sum();
    }
}

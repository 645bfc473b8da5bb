using System.Collections.Immutable;
using NegotiationGame.Contracts.Commands;
using NegotiationGame.Contracts.Games;
using NegotiationGame.Scenarios;

namespace NegotiationGame.LoadTests;

/// <summary>
/// Managed memory held per active game with its party grains: the heap after a full collection, before and after
/// activating N games that have started negotiating and have an offer on the table, and each game's four party
/// grains (each asked for its view), divided by N.
/// </summary>
internal static class MemoryRun
{
    private static readonly string[] Parties = ["us", "russia", "ukraine", "eu"];

    public static async Task<double> MeasureBytesPerGameAsync(IClusterClient client, int games, TextWriter progress)
    {
        var scenarioJson = BundledScenarios.FindJson(BundledScenarios.Default)!;
        var before = Settle();
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, games), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (game, _) =>
        {
            var grain = client.GetGrain<IGameGrain>($"memory-game-{game}");
            await grain.Create(new CreateGameRequest(scenarioJson, game, ImmutableDictionary<string, string>.Empty));
            await grain.Execute(new GameCommandRequest(Guid.NewGuid(), Actors.Instructor, new StartNegotiationBody()));
            await grain.Execute(new GameCommandRequest(Guid.NewGuid(), "us", new TableOfferBody(ImmutableDictionary<string, string>.Empty.Add("minerals", "share-25"), ["ukraine"], null)));
            foreach (var party in Parties)
            {
                await client.GetGrain<IPartyGrain>(PartyKeys.Of($"memory-game-{game}", party)).GetView();
            }

            if (Interlocked.Increment(ref done) % 2_000 == 0)
            {
                progress.WriteLine($"  {done:N0} games active");
            }
        });

        var after = Settle();
        return (after - before) / (double)games;
    }

    private static long Settle()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

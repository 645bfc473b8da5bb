using NegotiationGame.Contracts.Commands;
using NegotiationGame.Domain.Bots;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Scenarios;
using NegotiationGame.Storage.Sqlite;
using NegotiationGame.Tests;

namespace NegotiationGame.Grains.Tests;

/// <summary>Silos stopped mid-game and new ones started on the same SQLite file: every game resumes exactly.</summary>
public sealed class GameRestartTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Games_resume_with_identical_state_and_no_acknowledged_event_lost()
    {
        var ids = Enumerable.Range(0, 20).Select(i => $"restart-{i}").ToArray();
        var acknowledged = new Dictionary<string, long>();
        var before = new Dictionary<string, string>();

        await using (var store = new SqliteEventStore(_database.Path))
        {
            await using var cluster = await GameCluster.StartAsync(store);
            foreach (var (id, seed) in ids.Select((id, seed) => (id, seed)))
            {
                await cluster.CreateAsync(id, seed);
                await cluster.ExecuteAsync(id, Actors.Instructor, new StartNegotiationBody());
                var outcome = await cluster.ExecuteAsync(id, Actors.Instructor, new ProcessNowBody());
                acknowledged[id] = outcome.LastSequence;
                before[id] = (await cluster.Game(id).GetSummary()).StateHash;
            }
        }

        await using (var store = new SqliteEventStore(_database.Path))
        {
            await using var cluster = await GameCluster.StartAsync(store);
            foreach (var (id, seed) in ids.Select((id, seed) => (id, seed)))
            {
                var resumed = await cluster.Game(id).GetSummary();
                Assert.Equal(acknowledged[id], resumed.LastSequence);
                Assert.Equal(before[id], resumed.StateHash);

                var ended = await cluster.PlayToEndAsync(id);

                var (expected, _) = BotPlay.PlayToEnd(
                    GameState.Start(BundledScenarios.Load("ukraine-2025")),
                    [BotStrategy.Boulware, BotStrategy.Conceder, BotStrategy.Linear, BotStrategy.TitForTat],
                    seed);
                Assert.Equal(GameStateHash.Compute(expected), ended.StateHash);
            }
        }
    }
}

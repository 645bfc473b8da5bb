using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using NegotiationGame.Contracts.Commands;
using NegotiationGame.Contracts.Games;
using NegotiationGame.Scenarios;
using NegotiationGame.Storage;
using Orleans.TestingHost;

namespace NegotiationGame.Grains.Tests;

/// <summary>A real Orleans cluster of in-process silos (two by default) on a given event store.</summary>
internal sealed class GameCluster : IAsyncDisposable
{
    public static readonly ImmutableDictionary<string, string> FourBots = new Dictionary<string, string>
    {
        ["us"] = "boulware",
        ["russia"] = "conceder",
        ["ukraine"] = "linear",
        ["eu"] = "tit-for-tat",
    }.ToImmutableDictionary();

    private GameCluster(InProcessTestCluster cluster) => Cluster = cluster;

    public InProcessTestCluster Cluster { get; }

    public IClusterClient Client => Cluster.Client;

    public static Task<GameCluster> StartAsync<TStore>(TStore store, short silos = 2, TimeProvider? clock = null)
        where TStore : class, IEventStore, IDeadlineSchedule =>
        StartAsync(store, store, silos, clock);

    /// <summary>Silos on the store; the grains and the sweeper read the time from <paramref name="clock"/> (the real one by default).</summary>
    public static async Task<GameCluster> StartAsync(IEventStore store, IDeadlineSchedule schedule, short silos = 2, TimeProvider? clock = null)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) =>
        {
            if (clock is not null)
            {
                silo.Services.AddKeyedSingleton(GameClock.Key, clock);
            }

            silo.Services.AddGameRuntime(store, schedule, new DeadlineSweeperOptions(TimeSpan.FromMilliseconds(200)));
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new GameCluster(cluster);
    }

    public IGameGrain Game(string gameId) => Client.GetGrain<IGameGrain>(gameId);

    /// <summary>Polls the game's summary until <paramref name="condition"/> holds; fails after <paramref name="timeout"/>.</summary>
    public async Task<GameSummary> WaitForAsync(string gameId, Func<GameSummary, bool> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var summary = await Game(gameId).GetSummary();
            if (condition(summary))
            {
                return summary;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
    }

    public Task<GameSummary> CreateAsync(string gameId, int seed, ImmutableDictionary<string, string>? bots = null, int roundSeconds = 0) =>
        Game(gameId).Create(new CreateGameRequest(BundledScenarios.FindJson(BundledScenarios.Default)!, seed, bots ?? FourBots, RoundSeconds: roundSeconds));

    public Task<CommandOutcome> ExecuteAsync(string gameId, string actor, CommandBody body, Guid? commandId = null) =>
        Game(gameId).Execute(new GameCommandRequest(commandId ?? Guid.NewGuid(), actor, body));

    /// <summary>Starts the negotiation and closes round after round, as an instructor pressing "process now".</summary>
    public async Task<GameSummary> PlayToEndAsync(string gameId)
    {
        await ExecuteAsync(gameId, Actors.Instructor, new StartNegotiationBody());
        var summary = await Game(gameId).GetSummary();
        for (var guard = 0; summary.Phase != "Ended" && guard < 1_000; guard++)
        {
            await ExecuteAsync(gameId, Actors.Instructor, new ProcessNowBody());
            summary = await Game(gameId).GetSummary();
        }

        return summary;
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}

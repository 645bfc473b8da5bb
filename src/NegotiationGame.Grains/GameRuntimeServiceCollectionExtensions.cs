using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NegotiationGame.Storage;

namespace NegotiationGame.Grains;

public static class GameRuntimeServiceCollectionExtensions
{
    /// <summary>What the grains need from a silo's services: the event store with its deadline schedule, a clock (<see cref="GameClock"/>), and the sweeper.</summary>
    public static IServiceCollection AddGameRuntime<TStore>(this IServiceCollection services, TStore store, DeadlineSweeperOptions? sweeper = null)
        where TStore : class, IEventStore, IDeadlineSchedule =>
        services.AddGameRuntime(store, (IDeadlineSchedule)store, sweeper);

    /// <summary>The same, with the deadline schedule kept apart from the event store.</summary>
    public static IServiceCollection AddGameRuntime(this IServiceCollection services, IEventStore store, IDeadlineSchedule schedule, DeadlineSweeperOptions? sweeper = null)
    {
        services.AddSingleton(sweeper ?? DeadlineSweeperOptions.Default);
        services.AddSingleton(store);
        services.AddSingleton(schedule);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<TimeProvider>(GameClock.Key, (provider, _) => provider.GetRequiredService<TimeProvider>());
        services.AddHostedService<DeadlineSweeper>();
        return services;
    }
}

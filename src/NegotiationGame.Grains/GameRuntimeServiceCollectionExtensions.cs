using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NegotiationGame.Storage;

namespace NegotiationGame.Grains;

public static class GameRuntimeServiceCollectionExtensions
{
    /// <summary>What the grains need from a silo's services: the event store, and a clock.</summary>
    public static IServiceCollection AddGameRuntime(this IServiceCollection services, IEventStore store)
    {
        services.AddSingleton(store);
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}

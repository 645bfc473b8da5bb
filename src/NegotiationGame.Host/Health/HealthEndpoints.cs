using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace NegotiationGame.Host.Health;

/// <summary>
/// Liveness (<c>/healthz/live</c>, and <c>/healthz</c> as its older name): the process answers HTTP, nothing more, so
/// that an orchestrator restarts only a process that is truly stuck. Readiness (<c>/healthz/ready</c>): the silo is
/// Active and the store answers, so that a load balancer sends players only to a node that can serve their games.
/// </summary>
internal static class HealthEndpoints
{
    public const string AliasPath = "/healthz";
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";

    private const string ReadyTag = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services, HostBackend backend)
    {
        // Singletons, not one instance per request as the health check service would make: the store check's
        // cached probe must outlive the request that started it.
        services.AddSingleton<SiloHealthCheck>();
        services.AddSingleton(provider => new StoreHealthCheck(backend.StoreProbe, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<StoreHealthCheck>>()));
        services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("silo", tags: [ReadyTag])
            .AddCheck<StoreHealthCheck>("store", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        var liveness = new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponses.WriteLivenessAsync };
        endpoints.MapHealthChecks(AliasPath, liveness);
        endpoints.MapHealthChecks(LivePath, liveness);
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponses.WriteReadinessAsync,
        });
        return endpoints;
    }
}

using Microsoft.AspNetCore.DataProtection;
using NegotiationGame.Host.Cluster;
using NegotiationGame.Storage;
using NegotiationGame.Storage.Library;

namespace NegotiationGame.Host;

/// <summary>
/// What differs between the two modes: where the games are kept, how the silo finds the other silos, and where the
/// Data Protection key ring that signs tokens lives. Everything else in the server is the same in both.
/// </summary>
internal abstract class HostBackend : IAsyncDisposable
{
    /// <summary>Opens the backend that <see cref="HostSettings.Mode"/> names; throws <see cref="StartupRefusedException"/> with the operator's line when it cannot.</summary>
    public static async Task<HostBackend> OpenAsync(IConfiguration configuration, HostSettings settings) =>
        settings.Mode switch
        {
            HostMode.Embedded => EmbeddedBackend.Open(settings),
            HostMode.Cluster => await ClusterBackend.ConnectAsync(configuration, settings).ConfigureAwait(false),
            _ => throw new StartupRefusedException($"NegotiationGame:Mode must be {HostMode.Embedded} or {HostMode.Cluster}."),
        };

    /// <summary>The store's cheapest request, which the readiness check makes.</summary>
    public abstract IStoreProbe StoreProbe { get; }

    /// <summary>Where the scenarios instructors uploaded are kept: beside the games, in the same database.</summary>
    public abstract IScenarioLibrary ScenarioLibrary { get; }

    /// <summary>Clustering, endpoints and the game runtime with this backend's store.</summary>
    public abstract void ConfigureSilo(ISiloBuilder silo);

    /// <summary>Where the key ring is kept.</summary>
    public abstract void ConfigureKeyRing(IDataProtectionBuilder dataProtection);

    /// <summary>Runs once the services are built, before the server serves anyone.</summary>
    public virtual Task PrepareAsync(IServiceProvider services) => Task.CompletedTask;

    public abstract ValueTask DisposeAsync();
}

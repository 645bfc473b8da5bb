using Microsoft.AspNetCore.DataProtection;
using NegotiationGame.Grains;
using NegotiationGame.Storage;
using NegotiationGame.Storage.Library;
using NegotiationGame.Storage.Sqlite;
using Orleans.Configuration;

namespace NegotiationGame.Host;

/// <summary>The embedded default: one silo on localhost clustering, the SQLite file, and the key ring in a folder beside it.</summary>
internal sealed class EmbeddedBackend : HostBackend
{
    /// <summary>The size of the grain directory's caches in the one silo; Orleans refuses a cache of none.</summary>
    private const int EmbeddedDirectoryCacheSize = 1_000;

    private readonly HostSettings _settings;
    private readonly SqliteEventStore _store;

    private EmbeddedBackend(HostSettings settings, SqliteEventStore store)
    {
        _settings = settings;
        _store = store;
        ScenarioLibrary = new SqliteScenarioLibrary(store);
    }

    public static EmbeddedBackend Open(HostSettings settings)
    {
        try
        {
            return new EmbeddedBackend(settings, new SqliteEventStore(settings.DataPath));
        }
        catch (Exception exception) when (exception is StoreInUseException or InvalidDataException)
        {
            // Another server (or an export) holds the file, or it is no store of this version: one line says which.
            throw new StartupRefusedException(exception.Message, exception);
        }
    }

    public override IStoreProbe StoreProbe => _store;

    public override IScenarioLibrary ScenarioLibrary { get; }

    public override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.UseLocalhostClustering(siloPort: _settings.SiloPort, gatewayPort: _settings.GatewayPort);
        // The directory's caches remember where grains of other silos live. One silo has no other, and at Orleans'
        // default of a million entries the two caches took about 18 MB of heap from the start (docs/performance.md).
        silo.Configure<GrainDirectoryOptions>(directory => directory.CacheSize = EmbeddedDirectoryCacheSize);
        silo.Services.AddGameRuntime(_store);
    }

    public override void ConfigureKeyRing(IDataProtectionBuilder dataProtection) =>
        dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(_settings.DataPath))!, "keys")));

    public override ValueTask DisposeAsync() => _store.DisposeAsync();
}

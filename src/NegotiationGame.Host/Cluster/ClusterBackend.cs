using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using NegotiationGame.Grains;
using NegotiationGame.Storage;
using NegotiationGame.Storage.Library;
using NegotiationGame.Storage.Postgres;
using Npgsql;
using Orleans.Configuration;

namespace NegotiationGame.Host.Cluster;

/// <summary>
/// A node of the cluster: Orleans membership, the games, the deadlines and the key ring all in the one PostgreSQL
/// database that <c>ConnectionStrings:NegotiationGame</c> names. The node only checks the schema; it never creates
/// tables, so that two releases never race to shape the shared database (operators run <c>negotiationgame migrate</c>).
/// </summary>
internal sealed class ClusterBackend : HostBackend
{
    public const string ConnectionStringName = "NegotiationGame";

    /// <summary>The ADO.NET provider name under which Orleans finds Npgsql.</summary>
    private const string NpgsqlInvariant = "Npgsql";

    private readonly HostSettings _settings;
    private readonly string _connectionString;
    private readonly IPAddress _advertisedAddress;
    private readonly PostgresEventStore _store;
    private readonly KubernetesPod? _pod;
    private readonly NpgsqlDataSource _libraryConnections;

    private ClusterBackend(HostSettings settings, string connectionString, IPAddress advertisedAddress, PostgresEventStore store, KubernetesPod? pod)
    {
        _settings = settings;
        _connectionString = connectionString;
        _advertisedAddress = advertisedAddress;
        _store = store;
        _pod = pod;
        _libraryConnections = NpgsqlDataSource.Create(connectionString);
        ScenarioLibrary = new PostgresScenarioLibrary(_libraryConnections);
    }

    public static async Task<ClusterBackend> ConnectAsync(IConfiguration configuration, HostSettings settings)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StartupRefusedException(
                $"Cluster mode needs ConnectionStrings:{ConnectionStringName} (environment ConnectionStrings__{ConnectionStringName}), the Npgsql connection string of the shared database; create its schema with: {PostgresSchema.MigrateCommand}");
        }

        // In a pod the address defaults to the pod's own IP, which the other pods reach directly.
        var pod = KubernetesPod.Current;
        var advertisedAddress = AdvertisedAddress.Resolve(string.IsNullOrWhiteSpace(settings.AdvertisedAddress) ? pod?.Address : settings.AdvertisedAddress);
        var check = await CheckSchemaAsync(connectionString).ConfigureAwait(false);
        if (!check.IsCurrent)
        {
            throw new StartupRefusedException(check.Message);
        }

        return new ClusterBackend(settings, connectionString, advertisedAddress, new PostgresEventStore(connectionString), pod);
    }

    public override IStoreProbe StoreProbe => _store;

    public override IScenarioLibrary ScenarioLibrary { get; }

    public override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.UseAdoNetClustering(clustering =>
        {
            clustering.Invariant = NpgsqlInvariant;
            clustering.ConnectionString = _connectionString;
        });
        if (_pod is not null)
        {
            // The pod's name becomes the silo's, and a deleted pod's silo is declared dead at once rather than after
            // missed probes. Added before ClusterOptions below, so that NegotiationGame:ClusterId and ServiceId stay
            // the ids even where ORLEANS_CLUSTER_ID or ORLEANS_SERVICE_ID are set; the endpoints set below win over
            // the ones it would derive, since it fills only what is still unset.
            silo.UseKubernetesHosting();
        }

        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = _settings.ClusterId;
            cluster.ServiceId = _settings.ServiceId;
        });

        // Listen on every interface, advertise the one address the other nodes reach this node at.
        silo.ConfigureEndpoints(_advertisedAddress, _settings.SiloPort, _settings.GatewayPort, listenOnAnyHostAddress: true);
        silo.Configure<ClusterMembershipOptions>(FailureDetection.Apply);
        silo.Services.AddGameRuntime(_store);
    }

    public override void ConfigureKeyRing(IDataProtectionBuilder dataProtection) =>
        dataProtection.AddKeyManagementOptions(keys => keys.XmlRepository = new PostgresXmlRepository(_connectionString));

    public override Task PrepareAsync(IServiceProvider services) =>
        SharedKeyRing.EnsureKeyAsync(_connectionString, services.GetRequiredService<IKeyManager>(), TimeProvider.System);

    public override async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync().ConfigureAwait(false);
        await _libraryConnections.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<SchemaCheck> CheckSchemaAsync(string connectionString)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            throw new StartupRefusedException($"ConnectionStrings:{ConnectionStringName} is no Npgsql connection string: {exception.Message}", exception);
        }

        try
        {
            return await PostgresSchema.CheckAsync(connectionString).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or SocketException or TimeoutException)
        {
            throw new StartupRefusedException(
                $"Cannot reach the database '{parsed.Database}' on {parsed.Host}:{parsed.Port} ({exception.Message}); check ConnectionStrings:{ConnectionStringName}.",
                exception);
        }
    }
}

using NegotiationGame.Storage.Sqlite;
using NegotiationGame.Tests;

namespace NegotiationGame.Grains.Tests;

/// <summary>A test class on a two-silo cluster over its own SQLite file, which a test may restart on the same file.</summary>
public abstract class SqliteClusterTest : IAsyncLifetime
{
    private readonly TemporaryDatabase _database = new();

    private protected SqliteEventStore Store { get; private set; } = null!;

    private protected GameCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = new SqliteEventStore(_database.Path);
        Cluster = await GameCluster.StartAsync(Store);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Store.DisposeAsync();
        _database.Dispose();
    }

    /// <summary>Stops every silo and starts new ones on the same store: what is left is what the logs hold.</summary>
    private protected async Task RestartAsync()
    {
        await Cluster.DisposeAsync();
        Cluster = await GameCluster.StartAsync(Store);
    }
}

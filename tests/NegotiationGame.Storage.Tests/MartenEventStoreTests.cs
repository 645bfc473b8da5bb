using NegotiationGame.MartenTrial;
using NegotiationGame.Tests;

namespace NegotiationGame.Storage.Tests;

/// <summary>The trial of Marten's event store (docs/performance.md) on the same contract, against a real PostgreSQL.</summary>
public sealed class MartenEventStoreTests : EventStoreContractTests, IAsyncLifetime
{
    private TemporaryPostgresDatabase _database = null!;
    private MartenEventStore _store = null!;

    protected override IEventStore Store => _store;

    public async Task InitializeAsync()
    {
        _database = await TemporaryPostgresDatabase.CreateAsync();
        _store = new MartenEventStore(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task An_append_that_skips_the_start_of_a_new_stream_is_refused_and_creates_no_stream()
    {
        // Marten starts a stream only for an append at 1; any other goes through its expected-version check.
        await Assert.ThrowsAsync<EventStoreConflictException>(() => Store.AppendAsync("game/late", [Entry(3), Entry(4)]));

        Assert.Empty(await Store.ReadAsync("game/late", 0, 100));
        Assert.Empty(await Store.ListStreamsAsync("game/late"));
    }
}

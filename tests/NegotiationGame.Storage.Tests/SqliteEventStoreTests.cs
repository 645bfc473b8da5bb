using NegotiationGame.Storage.Sqlite;
using NegotiationGame.Tests;

namespace NegotiationGame.Storage.Tests;

/// <summary>The contract and the SQLite store's own promises, with the stream index written as the server writes it.</summary>
public class SqliteEventStoreTests : EventStoreContractTests, IAsyncLifetime
{
    private readonly TemporaryDatabase _file = new();
    private SqliteEventStore _store = null!;

    protected override IEventStore Store => _store;

    protected virtual SqliteIndexing Indexing => SqliteIndexing.Default;

    public Task InitializeAsync()
    {
        _store = new SqliteEventStore(_file.Path, Indexing);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _file.Dispose();
    }

    [Fact]
    public async Task Entries_survive_closing_and_reopening_the_file()
    {
        var entries = new[] { Entry(1, "GameCreated"), Entry(2) };
        await _store.AppendAsync("game/durable", entries);
        await _store.DisposeAsync();

        _store = new SqliteEventStore(_file.Path, Indexing);

        Assert.Equal(entries, await _store.ReadAsync("game/durable", 0, 10));
        await _store.AppendAsync("game/durable", [Entry(3)]);
    }

    [Fact]
    public async Task Concurrent_appends_share_commits()
    {
        const int games = 200;
        var before = _store.Commits;

        await Task.WhenAll(Enumerable.Range(0, games).Select(game => _store.AppendAsync($"game/group-{game}", [Entry(1)])));

        var commits = _store.Commits - before;
        Assert.InRange(commits, 1, games - 1);
    }

    [Fact]
    public async Task A_refused_append_in_a_shared_commit_does_not_affect_the_others()
    {
        await _store.AppendAsync("game/shared", [Entry(1)]);

        var good = Enumerable.Range(0, 20).Select(game => _store.AppendAsync($"game/shared-{game}", [Entry(1)])).ToList();
        var bad = _store.AppendAsync("game/shared", [Entry(5)]);

        await Task.WhenAll(good);
        await Assert.ThrowsAsync<EventStoreConflictException>(() => bad);
        Assert.Single(await _store.ReadAsync("game/shared", 0, 10));
    }
}

/// <summary>The same tests with every append read from the appends table: the index is written only on closing.</summary>
public sealed class SqliteEventStoreUnindexedTests : SqliteEventStoreTests
{
    protected override SqliteIndexing Indexing => new(int.MaxValue, Timeout.InfiniteTimeSpan);
}

/// <summary>The same tests with a generation sealed every three appends and indexed a few per commit, so that reads span the index and both generations.</summary>
public sealed class SqliteEventStoreFrequentIndexTests : SqliteEventStoreTests
{
    protected override SqliteIndexing Indexing => new(3, Timeout.InfiniteTimeSpan, MinimumSlice: 1);
}

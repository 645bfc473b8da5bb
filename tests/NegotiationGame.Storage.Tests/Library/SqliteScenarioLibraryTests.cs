using NegotiationGame.Storage.Library;
using NegotiationGame.Storage.Sqlite;
using NegotiationGame.Tests;

namespace NegotiationGame.Storage.Tests.Library;

/// <summary>The contract on the store's own file, and that entries outlive the store that wrote them.</summary>
public sealed class SqliteScenarioLibraryTests : ScenarioLibraryContractTests, IAsyncLifetime
{
    private readonly TemporaryDatabase _file = new();
    private SqliteEventStore _store = null!;
    private SqliteScenarioLibrary _library = null!;

    protected override IScenarioLibrary Library => _library;

    public Task InitializeAsync()
    {
        _store = new SqliteEventStore(_file.Path);
        _library = new SqliteScenarioLibrary(_store);
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
        var scenario = Scenario("{ \"durable\": true }");
        await _library.AddAsync(scenario, maxEntries: 10);
        await _store.DisposeAsync();

        _store = new SqliteEventStore(_file.Path);
        _library = new SqliteScenarioLibrary(_store);

        Assert.Equal(scenario, await _library.FindAsync(scenario.Entry.ContentHash));
    }
}

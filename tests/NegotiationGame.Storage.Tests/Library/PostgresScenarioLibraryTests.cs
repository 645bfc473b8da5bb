using NegotiationGame.Storage.Library;
using NegotiationGame.Storage.Postgres;
using NegotiationGame.Tests;
using Npgsql;

namespace NegotiationGame.Storage.Tests.Library;

/// <summary>The contract on a fresh, migrated database, and that nodes adding at once never pass the limit.</summary>
public sealed class PostgresScenarioLibraryTests : ScenarioLibraryContractTests, IAsyncLifetime
{
    private TemporaryPostgresDatabase _database = null!;
    private NpgsqlDataSource _dataSource = null!;
    private PostgresScenarioLibrary _library = null!;

    protected override IScenarioLibrary Library => _library;

    public async Task InitializeAsync()
    {
        _database = await TemporaryPostgresDatabase.CreateAsync();
        await PostgresSchema.MigrateAsync(_database.ConnectionString);
        _dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        _library = new PostgresScenarioLibrary(_dataSource);
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Uploads_from_two_nodes_at_once_never_pass_the_limit()
    {
        await using var otherNode = NpgsqlDataSource.Create(_database.ConnectionString);
        var other = new PostgresScenarioLibrary(otherNode);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(n =>
            (n % 2 == 0 ? _library : other).AddAsync(Scenario($"{{ \"n\": {n} }}"), maxEntries: 5)));

        Assert.Equal(5, outcomes.Count(outcome => outcome.Result == LibraryAddResult.Added));
        Assert.Equal(5, (await _library.ListAsync()).Count);
    }
}

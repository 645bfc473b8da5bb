using NegotiationGame.Tests;

namespace NegotiationGame.Storage.Tests;

/// <summary>The tests' private PostgreSQL: each temporary database starts empty and is gone after its test.</summary>
public class TemporaryPostgresDatabaseTests
{
    [Fact]
    public async Task A_temporary_database_starts_empty_and_is_dropped_on_dispose()
    {
        string name;
        await using (var database = await TemporaryPostgresDatabase.CreateAsync())
        {
            name = database.Name;
            Assert.Equal(0L, await database.ExecuteAsync("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
        }

        await using var other = await TemporaryPostgresDatabase.CreateAsync();
        Assert.Equal(0L, await other.ExecuteAsync($"SELECT count(*) FROM pg_database WHERE datname = '{name}'"));
    }
}

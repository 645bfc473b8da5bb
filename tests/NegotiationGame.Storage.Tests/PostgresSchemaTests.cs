using NegotiationGame.Storage.Postgres;
using NegotiationGame.Tests;

namespace NegotiationGame.Storage.Tests;

/// <summary>The migrations runner: what it applies, what it refuses to touch, and what it tells the operator.</summary>
public sealed class PostgresSchemaTests : IAsyncLifetime
{
    private TemporaryPostgresDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TemporaryPostgresDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public void This_build_carries_the_event_store_migration_first_and_versions_are_unique()
    {
        Assert.Equal(new Migration(1, "event_store", Migration.All[0].Sql), Migration.All[0]);
        Assert.Contains("negotiationgame_events", Migration.All[0].Sql, StringComparison.Ordinal);
        Assert.Equal(Migration.All.Count, Migration.All.Select(m => m.Version).Distinct().Count());
    }

    [Fact]
    public async Task The_check_says_missing_before_migrating_and_current_after()
    {
        var before = await PostgresSchema.CheckAsync(_database.ConnectionString);
        Assert.Equal(SchemaStatus.Missing, before.Status);
        Assert.Contains(PostgresSchema.MigrateCommand, before.Message, StringComparison.Ordinal);
        Assert.Contains(_database.Name, before.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', before.Message);
        Assert.Equal(0L, await _database.ExecuteAsync("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));

        await PostgresSchema.MigrateAsync(_database.ConnectionString);

        var after = await PostgresSchema.CheckAsync(_database.ConnectionString);
        Assert.True(after.IsCurrent);
        Assert.Equal(Migration.All[^1].Version, after.AppliedVersion);
        Assert.DoesNotContain("migrate", after.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrating_twice_applies_each_migration_once()
    {
        var first = await PostgresSchema.MigrateAsync(_database.ConnectionString);
        await using (var store = new PostgresEventStore(_database.ConnectionString))
        {
            await store.AppendAsync("game/kept", [TestEntries.Entry(1)]);
        }

        var second = await PostgresSchema.MigrateAsync(_database.ConnectionString);

        Assert.Equal(Migration.All, first);
        Assert.Empty(second);
        Assert.Equal((long)Migration.All.Count, await _database.ExecuteAsync($"SELECT count(*) FROM {PostgresSchema.VersionsTable}"));
        Assert.Equal(1L, await _database.ExecuteAsync("SELECT count(*) FROM negotiationgame_events"));
    }

    [Fact]
    public async Task Migrations_started_at_once_both_succeed_and_apply_each_migration_once()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgresSchema.MigrateAsync(_database.ConnectionString))));

        Assert.Equal(Migration.All.Count, runs.Sum(applied => applied.Count));
        Assert.Equal((long)Migration.All.Count, await _database.ExecuteAsync($"SELECT count(*) FROM {PostgresSchema.VersionsTable}"));
        Assert.True((await PostgresSchema.CheckAsync(_database.ConnectionString)).IsCurrent);
    }

    [Fact]
    public async Task The_check_says_newer_when_a_later_release_has_migrated_the_database()
    {
        await PostgresSchema.MigrateAsync(_database.ConnectionString);
        var later = Migration.All[^1].Version + 1;
        await _database.ExecuteAsync($"INSERT INTO {PostgresSchema.VersionsTable} (version, name) VALUES ({later}, 'from_a_later_release')");

        var check = await PostgresSchema.CheckAsync(_database.ConnectionString);

        Assert.Equal(SchemaStatus.Newer, check.Status);
        Assert.Equal(later, check.AppliedVersion);
        Assert.Contains($"version {later}, newer than this build's {Migration.All[^1].Version}", check.Message, StringComparison.Ordinal);
        Assert.Empty(await PostgresSchema.MigrateAsync(_database.ConnectionString));
    }

    [Fact]
    public async Task The_check_says_older_when_a_migration_of_this_build_is_not_applied()
    {
        await PostgresSchema.MigrateAsync(_database.ConnectionString);
        // As a database migrated by the previous release looks: every migration but the newest recorded.
        await _database.ExecuteAsync($"DELETE FROM {PostgresSchema.VersionsTable} WHERE version = {Migration.All[^1].Version}");

        var check = await PostgresSchema.CheckAsync(_database.ConnectionString);

        Assert.Equal(SchemaStatus.Older, check.Status);
        Assert.Contains(PostgresSchema.MigrateCommand, check.Message, StringComparison.Ordinal);
    }
}

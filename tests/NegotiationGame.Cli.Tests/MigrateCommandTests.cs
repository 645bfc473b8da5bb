using NegotiationGame.Storage.Postgres;
using NegotiationGame.Tests;
using Npgsql;

namespace NegotiationGame.Cli.Tests;

/// <summary><c>negotiationgame migrate</c> against the tests' real PostgreSQL: what it applies, and what it says when it cannot.</summary>
public sealed class MigrateCommandTests : IAsyncLifetime
{
    // The query keys Microsoft.Orleans.Clustering.AdoNet 10.4.2 refuses to start without, and the optional one it prefers.
    private static readonly string[] OrleansQueryKeys =
    [
        "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey", "UpdateIAmAlivetimeKey",
        "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey", "CleanupDefunctSiloEntriesKey",
        "CleanupDefunctSiloEntryKey",
    ];

    private TemporaryPostgresDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TemporaryPostgresDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Migrate_applies_every_migration_once_and_then_says_the_schema_is_current()
    {
        var first = CliRun.Of("migrate", "--connection", _database.ConnectionString);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal("", first.Error);
        foreach (var migration in Migration.All)
        {
            Assert.Contains($"applied {migration.Version:0000}_{migration.Name}", first.Output, StringComparison.Ordinal);
        }

        Assert.Contains("orleans_membership", string.Join(' ', Migration.All.Select(m => m.Name)), StringComparison.Ordinal);

        var second = CliRun.Of("migrate", "--connection", _database.ConnectionString);

        Assert.Equal(0, second.ExitCode);
        Assert.DoesNotContain("applied", second.Output, StringComparison.Ordinal);
        Assert.Contains($"is current (version {Migration.All[^1].Version}); nothing to apply", second.Output, StringComparison.Ordinal);
        Assert.True((await PostgresSchema.CheckAsync(_database.ConnectionString)).IsCurrent);
        Assert.Equal((long)Migration.All.Count, await _database.ExecuteAsync($"SELECT count(*) FROM {PostgresSchema.VersionsTable}"));
    }

    [Fact]
    public async Task Migrate_installs_every_query_the_Orleans_clustering_provider_reads()
    {
        Assert.Equal(0, CliRun.Of("migrate", "--connection", _database.ConnectionString).ExitCode);

        // The provider's own query for its catalogue, unquoted as it sends it.
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT QueryKey, QueryText FROM OrleansQuery", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(reader.GetOrdinal("QueryKey")));
            Assert.False(string.IsNullOrWhiteSpace(reader.GetString(reader.GetOrdinal("QueryText"))));
        }

        Assert.Equal(OrleansQueryKeys.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Migrate_against_a_server_that_does_not_answer_fails_with_one_line_and_status_2()
    {
        var closedPort = LoopbackPorts.FindFree();

        var run = CliRun.Of("migrate", "--connection", $"Host=127.0.0.1;Port={closedPort};Username=nobody;Database=nothing;Timeout=5");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.StartsWith($"Could not migrate the database 'nothing' on 127.0.0.1:{closedPort}: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Migrate_refuses_what_is_no_connection_string_with_status_1()
    {
        var run = CliRun.Of("migrate", "--connection", "this is not one");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("--connection is no Npgsql connection string: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_refuses_a_schema_newer_than_this_build()
    {
        Assert.Equal(0, CliRun.Of("migrate", "--connection", _database.ConnectionString).ExitCode);
        var later = Migration.All[^1].Version + 1;
        await _database.ExecuteAsync($"INSERT INTO {PostgresSchema.VersionsTable} (version, name) VALUES ({later}, 'from_a_later_release')");

        var run = CliRun.Of("migrate", "--connection", _database.ConnectionString);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"newer than this build's {Migration.All[^1].Version}", run.Error, StringComparison.Ordinal);
    }
}

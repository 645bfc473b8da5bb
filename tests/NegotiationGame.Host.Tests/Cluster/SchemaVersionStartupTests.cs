using NegotiationGame.Host.Tests.Support;
using NegotiationGame.Storage.Postgres;
using NegotiationGame.Tests;

namespace NegotiationGame.Host.Tests.Cluster;

/// <summary>During an upgrade (docs/operations.md, "Upgrading") a node whose build and schema differ refuses to start, either way.</summary>
public sealed class SchemaVersionStartupTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_node_on_a_schema_older_than_its_build_exits_1_naming_migrate()
    {
        var line = await RefusalAsync($"DELETE FROM {PostgresSchema.VersionsTable} WHERE version = {Migration.All[^1].Version}");

        Assert.EndsWith($"older than this build's {Migration.All[^1].Version}; upgrade it with: {PostgresSchema.MigrateCommand}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_on_a_schema_newer_than_its_build_exits_1_saying_migrate_never_downgrades()
    {
        var line = await RefusalAsync($"INSERT INTO {PostgresSchema.VersionsTable} (version, name) VALUES ({Migration.All[^1].Version + 1}, 'from_a_later_release')");

        Assert.Contains($"newer than this build's {Migration.All[^1].Version}", line, StringComparison.Ordinal);
    }

    /// <summary>Starts a node on a migrated database whose recorded versions <paramref name="versionChange"/> altered; returns its one line on stderr once it has exited 1.</summary>
    private static async Task<string> RefusalAsync(string versionChange)
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await PostgresSchema.MigrateAsync(database.ConnectionString);
        await database.ExecuteAsync(versionChange);

        await using var server = await ServerProcess.StartExpectingExitAsync(Patience, new ClusterNodeSettings(database.ConnectionString));

        Assert.Equal(1, server.ExitCode);
        return Assert.Single(server.Errors.TrimEnd().Split('\n'));
    }
}

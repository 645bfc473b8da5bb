using NegotiationGame.Host.Tests.Support;
using NegotiationGame.Storage.Postgres;
using NegotiationGame.Tests;

namespace NegotiationGame.Host.Tests.Cluster;

/// <summary>A cluster-mode server that cannot run stops at once with one line on stderr saying what to do, and creates nothing.</summary>
public sealed class ClusterStartupTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_node_on_an_empty_database_exits_1_with_one_line_naming_migrate_and_creates_no_table()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();

        await using var server = await ServerProcess.StartExpectingExitAsync(Patience, new ClusterNodeSettings(database.ConnectionString));

        Assert.Equal(1, server.ExitCode);
        var line = Assert.Single(server.Errors.TrimEnd().Split('\n'));
        Assert.Contains(PostgresSchema.MigrateCommand, line, StringComparison.Ordinal);
        Assert.Contains(database.Name, line, StringComparison.Ordinal);
        Assert.Equal(0L, await database.ExecuteAsync("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [Fact]
    public async Task A_node_without_a_connection_string_exits_1_with_one_line_naming_the_setting()
    {
        await using var server = await ServerProcess.StartExpectingExitAsync(Patience, new ClusterNodeSettings(ConnectionString: ""));

        Assert.Equal(1, server.ExitCode);
        var line = Assert.Single(server.Errors.TrimEnd().Split('\n'));
        Assert.Contains("ConnectionStrings:NegotiationGame", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_whose_database_is_down_exits_1_with_one_line_naming_the_server()
    {
        var closedPort = LoopbackPorts.FindFree();

        await using var server = await ServerProcess.StartExpectingExitAsync(
            Patience, new ClusterNodeSettings($"Host=127.0.0.1;Port={closedPort};Username=nobody;Database=nothing;Timeout=5"));

        Assert.Equal(1, server.ExitCode);
        var line = Assert.Single(server.Errors.TrimEnd().Split('\n'));
        Assert.StartsWith($"Cannot reach the database 'nothing' on 127.0.0.1:{closedPort}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_mode_exits_1_with_one_line_naming_the_setting()
    {
        await using var server = await ServerProcess.StartExpectingExitAsync(Patience, new ClusterNodeSettings("Host=127.0.0.1", Mode: "Clustre"));

        Assert.Equal(1, server.ExitCode);
        var line = Assert.Single(server.Errors.TrimEnd().Split('\n'));
        Assert.Contains("NegotiationGame:Mode", line, StringComparison.Ordinal);
    }
}

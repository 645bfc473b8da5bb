using System.Diagnostics;
using NegotiationGame.Host.Tests.Support;
using NegotiationGame.Storage.Postgres;
using NegotiationGame.Tests;
using Xunit.Abstractions;

namespace NegotiationGame.Host.Tests.Cluster;

/// <summary>
/// What a cluster restored from a pg_dump makes of the membership rows it restored: the question docs/operations.md
/// answers under "Backup and restore" (keep the ClusterId or not).
/// </summary>
public sealed class RestoredClusterTests(ITestOutputHelper output)
{
    private const int Active = 3;
    private const int Dead = 6;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_node_on_a_database_restored_from_a_live_dump_joins_with_the_same_cluster_id_and_the_dumped_node_turns_dead()
    {
        await using var live = await TemporaryPostgresDatabase.CreateAsync();
        await using var restored = await TemporaryPostgresDatabase.CreateAsync();
        await PostgresSchema.MigrateAsync(live.ConnectionString);
        var dump = Path.Combine(Path.GetTempPath(), $"negotiationgame-{Guid.NewGuid():N}.dump");
        int dumpedPort;
        try
        {
            await using (var node = await ServerProcess.StartAsync(cluster: new ClusterNodeSettings(live.ConnectionString)))
            {
                dumpedPort = node.SiloPort;
                await WaitForStatusAsync(live, dumpedPort, Active);
                await PostgresTools.RunAsync("pg_dump", "-Fc", "-f", dump, PostgresTools.LibpqConnectionString(live.ConnectionString));
                await node.KillAsync();
            }

            await PostgresTools.RunAsync("pg_restore", "--no-owner", "--exit-on-error", "-d", PostgresTools.LibpqConnectionString(restored.ConnectionString), dump);
        }
        finally
        {
            File.Delete(dump);
        }

        // The dump was taken while the node ran, so the restored table still calls it Active.
        Assert.Equal(1L, await restored.ExecuteAsync($"SELECT count(*) FROM orleans_membership_silos WHERE port = {dumpedPort} AND status = {Active}"));

        var clock = Stopwatch.StartNew();
        await using var successor = await ServerProcess.StartAsync(cluster: new ClusterNodeSettings(restored.ConnectionString));
        var serving = clock.Elapsed;
        await WaitForStatusAsync(restored, dumpedPort, Dead);
        output.WriteLine($"restored cluster: the new node served after {serving.TotalSeconds:0.0} s; the dumped node's row was Dead after {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.Equal(1L, await restored.ExecuteAsync($"SELECT count(*) FROM orleans_membership_silos WHERE port = {successor.SiloPort} AND status = {Active}"));
        Assert.Equal(1L, await restored.ExecuteAsync("SELECT count(*) FROM negotiationgame_data_protection_keys"));
    }

    private static Task WaitForStatusAsync(TemporaryPostgresDatabase database, int siloPort, int status) =>
        Polling.UntilAsync(
            async () => await database.ExecuteAsync($"SELECT count(*) FROM orleans_membership_silos WHERE port = {siloPort} AND status = {status}") is 1L,
            Patience,
            () => $"the silo on port {siloPort} to reach status {status}");
}

using NegotiationGame.EventLog;
using NegotiationGame.Storage;
using NegotiationGame.Storage.Postgres;
using NegotiationGame.Tests;

namespace NegotiationGame.Cli.Tests;

/// <summary>
/// The whole-database backup of docs/operations.md ("Backup and restore"), run as written there: pg_dump -Fc of a
/// cluster's database while a node writes to it, pg_restore into an empty database, and the games read back.
/// </summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("negotiationgame-backup-").FullName;
    private TemporaryPostgresDatabase _live = null!;
    private TemporaryPostgresDatabase _restored = null!;

    public async Task InitializeAsync()
    {
        _live = await TemporaryPostgresDatabase.CreateAsync();
        _restored = await TemporaryPostgresDatabase.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await _live.DisposeAsync();
        await _restored.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_database_dumped_while_a_node_writes_restores_with_its_games_deadlines_key_ring_and_membership()
    {
        Assert.Equal(0, CliRun.Of("migrate", "--connection", _live.ConnectionString).ExitCode);
        var logFile = Path.Combine(_directory, "game.jsonl");
        Assert.Equal(0, CliRun.Of("simulate", "ukraine-2025", "--seed", "11", "--out", logFile).ExitCode);
        var (gameId, entries) = ReadLog(logFile);
        var deadline = new DateTimeOffset(2026, 12, 1, 10, 30, 0, TimeSpan.Zero);
        await _live.ExecuteAsync("INSERT INTO negotiationgame_data_protection_keys (friendly_name, xml) VALUES ('key-1', '<key id=\"1\"/>')");
        await using (var node = new PostgresEventStore(_live.ConnectionString))
        {
            await node.AppendAsync(EventStreams.Game(gameId), entries);
            await node.SetDeadlineAsync(gameId, deadline);

            // The node stays open, as a running cluster's would: pg_dump reads one snapshot and takes no lock that writers wait on.
            var dump = Path.Combine(_directory, "negotiationgame.dump");
            await PostgresTools.RunAsync("pg_dump", "-Fc", "-f", dump, PostgresTools.LibpqConnectionString(_live.ConnectionString));
            await node.AppendAsync("class/after-the-dump", [entries[0] with { Sequence = 1 }]);
            await PostgresTools.RunAsync("pg_restore", "--no-owner", "--exit-on-error", "-d", PostgresTools.LibpqConnectionString(_restored.ConnectionString), dump);
        }

        Assert.True((await PostgresSchema.CheckAsync(_restored.ConnectionString)).IsCurrent);
        await using var restored = new PostgresEventStore(_restored.ConnectionString);
        Assert.Equal(entries, await restored.ReadAsync(EventStreams.Game(gameId), 0, int.MaxValue));
        Assert.Equal([gameId], await restored.GamesDueAsync(deadline));
        Assert.Empty(await restored.ListStreamsAsync(EventStreams.ClassPrefix));
        Assert.Equal("<key id=\"1\"/>", await _restored.ExecuteAsync("SELECT xml FROM negotiationgame_data_protection_keys"));
        Assert.Equal(await _live.ExecuteAsync("SELECT count(*) FROM OrleansQuery"), await _restored.ExecuteAsync("SELECT count(*) FROM OrleansQuery"));

        // The restored database goes on as the original did: the next entry of the game continues its log.
        var next = entries[^1] with { Sequence = entries.Count + 1 };
        await restored.AppendAsync(EventStreams.Game(gameId), [next]);
        Assert.Equal(entries.Count + 1, (await restored.ReadAsync(EventStreams.Game(gameId), 0, int.MaxValue)).Count);
    }

    private static (string GameId, List<LoggedEvent> Entries) ReadLog(string path)
    {
        using var reader = File.OpenText(path);
        return GameLogFile.Read(reader);
    }
}

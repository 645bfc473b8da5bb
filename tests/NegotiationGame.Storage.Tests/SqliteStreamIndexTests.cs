using Microsoft.Data.Sqlite;
using NegotiationGame.Contracts;
using NegotiationGame.Storage.Sqlite;
using NegotiationGame.Tests;

namespace NegotiationGame.Storage.Tests;

/// <summary>The stream index of the SQLite store is written in bulk; nothing read or written may notice.</summary>
public sealed class SqliteStreamIndexTests : IDisposable
{
    /// <summary>The table of one row per event that the earlier layouts kept.</summary>
    private const string EventRowsTable = """
        CREATE TABLE events (
            position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, sequence INTEGER NOT NULL, at_ticks INTEGER NOT NULL,
            command_id BLOB NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL);

        """;

    private static readonly SqliteIndexing OnlyOnClosing = new(int.MaxValue, Timeout.InfiniteTimeSpan);

    private readonly TemporaryDatabase _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task A_sealed_generation_is_indexed_slice_by_slice_and_reads_span_every_part()
    {
        await using var store = new SqliteEventStore(_file.Path, new SqliteIndexing(4, Timeout.InfiniteTimeSpan, MinimumSlice: 1));
        var entries = Enumerable.Range(1, 6).Select(sequence => Entry(sequence)).ToArray();

        for (var i = 0; i < 4; i++)
        {
            await store.AppendAsync("game/a", [entries[i]]);
            Assert.Equal(i + 1, store.UnindexedCount);
        }

        // Four wait: the next commit seals them and indexes a slice of two (its one event, plus one); the writer
        // indexes the rest between batches.
        await store.AppendAsync("game/a", [entries[4]]);
        Assert.InRange(store.UnindexedCount, 1, 3);
        Assert.Equal(entries[..5], await store.ReadAsync("game/a", 0, 100));
        Assert.Equal(entries[2..4], await store.ReadAsync("game/a", 2, 2));
        Assert.Equal(entries[3..4], await store.ReadAsync("game/a", 3, 1));

        await WaitUntilAsync(() => store.UnindexedCount == 1);
        await store.AppendAsync("game/a", [entries[5]]);
        Assert.Equal(2, store.UnindexedCount);
        Assert.Equal(entries, await store.ReadAsync("game/a", 0, 100));
        Assert.Equal(entries[4..], await store.ReadAsync("game/a", 4, 100));
        Assert.Empty(await store.ReadAsync("game/a", 6, 100));
    }

    [Fact]
    public async Task The_writer_indexes_what_waits_once_it_has_nothing_else_to_write()
    {
        await using var store = new SqliteEventStore(_file.Path, new SqliteIndexing(int.MaxValue, TimeSpan.FromMilliseconds(20)));

        await store.AppendAsync("game/idle", [Entry(1), Entry(2)]);

        await WaitUntilAsync(() => store.UnindexedCount == 0);

        Assert.Equal(2, (await store.ReadAsync("game/idle", 0, 10)).Count);
    }

    [Fact]
    public async Task Appends_committed_but_not_indexed_when_the_process_died_are_indexed_on_opening()
    {
        var a = Enumerable.Range(1, 3).Select(sequence => Entry(sequence)).ToArray();
        var b = Enumerable.Range(1, 2).Select(sequence => Entry(sequence)).ToArray();
        await using (var store = new SqliteEventStore(_file.Path, OnlyOnClosing))
        {
            await store.AppendAsync("game/a", a[..1]);
            await store.AppendAsync("game/b", b);
            await store.AppendAsync("game/a", a[1..]);
        }

        // What a crash in the middle of indexing a generation leaves: the appends on disk, part of them indexed, and
        // the index's mark at the first one.
        ExecuteOnFile("DELETE FROM stream_appends WHERE position > 2; UPDATE index_mark SET position = 1;");

        await using (var store = new SqliteEventStore(_file.Path, OnlyOnClosing))
        {
            Assert.Equal(0, store.UnindexedCount);
            Assert.Equal(a, await store.ReadAsync("game/a", 0, 10));
            Assert.Equal(b, await store.ReadAsync("game/b", 0, 10));
            Assert.Equal(["game/a", "game/b"], await store.ListStreamsAsync("game/"));
            await Assert.ThrowsAsync<EventStoreConflictException>(() => store.AppendAsync("game/a", [Entry(3)]));
            await store.AppendAsync("game/a", [Entry(4)]);
        }
    }

    [Fact]
    public async Task A_file_of_the_first_layout_is_converted_on_opening()
    {
        ExecuteOnFile(EventRowsTable + """
            CREATE UNIQUE INDEX events_by_stream ON events (stream_id, sequence);
            INSERT INTO events (stream_id, sequence, at_ticks, command_id, type, data) VALUES
                ('game/old', 1, 638750000000000000, x'00112233445566778899aabbccddeeff', 'GameCreated', '{}'),
                ('class/old', 1, 638750000000000000, x'ffeeddccbbaa99887766554433221100', 'ClassCreated', '{}'),
                ('game/old', 2, 638750000010000000, x'0102030405060708090a0b0c0d0e0f10', 'Test', '{"n":2}');
            """);

        await using (var store = new SqliteEventStore(_file.Path))
        {
            Assert.Equal(
                [
                    new LoggedEvent(1, new DateTimeOffset(638750000000000000, TimeSpan.Zero), new Guid([0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff]), "GameCreated", "{}"),
                    new LoggedEvent(2, new DateTimeOffset(638750000010000000, TimeSpan.Zero), new Guid([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]), "Test", """{"n":2}"""),
                ],
                await store.ReadAsync("game/old", 0, 10));
            Assert.Equal(["class/old", "game/old"], await store.ListStreamsAsync(""));
            await store.AppendAsync("game/old", [Entry(3)]);
        }

        Assert.Equal(0L, ExecuteOnFile("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('events', 'events_by_stream')"));
    }

    [Fact]
    public async Task A_file_of_the_event_per_row_layout_is_converted_on_opening_with_what_it_had_not_indexed()
    {
        ExecuteOnFile(EventRowsTable + """
            CREATE TABLE stream_keys (stream_key INTEGER PRIMARY KEY, stream_id TEXT NOT NULL UNIQUE);
            CREATE TABLE stream_positions (
                stream_key INTEGER NOT NULL, sequence INTEGER NOT NULL, position INTEGER NOT NULL,
                PRIMARY KEY (stream_key, sequence)) WITHOUT ROWID;
            CREATE TABLE index_mark (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL);
            INSERT INTO events (stream_id, sequence, at_ticks, command_id, type, data) VALUES
                ('game/b', 1, 638750000000000000, x'00112233445566778899aabbccddeeff', 'GameCreated', '{}'),
                ('game/a', 1, 638750000000000000, x'ffeeddccbbaa99887766554433221100', 'GameCreated', '{}'),
                ('game/b', 2, 638750000010000000, x'0102030405060708090a0b0c0d0e0f10', 'Test', '{"n":2}'),
                ('game/b', 3, 638750000020000000, x'0102030405060708090a0b0c0d0e0f11', 'Test', '{"n":3}');
            INSERT INTO stream_keys (stream_key, stream_id) VALUES (1, 'game/b'), (2, 'game/a');
            INSERT INTO stream_positions (stream_key, sequence, position) VALUES (1, 1, 1), (2, 1, 2);
            INSERT INTO index_mark (id, position) VALUES (1, 2);
            """);

        await using (var store = new SqliteEventStore(_file.Path))
        {
            Assert.Equal([1L, 2L, 3L], (await store.ReadAsync("game/b", 0, 10)).Select(entry => entry.Sequence));
            Assert.Equal("""{"n":3}""", (await store.ReadAsync("game/b", 2, 10)).Single().Data);
            Assert.Single(await store.ReadAsync("game/a", 0, 10));
            await Assert.ThrowsAsync<EventStoreConflictException>(() => store.AppendAsync("game/b", [Entry(3)]));
            await store.AppendAsync("game/b", [Entry(4), Entry(5)]);
            Assert.Equal([4L, 5L], (await store.ReadAsync("game/b", 3, 10)).Select(entry => entry.Sequence));
        }

        Assert.Equal(0L, ExecuteOnFile("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('events', 'stream_positions')"));
    }

    /// <summary>Polls a condition the writer makes true in its own time, for at most ten seconds.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private static LoggedEvent Entry(long sequence) =>
        new(sequence, new DateTimeOffset(2025, 2, 12, 10, 0, 0, TimeSpan.Zero).AddSeconds(sequence), Guid.NewGuid(), "Test", $"{{\"n\":{sequence}}}");

    private object? ExecuteOnFile(string sql)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file.Path)!);
        using var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

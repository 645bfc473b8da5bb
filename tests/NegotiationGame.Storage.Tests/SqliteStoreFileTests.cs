using NegotiationGame.Storage.Sqlite;
using NegotiationGame.Tests;
using static NegotiationGame.Storage.Tests.TestEntries;

namespace NegotiationGame.Storage.Tests;

/// <summary>Which files the SQLite store opens, and that it keeps the one it serves to itself.</summary>
public sealed class SqliteStoreFileTests : IDisposable
{
    private readonly TemporaryDatabase _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task A_second_store_on_a_file_that_is_being_served_is_refused_naming_the_process_and_opens_once_the_first_is_closed()
    {
        await using (var first = new SqliteEventStore(_file.Path))
        {
            await first.AppendAsync("game/a", [Entry(1)]);

            var refused = Assert.Throws<StoreInUseException>(() => new SqliteEventStore(_file.Path));
            Assert.Equal(Environment.ProcessId, refused.OwnerProcessId);
            Assert.Contains($"is in use by another NegotiationGame process (pid {Environment.ProcessId})", refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', refused.Message);
            await first.AppendAsync("game/a", [Entry(2)]);
        }

        await using var second = new SqliteEventStore(_file.Path);
        Assert.Equal([1L, 2L], (await second.ReadAsync("game/a", 0, 10)).Select(entry => entry.Sequence));
    }

    [Fact]
    public async Task A_file_of_the_one_row_per_event_layout_is_refused_and_left_as_it_was()
    {
        _file.Execute("""
            CREATE TABLE events (
                position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, sequence INTEGER NOT NULL, at_ticks INTEGER NOT NULL,
                command_id BLOB NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL);
            INSERT INTO events (stream_id, sequence, at_ticks, command_id, type, data) VALUES
                ('game/old', 1, 638750000000000000, x'00112233445566778899aabbccddeeff', 'GameCreated', '{}');
            """);

        var refused = Assert.Throws<InvalidDataException>(() => new SqliteEventStore(_file.Path));

        Assert.Contains("is not a NegotiationGame store of this version (it has the tables events)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1L, _file.Execute("SELECT COUNT(*) FROM events"));
        Assert.Equal(1L, _file.Execute("SELECT COUNT(*) FROM sqlite_master"));

        // Refusing let go of the file: a store of its own layout opens on it once the old table is gone.
        _file.Execute("DROP TABLE events");
        await using var store = new SqliteEventStore(_file.Path);
        Assert.Empty(await store.ListStreamsAsync(""));
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_as_such()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file.Path)!);
        File.WriteAllText(_file.Path, new string('x', 4096));

        var refused = Assert.Throws<InvalidDataException>(() => new SqliteEventStore(_file.Path));

        Assert.Contains("is not a SQLite database", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deadline_is_written_by_the_writer_in_order_with_the_appends_and_survives_reopening()
    {
        var due = new DateTimeOffset(2025, 2, 12, 11, 0, 0, TimeSpan.Zero);
        await using (var store = new SqliteEventStore(_file.Path))
        {
            var commitsBefore = store.Commits;
            await Task.WhenAll(store.AppendAsync("game/a", [Entry(1)]), store.SetDeadlineAsync("a", due), store.SetDeadlineAsync("b", due.AddHours(1)));
            Assert.True(store.Commits > commitsBefore);
            await store.SetDeadlineAsync("b", null);
        }

        await using var reopened = new SqliteEventStore(_file.Path);
        Assert.Equal(["a"], await reopened.GamesDueAsync(due.AddDays(1)));
        Assert.Empty(await reopened.GamesDueAsync(due.AddTicks(-1)));
    }
}

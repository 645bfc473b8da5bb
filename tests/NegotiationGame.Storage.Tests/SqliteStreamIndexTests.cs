using Microsoft.Data.Sqlite;
using NegotiationGame.Storage.Sqlite;
using NegotiationGame.Tests;
using static NegotiationGame.Storage.Tests.TestEntries;

namespace NegotiationGame.Storage.Tests;

/// <summary>The stream index of the SQLite store is written in bulk; nothing read or written may notice.</summary>
public sealed class SqliteStreamIndexTests : IDisposable
{
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
        _file.Execute("DELETE FROM stream_appends WHERE position > 2; UPDATE index_mark SET position = 1;");

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

    /// <summary>Polls a condition the writer makes true in its own time, for at most ten seconds.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}

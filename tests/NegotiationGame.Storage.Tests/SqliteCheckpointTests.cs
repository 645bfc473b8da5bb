using NegotiationGame.Storage.Sqlite;
using NegotiationGame.Tests;

namespace NegotiationGame.Storage.Tests;

/// <summary>No connection checkpoints on committing; the store's own checkpoints keep the WAL file from growing without end.</summary>
public sealed class SqliteCheckpointTests : IDisposable
{
    private readonly TemporaryDatabase _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task Under_steady_appends_the_WAL_starts_over_instead_of_growing_and_nothing_is_lost()
    {
        // 1,500 commits of 2 KB each: with no checkpoints the WAL file grows past 18 MB; starting over at 64 pages
        // (256 KB), it stays far below that.
        var data = $"{{\"text\":\"{new string('x', 2_000)}\"}}";
        var settings = new SqliteCheckpointing(BytesPerCheckpoint: 16 * 1024, FramesBeforeRestart: 64, FramesLeftToWriter: 16);
        long largestWal = 0;
        await using (var store = new SqliteEventStore(_file.Path, checkpointing: settings))
        {
            for (var sequence = 1; sequence <= 1_500; sequence++)
            {
                await store.AppendAsync("game/steady", [new LoggedEvent(sequence, DateTimeOffset.UnixEpoch, Guid.NewGuid(), "Test", data)]);
                largestWal = Math.Max(largestWal, new FileInfo(_file.Path + "-wal").Length);
            }

            Assert.InRange(largestWal, 1, 2 * 1024 * 1024);
            Assert.Equal(1_500, (await store.ReadAsync("game/steady", 0, 2_000)).Count);
        }

        await using var reopened = new SqliteEventStore(_file.Path);
        Assert.Equal(Enumerable.Range(1, 1_500).Select(n => (long)n), (await reopened.ReadAsync("game/steady", 0, 2_000)).Select(entry => entry.Sequence));
    }
}

using System.Threading.Channels;

namespace NegotiationGame.Storage.Sqlite;

/// <summary>
/// Makes the writer's commits durable on a thread of its own. The writer commits with <c>synchronous=NORMAL</c>, which
/// writes a transaction's frames to the WAL file without waiting for the disk, and hands the batch here; this thread
/// fsyncs the WAL file (one fsync for every batch committed since the last) and only then tells the batch's callers
/// their appends are written. So the writer inserts the next batch while the disk flushes the last one, and nothing is
/// acknowledged before it is on disk. (With <c>NORMAL</c>, SQLite itself still syncs around checkpoints and when the
/// WAL file starts over; fsync on any descriptor of a file flushes all of that file's written data.)
/// </summary>
internal sealed class WalSyncer : IDisposable
{
    private readonly string _walPath;
    private readonly Action<PendingWrite[]> _complete;
    private readonly Channel<PendingWrite[]> _committed =
        Channel.CreateUnbounded<PendingWrite[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private readonly Thread _thread;

    public WalSyncer(string databasePath, Action<PendingWrite[]> complete)
    {
        _walPath = Path.GetFullPath(databasePath) + "-wal";
        _complete = complete;
        _thread = new Thread(SyncLoop) { IsBackground = true, Name = "SQLite event store fsync" };
        _thread.Start();
    }

    /// <summary>Acknowledges a committed batch once the WAL file holding it is on disk.</summary>
    public void Enqueue(PendingWrite[] batch) => _committed.Writer.TryWrite(batch);

    /// <summary>Syncs and acknowledges what is queued, then stops.</summary>
    public void Dispose()
    {
        _committed.Writer.TryComplete();
        _thread.Join();
    }

    private void SyncLoop()
    {
        FileStream? wal = null;
        var ready = new List<PendingWrite[]>();
        try
        {
            while (_committed.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (_committed.Reader.TryRead(out var committed))
                {
                    ready.Add(committed);
                }

                Exception? failure = null;
                try
                {
                    wal ??= new FileStream(_walPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
                    wal.Flush(flushToDisk: true);
                }
                catch (IOException exception)
                {
                    // The transactions are in the file but may not be on disk: their callers are told they failed.
                    failure = exception;
                }

                foreach (var batch in ready)
                {
                    if (failure is not null)
                    {
                        foreach (var pending in batch)
                        {
                            pending.Failure = failure;
                        }
                    }

                    _complete(batch);
                }

                ready.Clear();
            }
        }
        finally
        {
            wal?.Dispose();
        }
    }
}

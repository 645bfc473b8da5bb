using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace NegotiationGame.Storage.Sqlite;

/// <summary>
/// Copies the WAL file's pages into the database file on a thread of its own. Left to SQLite, the writer ran each
/// checkpoint inside a commit once the WAL had grown to its limit: every game waited tens of milliseconds while
/// megabytes were copied and synced, twice a second under load. Here the writer only says how much it has written,
/// and this thread checkpoints every few megabytes without blocking it. SQLite writes the WAL from its start again
/// only once every frame is in the database file, which a checkpoint racing the writer's commits never achieves; so
/// once the WAL is long enough to start over, this thread checkpoints again until the writer adds few frames during
/// one, and then the writer copies those few itself, between two commits.
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    private readonly SqliteCheckpointing _settings;
    private readonly SqliteConnection _connection;
    private readonly AutoResetEvent _due = new(false);
    private readonly Thread _thread;
    private long _writtenSinceSignal;
    private volatile bool _restartDue;
    private volatile bool _stopping;

    public WalCheckpointer(SqliteConnection connection, SqliteCheckpointing settings)
    {
        _connection = connection;
        _settings = settings;
        _thread = new Thread(CheckpointLoop) { IsBackground = true, Name = "SQLite event store checkpoint" };
        _thread.Start();
    }

    /// <summary>Writer only: a commit wrote about <paramref name="bytes"/> bytes to the WAL.</summary>
    public void Committed(long bytes)
    {
        _writtenSinceSignal += bytes;
        if (_writtenSinceSignal >= _settings.BytesPerCheckpoint && !_restartDue)
        {
            _writtenSinceSignal = 0;
            _due.Set();
        }
    }

    /// <summary>
    /// Writer only, between transactions: copies what the last background checkpoint left when the WAL is long
    /// enough to start over, so that the next commit can.
    /// </summary>
    public void FinishIfRestartDue(SqliteConnection writer)
    {
        if (_restartDue)
        {
            _restartDue = false;
            Checkpoint(writer);
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _due.Set();
        _thread.Join();
        _due.Dispose();
        _connection.Dispose();
    }

    private void CheckpointLoop()
    {
        while (true)
        {
            _due.WaitOne();
            if (_stopping)
            {
                return;
            }

            var frames = Checkpoint(_connection);
            while (frames >= _settings.FramesBeforeRestart && !_stopping)
            {
                var next = Checkpoint(_connection);
                if (next - frames < _settings.FramesLeftToWriter)
                {
                    _restartDue = true;
                    break;
                }

                frames = next;
            }
        }
    }

    /// <summary>
    /// A passive checkpoint: copies what it can without waiting for readers or the writer; returns the WAL's length
    /// in frames. One that fails is left for the next: until the pages are copied they are still in the WAL file.
    /// </summary>
    private static int Checkpoint(SqliteConnection connection)
    {
        var result = raw.sqlite3_wal_checkpoint_v2(connection.Handle, "main", raw.SQLITE_CHECKPOINT_PASSIVE, out var frames, out _);
        return result == raw.SQLITE_OK ? frames : 0;
    }
}

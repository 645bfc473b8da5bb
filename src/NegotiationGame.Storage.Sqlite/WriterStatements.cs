using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace NegotiationGame.Storage.Sqlite;

/// <summary>
/// The writer's statements, prepared once for its connection and bound and stepped with SQLite's own API: the
/// ADO.NET layer's per-command costs are what would otherwise bound a group commit's size.
/// </summary>
internal sealed class WriterStatements : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _insertAppend;
    private readonly sqlite3_stmt _insertStream;
    private readonly sqlite3_stmt _insertIndex;
    private readonly sqlite3_stmt _markIndexed;
    private readonly sqlite3_stmt _markIndexedThroughLast;
    private readonly sqlite3_stmt _findStream;
    private readonly sqlite3_stmt _setDeadline;
    private readonly sqlite3_stmt _clearDeadline;
    private readonly sqlite3_stmt _begin;
    private readonly sqlite3_stmt _commit;
    private readonly sqlite3_stmt _rollBack;

    public WriterStatements(SqliteConnection connection)
    {
        _connection = connection;
        _begin = Prepare("BEGIN IMMEDIATE");
        _commit = Prepare("COMMIT");
        _rollBack = Prepare("ROLLBACK");
        _findStream = Prepare("""
            SELECT k.stream_key, COALESCE((
                SELECT a.last_sequence FROM stream_appends i JOIN appends a ON a.position = i.position
                WHERE i.stream_key = k.stream_key ORDER BY i.first_sequence DESC LIMIT 1), 0)
            FROM stream_keys k WHERE k.stream_id = ?1
            """);
        _insertAppend = Prepare("INSERT INTO appends (stream_key, first_sequence, last_sequence, entries) VALUES (?1, ?2, ?3, ?4)");
        _insertStream = Prepare("INSERT INTO stream_keys (stream_id) VALUES (?1)");
        _insertIndex = Prepare("INSERT INTO stream_appends (stream_key, first_sequence, position) VALUES (?1, ?2, ?3)");
        _markIndexed = Prepare("UPDATE index_mark SET position = ?1");
        _markIndexedThroughLast = Prepare("UPDATE index_mark SET position = (SELECT COALESCE(MAX(position), 0) FROM appends)");
        _setDeadline = Prepare("INSERT INTO deadlines (game_id, due_ticks) VALUES (?1, ?2) ON CONFLICT (game_id) DO UPDATE SET due_ticks = excluded.due_ticks");
        _clearDeadline = Prepare("DELETE FROM deadlines WHERE game_id = ?1");
    }

    /// <summary>Records a game's next deadline in the schedule, or forgets it.</summary>
    public void SetDeadline(PendingDeadline deadline)
    {
        if (deadline.Deadline is { } due)
        {
            Check(raw.sqlite3_bind_text(_setDeadline, 1, deadline.GameId));
            raw.sqlite3_bind_int64(_setDeadline, 2, due.UtcTicks);
            Step(_setDeadline);
        }
        else
        {
            Check(raw.sqlite3_bind_text(_clearDeadline, 1, deadline.GameId));
            Step(_clearDeadline);
        }
    }

    /// <summary>Writes one append as one row and returns its position.</summary>
    public long AddAppend(long streamKey, PendingAppend append)
    {
        raw.sqlite3_bind_int64(_insertAppend, 1, streamKey);
        raw.sqlite3_bind_int64(_insertAppend, 2, append.FirstSequence);
        raw.sqlite3_bind_int64(_insertAppend, 3, append.LastSequence);
        Check(raw.sqlite3_bind_blob(_insertAppend, 4, append.Frame));
        Step(_insertAppend);
        return raw.sqlite3_last_insert_rowid(_connection.Handle);
    }

    /// <summary>Registers a new stream and returns its key.</summary>
    public long AddStream(string stream)
    {
        Check(raw.sqlite3_bind_text(_insertStream, 1, stream));
        Step(_insertStream);
        return raw.sqlite3_last_insert_rowid(_connection.Handle);
    }

    public void AddToIndex(StreamAppend row)
    {
        raw.sqlite3_bind_int64(_insertIndex, 1, row.StreamKey);
        raw.sqlite3_bind_int64(_insertIndex, 2, row.FirstSequence);
        raw.sqlite3_bind_int64(_insertIndex, 3, row.Position);
        Step(_insertIndex);
    }

    public void MarkIndexedThroughLastAppend() => Step(_markIndexedThroughLast);

    public void MarkIndexedThrough(long position)
    {
        raw.sqlite3_bind_int64(_markIndexed, 1, position);
        Step(_markIndexed);
    }

    public void Begin() => Step(_begin);

    public void Commit() => Step(_commit);

    /// <summary>Undoes what a failed batch wrote, unless SQLite has rolled the transaction back itself.</summary>
    public void RollBackIfOpen()
    {
        if (raw.sqlite3_get_autocommit(_connection.Handle) == 0)
        {
            Step(_rollBack);
        }
    }

    /// <summary>A stream the writer has not seen since the file was opened: its key and its last sequence number.</summary>
    /// <remarks>Opening the file indexed every append, so the index's last append of the stream is the stream's.</remarks>
    public StreamTail FindStream(string stream)
    {
        Check(raw.sqlite3_bind_text(_findStream, 1, stream));
        var result = raw.sqlite3_step(_findStream);
        var tail = result == raw.SQLITE_ROW
            ? new StreamTail(raw.sqlite3_column_int64(_findStream, 0), raw.sqlite3_column_int64(_findStream, 1))
            : new StreamTail(0, 0);
        raw.sqlite3_reset(_findStream);
        Check(result is raw.SQLITE_ROW ? raw.SQLITE_OK : result);
        return tail;
    }

    public void Dispose()
    {
        _insertAppend.Dispose();
        _insertStream.Dispose();
        _insertIndex.Dispose();
        _markIndexed.Dispose();
        _markIndexedThroughLast.Dispose();
        _findStream.Dispose();
        _setDeadline.Dispose();
        _clearDeadline.Dispose();
        _begin.Dispose();
        _commit.Dispose();
        _rollBack.Dispose();
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_connection.Handle, sql, out var statement));
        return statement;
    }

    private void Step(sqlite3_stmt statement)
    {
        var result = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        Check(result);
    }

    private void Check(int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE))
        {
            throw new SqliteException(raw.sqlite3_errmsg(_connection.Handle).utf8_to_string(), result);
        }
    }
}

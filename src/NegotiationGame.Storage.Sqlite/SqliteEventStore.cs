using System.Text;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using NegotiationGame.Contracts;

namespace NegotiationGame.Storage.Sqlite;

/// <summary>
/// Streams in one SQLite file in WAL mode. Appends from every game queue up and a single writer commits whatever has
/// queued in one transaction (group commit), so that many games share each fsync instead of paying one each; an
/// append is acknowledged only once the WAL file holding it has been fsynced (<see cref="WalSyncer"/>). Each append
/// is still all-or-nothing: one that does not continue its stream is refused before anything of it is written, and
/// fails alone.
/// </summary>
/// <remarks>
/// Events are rows in append order; the index that finds a stream's events is written in bulk, not with every
/// commit. Indexed row by row, each append of a busy server landed on a different index page, and writing those pages
/// cost four fifths of the store's time. The writer, the file's only writer, keeps the positions of the events it
/// has committed but not yet indexed in memory and readers merge them in; an event is acknowledged only after it is
/// committed, so the index is a cache of the events table and the file alone is the record. On opening, events
/// past the index's high-water mark (left by a crash) are indexed before anything else happens.
/// </remarks>
public sealed class SqliteEventStore : IEventStore, IDeadlineSchedule, IAsyncDisposable
{
    private const int MaxAppendsPerCommit = 8_192;

    private readonly string _path;
    private readonly string _connectionString;
    private readonly SqliteIndexing _indexing;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Thread _writer;
    private readonly UnindexedEvents _unindexed = new();
    private long _commits;

    public SqliteEventStore(string path, SqliteIndexing? indexing = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _indexing = indexing ?? SqliteIndexing.Default;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _path = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        using (var connection = Open())
        {
            Execute(connection, """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS events (
                    position   INTEGER PRIMARY KEY,
                    stream_id  TEXT    NOT NULL,
                    sequence   INTEGER NOT NULL,
                    at_ticks   INTEGER NOT NULL,
                    command_id BLOB    NOT NULL,
                    type       TEXT    NOT NULL,
                    data       TEXT    NOT NULL
                );
                CREATE TABLE IF NOT EXISTS stream_keys (
                    stream_key INTEGER PRIMARY KEY,
                    stream_id  TEXT    NOT NULL UNIQUE
                );
                CREATE TABLE IF NOT EXISTS stream_positions (
                    stream_key INTEGER NOT NULL,
                    sequence   INTEGER NOT NULL,
                    position   INTEGER NOT NULL,
                    PRIMARY KEY (stream_key, sequence)
                ) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS index_mark (
                    id       INTEGER PRIMARY KEY CHECK (id = 1),
                    position INTEGER NOT NULL
                );
                INSERT OR IGNORE INTO index_mark (id, position) VALUES (1, 0);
                CREATE TABLE IF NOT EXISTS deadlines (
                    game_id   TEXT    NOT NULL PRIMARY KEY,
                    due_ticks INTEGER NOT NULL
                ) WITHOUT ROWID;
                """);

            // Also converts a file of the earlier layout, which indexed every row as it was written.
            Execute(connection, """
                BEGIN IMMEDIATE;
                INSERT OR IGNORE INTO stream_keys (stream_id)
                    SELECT DISTINCT stream_id FROM events WHERE position > (SELECT position FROM index_mark) ORDER BY stream_id;
                INSERT OR IGNORE INTO stream_positions (stream_key, sequence, position)
                    SELECT k.stream_key, e.sequence, e.position FROM events e JOIN stream_keys k ON k.stream_id = e.stream_id
                    WHERE e.position > (SELECT position FROM index_mark) ORDER BY k.stream_key, e.sequence;
                UPDATE index_mark SET position = (SELECT COALESCE(MAX(position), 0) FROM events);
                DROP INDEX IF EXISTS events_by_stream;
                COMMIT;
                """);
        }

        // The writer blocks on disk I/O for every commit, so it gets a thread of its own rather than one of the few
        // thread-pool threads that the grains run on.
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "SQLite event store writer" };
        _writer.Start();
    }

    /// <summary>Number of transactions committed so far; with group commit, far fewer than appends under load.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    public Task AppendAsync(string streamId, IReadOnlyList<LoggedEvent> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var pending = new PendingAppend(streamId, entries);
        return _queue.Writer.TryWrite(pending)
            ? pending.Completion.Task.WaitAsync(cancellationToken)
            : Task.FromException(new ObjectDisposedException(nameof(SqliteEventStore)));
    }

    /// <summary>Number of events committed but not yet in the stream index.</summary>
    public int UnindexedCount => _unindexed.Count;

    public async Task<IReadOnlyList<LoggedEvent>> ReadAsync(string streamId, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        // Taken before the query: whatever the writer indexes meanwhile, the query sees at least this much indexed,
        // and the rest is in this copy.
        var unindexed = _unindexed.For(streamId);

        await using var connection = Open();
        var entries = new List<LoggedEvent>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT e.sequence, e.at_ticks, e.command_id, e.type, e.data
                FROM stream_positions i JOIN events e ON e.position = i.position
                WHERE i.stream_key = (SELECT stream_key FROM stream_keys WHERE stream_id = $stream) AND i.sequence > $after
                ORDER BY i.sequence LIMIT $max
                """;
            command.Parameters.AddWithValue("$stream", streamId);
            command.Parameters.AddWithValue("$after", afterSequence);
            command.Parameters.AddWithValue("$max", maxCount);
            await ReadEntriesAsync(command, entries, cancellationToken).ConfigureAwait(false);
        }

        var last = entries.Count > 0 ? entries[^1].Sequence : afterSequence;
        if (entries.Count < maxCount && unindexed.Any(entry => entry.Sequence > last))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT sequence, at_ticks, command_id, type, data FROM events WHERE position = $position";
            var position = command.Parameters.Add("$position", SqliteType.Integer);
            foreach (var entry in unindexed)
            {
                if (entry.Sequence <= last || entries.Count >= maxCount)
                {
                    continue;
                }

                position.Value = entry.Position;
                await ReadEntriesAsync(command, entries, cancellationToken).ConfigureAwait(false);
            }
        }

        return entries;
    }

    public async Task<IReadOnlyList<string>> ListStreamsAsync(string prefix, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT stream_id FROM stream_keys WHERE substr(stream_id, 1, length($prefix)) = $prefix ORDER BY stream_id";
        command.Parameters.AddWithValue("$prefix", prefix);
        var streams = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            streams.Add(reader.GetString(0));
        }

        return streams;
    }

    public async Task SetDeadlineAsync(string gameId, DateTimeOffset? deadline, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = deadline is null
            ? "DELETE FROM deadlines WHERE game_id = $game"
            : "INSERT INTO deadlines (game_id, due_ticks) VALUES ($game, $due) ON CONFLICT (game_id) DO UPDATE SET due_ticks = excluded.due_ticks";
        command.Parameters.AddWithValue("$game", gameId);
        command.Parameters.AddWithValue("$due", deadline?.UtcTicks ?? 0);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> GamesDueAsync(DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT game_id FROM deadlines WHERE due_ticks <= $until ORDER BY game_id";
        command.Parameters.AddWithValue("$until", until.UtcTicks);
        var games = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            games.Add(reader.GetString(0));
        }

        return games;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.Run(_writer.Join).ConfigureAwait(false);
        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
    }

    /// <summary>
    /// Opens a connection. WAL checkpoints are allowed to grow to 64 MB (16,384 pages) before they run: with the
    /// default of 1,000 pages a group commit of hundreds of games triggered one every other commit, and checkpoints,
    /// not fsyncs, then bounded the write rate.
    /// </summary>
    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA wal_autocheckpoint = 16384;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static async Task ReadEntriesAsync(SqliteCommand command, List<LoggedEvent> entries, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new LoggedEvent(
                reader.GetInt64(0),
                new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero),
                reader.GetGuid(2),
                reader.GetString(3),
                reader.GetString(4)));
        }
    }

    private void WriteLoop()
    {
        using var connection = Open();
        Execute(connection, "PRAGMA synchronous = NORMAL;");
        using var statements = new WriterStatements(connection);
        using var syncer = new WalSyncer(_path, Complete);
        var tails = new Dictionary<string, StreamTail>(StringComparer.Ordinal);
        var batch = new List<PendingAppend>(MaxAppendsPerCommit);
        while (true)
        {
            // Between batches, the writer indexes a slice of the sealed generation on its own, so that fewer of the
            // batches that callers wait for carry one. If that fails, it waits for appends rather than retry at once.
            if (_unindexed.IsSealed && !_queue.Reader.TryPeek(out _) && CommitBatch(statements, syncer, tails, batch, indexAll: false))
            {
                continue;
            }

            var ready = _queue.Reader.WaitToReadAsync().AsTask();
            if (!ready.IsCompleted && _unindexed.Count > 0 && !ready.Wait(_indexing.IdleDelay))
            {
                CommitBatch(statements, syncer, tails, batch, indexAll: true);
            }

            if (!ready.GetAwaiter().GetResult())
            {
                break;
            }

            while (batch.Count < MaxAppendsPerCommit && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            if (!_unindexed.IsSealed && _unindexed.CurrentCount >= _indexing.BatchSize)
            {
                _unindexed.Seal();
            }

            CommitBatch(statements, syncer, tails, batch, indexAll: false);
            batch.Clear();
        }

        if (_unindexed.Count > 0)
        {
            CommitBatch(statements, syncer, tails, batch, indexAll: true);
        }
    }

    /// <summary>
    /// Commits <paramref name="batch"/> in one transaction. The same transaction indexes, with
    /// <paramref name="indexAll"/>, every event written so far, this batch's included; otherwise the next slice of the
    /// sealed generation, if there is one: as many events as the batch wrote and some more, so that indexing keeps
    /// ahead of writing without any commit waiting for a whole generation. Returns whether the transaction committed.
    /// </summary>
    private bool CommitBatch(WriterStatements statements, WalSyncer syncer, Dictionary<string, StreamTail> tails, List<PendingAppend> batch, bool indexAll)
    {
        var outcomes = new Exception?[batch.Count];
        var written = new Dictionary<string, List<StreamPosition>>(StringComparer.Ordinal);
        int sliced;
        try
        {
            statements.Begin();
            for (var i = 0; i < batch.Count; i++)
            {
                var pending = batch[i];
                var positions = written.GetValueOrDefault(pending.StreamId);
                var tail = positions is not null ? new StreamTail(positions[^1].StreamKey, positions[^1].Sequence)
                    : tails.TryGetValue(pending.StreamId, out var cached) ? cached
                    : statements.FindStream(pending.StreamId);
                try
                {
                    EventStoreRules.EnsureContinues(pending.StreamId, tail.LastSequence, pending.Entries);
                }
                catch (Exception exception) when (exception is EventStoreConflictException or ArgumentException)
                {
                    outcomes[i] = exception;
                    continue;
                }

                if (positions is null)
                {
                    positions = [];
                    written.Add(pending.StreamId, positions);
                }

                var streamKey = tail.Key == 0 ? statements.AddStream(pending.StreamId) : tail.Key;
                foreach (var entry in pending.Entries)
                {
                    positions.Add(new StreamPosition(streamKey, entry.Sequence, statements.AddEvent(pending.StreamId, entry)));
                }
            }

            sliced = 0;
            if (indexAll)
            {
                foreach (var row in _unindexed.Remaining(written))
                {
                    statements.AddToIndex(row);
                }

                statements.MarkIndexedThroughLastEvent();
            }
            else if (_unindexed.IsSealed)
            {
                var slice = _unindexed.NextSlice(written.Values.Sum(positions => positions.Count) + _indexing.MinimumSlice);
                foreach (var row in slice)
                {
                    statements.AddToIndex(row);
                }

                sliced = slice.Length;
                if (_unindexed.Finishes(sliced))
                {
                    statements.MarkIndexedThrough(_unindexed.SealedThrough);
                }
            }

            statements.Commit();
            Interlocked.Increment(ref _commits);
        }
        catch (SqliteException exception)
        {
            // Nothing of this batch is on disk: the cached sequence numbers and the unindexed positions stay as they were.
            statements.RollBackIfOpen();
            Array.Fill(outcomes, exception);
            Complete([.. batch], outcomes);
            return false;
        }

        // Readers must find an event before anyone is told it is written.
        if (indexAll)
        {
            _unindexed.AllIndexed();
        }
        else
        {
            _unindexed.SliceIndexed(sliced);
            _unindexed.Add(written);
        }

        foreach (var (streamId, positions) in written)
        {
            tails[streamId] = new StreamTail(positions[^1].StreamKey, positions[^1].Sequence);
        }

        if (batch.Count > 0)
        {
            syncer.Enqueue([.. batch], outcomes);
        }

        return true;
    }

    /// <summary>
    /// Tells a batch's callers how their appends went, from one thread-pool work item: neither the writer nor the
    /// fsync thread wakes a thread for every caller.
    /// </summary>
    private static void Complete(PendingAppend[] batch, Exception?[] outcomes) =>
        ThreadPool.UnsafeQueueUserWorkItem(
            static state =>
            {
                for (var i = 0; i < state.Batch.Length; i++)
                {
                    if (state.Outcomes[i] is { } failure)
                    {
                        state.Batch[i].Completion.TrySetException(failure);
                    }
                    else
                    {
                        state.Batch[i].Completion.TrySetResult();
                    }
                }
            },
            (Batch: batch, Outcomes: outcomes),
            preferLocal: false);

    /// <summary>
    /// The writer's statements, prepared once for its connection and bound and stepped with SQLite's own API: the
    /// ADO.NET layer's per-command costs are what would otherwise bound a group commit's size.
    /// </summary>
    private sealed class WriterStatements : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly sqlite3_stmt _insertEvent;
        private readonly sqlite3_stmt _insertStream;
        private readonly sqlite3_stmt _insertIndex;
        private readonly sqlite3_stmt _markIndexed;
        private readonly sqlite3_stmt _markIndexedThroughLast;
        private readonly sqlite3_stmt _findStream;
        private readonly sqlite3_stmt _begin;
        private readonly sqlite3_stmt _commit;
        private readonly sqlite3_stmt _rollBack;
        private byte[] _utf8 = new byte[4096];

        public WriterStatements(SqliteConnection connection)
        {
            _connection = connection;
            _begin = Prepare("BEGIN IMMEDIATE");
            _commit = Prepare("COMMIT");
            _rollBack = Prepare("ROLLBACK");
            _findStream = Prepare("""
                SELECT stream_key, COALESCE((SELECT MAX(sequence) FROM stream_positions p WHERE p.stream_key = k.stream_key), 0)
                FROM stream_keys k WHERE stream_id = ?1
                """);
            _insertEvent = Prepare("INSERT INTO events (stream_id, sequence, at_ticks, command_id, type, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
            _insertStream = Prepare("INSERT INTO stream_keys (stream_id) VALUES (?1)");
            _insertIndex = Prepare("INSERT INTO stream_positions (stream_key, sequence, position) VALUES (?1, ?2, ?3)");
            _markIndexed = Prepare("UPDATE index_mark SET position = ?1");
            _markIndexedThroughLast = Prepare("UPDATE index_mark SET position = (SELECT COALESCE(MAX(position), 0) FROM events)");
        }

        /// <summary>Writes one event and returns its position.</summary>
        public long AddEvent(string stream, LoggedEvent entry)
        {
            BindText(_insertEvent, 1, stream);
            raw.sqlite3_bind_int64(_insertEvent, 2, entry.Sequence);
            raw.sqlite3_bind_int64(_insertEvent, 3, entry.At.UtcTicks);
            Span<byte> commandId = stackalloc byte[16];
            entry.CommandId.TryWriteBytes(commandId);
            raw.sqlite3_bind_blob(_insertEvent, 4, commandId);
            BindText(_insertEvent, 5, entry.Type);
            BindText(_insertEvent, 6, entry.Data);
            Step(_insertEvent);
            return raw.sqlite3_last_insert_rowid(_connection.Handle);
        }

        /// <summary>Registers a new stream and returns its key.</summary>
        public long AddStream(string stream)
        {
            BindText(_insertStream, 1, stream);
            Step(_insertStream);
            return raw.sqlite3_last_insert_rowid(_connection.Handle);
        }

        public void AddToIndex(StreamPosition row)
        {
            raw.sqlite3_bind_int64(_insertIndex, 1, row.StreamKey);
            raw.sqlite3_bind_int64(_insertIndex, 2, row.Sequence);
            raw.sqlite3_bind_int64(_insertIndex, 3, row.Position);
            Step(_insertIndex);
        }

        public void MarkIndexedThroughLastEvent() => Step(_markIndexedThroughLast);

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

        /// <summary>A stream the writer has not seen since the file was opened: its key and the index's last sequence number.</summary>
        /// <remarks>Opening the file indexed every event, so the index's last sequence number is the stream's.</remarks>
        public StreamTail FindStream(string stream)
        {
            BindText(_findStream, 1, stream);
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
            _insertEvent.Dispose();
            _insertStream.Dispose();
            _insertIndex.Dispose();
            _markIndexed.Dispose();
            _markIndexedThroughLast.Dispose();
            _findStream.Dispose();
            _begin.Dispose();
            _commit.Dispose();
            _rollBack.Dispose();
        }

        /// <summary>Binds text through one reused buffer: SQLite copies it at once, and no string is converted into an array of its own.</summary>
        private void BindText(sqlite3_stmt statement, int index, string value)
        {
            var most = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (most > _utf8.Length)
            {
                _utf8 = new byte[Math.Max(most, _utf8.Length * 2)];
            }

            var length = Encoding.UTF8.GetBytes(value, _utf8);
            Check(raw.sqlite3_bind_text(statement, index, _utf8.AsSpan(0, length)));
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

    /// <summary>What the writer knows of a stream: its key and its last sequence number (0 for a new stream).</summary>
    private readonly record struct StreamTail(long Key, long LastSequence);

}

using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using NegotiationGame.Contracts;

namespace NegotiationGame.Storage.Sqlite;

/// <summary>
/// Streams in one SQLite file (WAL, synchronous=FULL: a commit is on disk when it returns). Appends from every game
/// queue up and a single writer commits whatever has queued in one transaction (group commit), so that many games
/// share each fsync instead of paying one each. Each append is still all-or-nothing: one that does not continue its
/// stream is refused before anything of it is written, and fails alone. The writer is the file's only writer, so it
/// keeps each stream's last sequence number in memory after reading it once.
/// </summary>
public sealed class SqliteEventStore : IEventStore, IDeadlineSchedule, IAsyncDisposable
{
    private const int MaxAppendsPerCommit = 8_192;

    private readonly string _connectionString;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Thread _writer;
    private long _commits;

    public SqliteEventStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        using (var connection = Open())
        {
            Execute(connection, """
                PRAGMA journal_mode = WAL;
                -- Rows go in append order (rowid), so a group commit writes new pages at the end of the table;
                -- only the small index entries land all over the file. Keyed by stream, rows cost twice as much.
                CREATE TABLE IF NOT EXISTS events (
                    position   INTEGER PRIMARY KEY,
                    stream_id  TEXT    NOT NULL,
                    sequence   INTEGER NOT NULL,
                    at_ticks   INTEGER NOT NULL,
                    command_id BLOB    NOT NULL,
                    type       TEXT    NOT NULL,
                    data       TEXT    NOT NULL
                );
                CREATE UNIQUE INDEX IF NOT EXISTS events_by_stream ON events (stream_id, sequence);
                CREATE TABLE IF NOT EXISTS deadlines (
                    game_id   TEXT    NOT NULL PRIMARY KEY,
                    due_ticks INTEGER NOT NULL
                ) WITHOUT ROWID;
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

    public async Task<IReadOnlyList<LoggedEvent>> ReadAsync(string streamId, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT sequence, at_ticks, command_id, type, data FROM events
            WHERE stream_id = $stream AND sequence > $after ORDER BY sequence LIMIT $max
            """;
        command.Parameters.AddWithValue("$stream", streamId);
        command.Parameters.AddWithValue("$after", afterSequence);
        command.Parameters.AddWithValue("$max", maxCount);
        var entries = new List<LoggedEvent>();
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

        return entries;
    }

    public async Task<IReadOnlyList<string>> ListStreamsAsync(string prefix, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT stream_id FROM events WHERE substr(stream_id, 1, length($prefix)) = $prefix ORDER BY stream_id";
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

    private void WriteLoop()
    {
        using var connection = Open();
        var lastSequences = new Dictionary<string, long>(StringComparer.Ordinal);
        var batch = new List<PendingAppend>(MaxAppendsPerCommit);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < MaxAppendsPerCommit && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            CommitBatch(connection, lastSequences, batch);
            batch.Clear();
        }
    }

    private void CommitBatch(SqliteConnection connection, Dictionary<string, long> lastSequences, List<PendingAppend> batch)
    {
        var failures = new Exception?[batch.Count];
        var written = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            using var transaction = connection.BeginTransaction();
            using var last = connection.CreateCommand();
            last.Transaction = transaction;
            last.CommandText = "SELECT COALESCE(MAX(sequence), 0) FROM events WHERE stream_id = $stream";
            var lastStream = last.Parameters.Add("$stream", SqliteType.Text);

            using var rows = new RowInserter(connection);
            for (var i = 0; i < batch.Count; i++)
            {
                var pending = batch[i];
                if (!written.TryGetValue(pending.StreamId, out var streamLast) && !lastSequences.TryGetValue(pending.StreamId, out streamLast))
                {
                    lastStream.Value = pending.StreamId;
                    streamLast = (long)last.ExecuteScalar()!;
                }

                try
                {
                    EventStoreRules.EnsureContinues(pending.StreamId, streamLast, pending.Entries);
                }
                catch (Exception exception) when (exception is EventStoreConflictException or ArgumentException)
                {
                    failures[i] = exception;
                    continue;
                }

                foreach (var entry in pending.Entries)
                {
                    rows.Add(pending.StreamId, entry);
                }

                written[pending.StreamId] = pending.Entries[^1].Sequence;
            }

            transaction.Commit();
            Interlocked.Increment(ref _commits);
        }
        catch (SqliteException exception)
        {
            // Nothing of this batch is on disk: the cached sequence numbers stay as they were.
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(exception);
            }

            return;
        }

        foreach (var (streamId, lastWritten) in written)
        {
            lastSequences[streamId] = lastWritten;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                batch[i].Completion.TrySetException(failure);
            }
            else
            {
                batch[i].Completion.TrySetResult();
            }
        }
    }

    /// <summary>
    /// Inserts rows through one prepared statement, bound and stepped with SQLite's own API: the ADO.NET layer's
    /// per-command costs are what would otherwise bound a group commit's size.
    /// </summary>
    private sealed class RowInserter : IDisposable
    {
        private readonly sqlite3_stmt _statement;

        public RowInserter(SqliteConnection connection)
        {
            var result = raw.sqlite3_prepare_v2(
                connection.Handle,
                "INSERT INTO events (stream_id, sequence, at_ticks, command_id, type, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                out _statement);
            Check(connection, result);
            Connection = connection;
        }

        private SqliteConnection Connection { get; }

        public void Add(string stream, LoggedEvent entry)
        {
            raw.sqlite3_bind_text(_statement, 1, stream);
            raw.sqlite3_bind_int64(_statement, 2, entry.Sequence);
            raw.sqlite3_bind_int64(_statement, 3, entry.At.UtcTicks);
            Span<byte> commandId = stackalloc byte[16];
            entry.CommandId.TryWriteBytes(commandId);
            raw.sqlite3_bind_blob(_statement, 4, commandId);
            raw.sqlite3_bind_text(_statement, 5, entry.Type);
            raw.sqlite3_bind_text(_statement, 6, entry.Data);
            var result = raw.sqlite3_step(_statement);
            raw.sqlite3_reset(_statement);
            if (result != raw.SQLITE_DONE)
            {
                Check(Connection, result);
            }
        }

        public void Dispose() => _statement.Dispose();

        private static void Check(SqliteConnection connection, int result)
        {
            if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE))
            {
                throw new SqliteException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), result);
            }
        }
    }

    private sealed record PendingAppend(string StreamId, IReadOnlyList<LoggedEvent> Entries)
    {
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using NegotiationGame.Storage.Telemetry;

namespace NegotiationGame.Storage.Sqlite;

/// <summary>
/// Streams in one SQLite file in WAL mode. Appends from every game queue up and a single writer commits whatever has
/// queued in one transaction (group commit), so that many games share each fsync instead of paying one each; an
/// append is acknowledged only once the WAL file holding it has been fsynced (<see cref="WalSyncer"/>). Changes to the
/// deadline schedule take the same way, so no grain's thread ever waits on the disk. Each append is still all-or-nothing: one that does not continue its stream is refused before anything of it is written, and
/// fails alone.
/// </summary>
/// <remarks>
/// An append is one row, in append order, whatever number of events it holds, encoded by the caller's thread; the
/// index that finds a stream's appends is written in bulk, not with every commit. Indexed row by row, each append of
/// a busy server landed on a different index page, and writing those pages cost four fifths of the store's time. The
/// writer, the file's only writer, keeps where the appends are that it has committed but not yet indexed in memory
/// and readers merge them in; an append is acknowledged only after it is committed, so the index is a cache of the
/// appends table and the file alone is the record. On opening, appends past the index's high-water mark (left by a
/// crash) are indexed before anything else happens (<see cref="SqliteSchema"/>). Checkpoints run beside the writer,
/// not inside its commits (<see cref="WalCheckpointer"/>). The file is this process's alone while the store is open
/// (<see cref="StoreFileLock"/>): another process's writer would not know about the appends this one has not indexed.
/// </remarks>
public sealed class SqliteEventStore : IEventStore, IDeadlineSchedule, IStoreProbe, IAsyncDisposable
{
    private const int MaxAppendsPerCommit = 8_192;

    /// <summary>SQLite's SQLITE_NOTADB: the file is something else.</summary>
    private const int NotADatabase = 26;

    private readonly string _path;
    private readonly string _connectionString;
    private readonly string _probeConnectionString;
    private readonly SqliteIndexing _indexing;
    private readonly SqliteCheckpointing _checkpointing;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Thread _writer;
    private readonly StoreFileLock _lock;
    private readonly UnindexedAppends _unindexed = new();

    // The writer thread's alone: each stream's key and last sequence number, and what the current batch wrote.
    private readonly Dictionary<string, StreamTail> _tails = new(StringComparer.Ordinal);
    private readonly List<WrittenAppend> _written = [];
    private readonly List<StreamTail> _tailsBefore = [];
    private long _commits;

    public SqliteEventStore(string path, SqliteIndexing? indexing = null, SqliteCheckpointing? checkpointing = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _indexing = indexing ?? SqliteIndexing.Default;
        _checkpointing = checkpointing ?? SqliteCheckpointing.Default;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _path = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();

        // The probe must notice a file that has gone, so it never creates one, and it keeps no pooled connection
        // that would hold a deleted file open.
        _probeConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        _lock = StoreFileLock.Acquire(path);
        try
        {
            using var connection = Open();
            SqliteSchema.Prepare(connection, path);
        }
        catch (Exception exception)
        {
            SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
            _lock.Dispose();
            if (exception is SqliteException { SqliteErrorCode: NotADatabase })
            {
                throw new InvalidDataException($"'{Path.GetFullPath(path)}' is not a SQLite database, so not a NegotiationGame store.", exception);
            }

            throw;
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
        ArgumentNullException.ThrowIfNull(streamId);
        ArgumentNullException.ThrowIfNull(entries);
        try
        {
            // Numbering within the append is checked here; whether it continues the stream, by the writer.
            EventStoreRules.EnsureContinues(streamId, entries.Count == 0 ? 0 : entries[0].Sequence - 1, entries);
        }
        catch (Exception exception) when (exception is EventStoreConflictException or ArgumentException)
        {
            return Task.FromException(exception);
        }

        return Enqueue(new PendingAppend(streamId, entries), cancellationToken);
    }

    /// <summary>Number of appends committed but not yet in the stream index.</summary>
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
            // From the append that holds the entry after afterSequence (the last one that starts at or before it) on.
            command.CommandText = """
                WITH stream AS (SELECT stream_key FROM stream_keys WHERE stream_id = $stream)
                SELECT a.first_sequence, a.entries FROM stream_appends i JOIN appends a ON a.position = i.position
                WHERE i.stream_key = (SELECT stream_key FROM stream)
                  AND i.first_sequence >= (
                      SELECT COALESCE(MAX(first_sequence), 0) FROM stream_appends
                      WHERE stream_key = (SELECT stream_key FROM stream) AND first_sequence <= $after + 1)
                ORDER BY i.first_sequence
                """;
            command.Parameters.AddWithValue("$stream", streamId);
            command.Parameters.AddWithValue("$after", afterSequence);
            await ReadAppendsAsync(command, afterSequence, maxCount, entries, cancellationToken).ConfigureAwait(false);
        }

        if (entries.Count < maxCount)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT first_sequence, entries FROM appends WHERE position = $position";
            var position = command.Parameters.Add("$position", SqliteType.Integer);
            foreach (var append in unindexed)
            {
                var last = entries.Count > 0 ? entries[^1].Sequence : afterSequence;
                if (append.LastSequence <= last)
                {
                    continue;
                }

                if (entries.Count >= maxCount)
                {
                    break;
                }

                position.Value = append.Position;
                await ReadAppendsAsync(command, last, maxCount, entries, cancellationToken).ConfigureAwait(false);
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

    public Task SetDeadlineAsync(string gameId, DateTimeOffset? deadline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gameId);
        return Enqueue(new PendingDeadline(gameId, deadline), cancellationToken);
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

    /// <summary>Opens the file afresh and reads its schema page: the file is there, is a database, and can be read.</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(_probeConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_schema";
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.Run(_writer.Join).ConfigureAwait(false);
        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
        _lock.Dispose();
    }

    /// <summary>Hands a write to the writer; its task completes once the write is on disk.</summary>
    private Task Enqueue(PendingWrite pending, CancellationToken cancellationToken) =>
        _queue.Writer.TryWrite(pending)
            ? pending.Task.WaitAsync(cancellationToken)
            : Task.FromException(new ObjectDisposedException(nameof(SqliteEventStore)));

    /// <summary>Opens a connection. None of them checkpoints on committing: that is the <see cref="WalCheckpointer"/>'s work.</summary>
    internal SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA wal_autocheckpoint = 0;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Decodes the entries after <paramref name="afterSequence"/> of the appends a query returns, until there are <paramref name="maxCount"/>.</summary>
    private static async Task ReadAppendsAsync(SqliteCommand command, long afterSequence, int maxCount, List<LoggedEvent> entries, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (entries.Count < maxCount && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            AppendFrame.Read(reader.GetFieldValue<byte[]>(1), reader.GetInt64(0), afterSequence, maxCount, entries);
        }
    }

    private void WriteLoop()
    {
        using var connection = Open();
        Execute(connection, "PRAGMA synchronous = NORMAL;");
        using var statements = new WriterStatements(connection);
        using var syncer = new WalSyncer(_path, Complete);
        using var checkpointer = new WalCheckpointer(Open(), _checkpointing);
        var batch = new List<PendingWrite>(MaxAppendsPerCommit);
        while (true)
        {
            // Between batches, the writer indexes a slice of the sealed generation on its own, so that fewer of the
            // batches that callers wait for carry one. If that fails, it waits for appends rather than retry at once.
            if (_unindexed.IsSealed && !_queue.Reader.TryPeek(out _) && CommitBatch(statements, syncer, batch, indexAll: false))
            {
                continue;
            }

            var ready = _queue.Reader.WaitToReadAsync().AsTask();
            if (!ready.IsCompleted && _unindexed.Count > 0 && !ready.Wait(_indexing.IdleDelay))
            {
                CommitBatch(statements, syncer, batch, indexAll: true);
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

            checkpointer.FinishIfRestartDue(connection);
            if (CommitBatch(statements, syncer, batch, indexAll: false))
            {
                var bytes = 0L;
                var appends = 0;
                foreach (var pending in batch)
                {
                    if (pending is PendingAppend append)
                    {
                        bytes += append.Frame.Length;
                        appends++;
                    }
                }

                checkpointer.Committed(bytes);
                StoreInstruments.BatchCommitted(StoreInstruments.Sqlite, appends);
            }

            batch.Clear();
        }

        if (_unindexed.Count > 0)
        {
            CommitBatch(statements, syncer, batch, indexAll: true);
        }
    }

    /// <summary>
    /// Commits <paramref name="batch"/> in one transaction. The same transaction indexes, with
    /// <paramref name="indexAll"/>, every append written so far, this batch's included; otherwise the next slice of
    /// the sealed generation, if there is one: as many appends as the batch wrote and some more, so that indexing
    /// keeps ahead of writing without any commit waiting for a whole generation. Returns whether the transaction
    /// committed.
    /// </summary>
    private bool CommitBatch(WriterStatements statements, WalSyncer syncer, List<PendingWrite> batch, bool indexAll)
    {
        _written.Clear();
        _tailsBefore.Clear();
        int sliced;
        try
        {
            statements.Begin();
            foreach (var write in batch)
            {
                if (write is not PendingAppend pending)
                {
                    statements.SetDeadline((PendingDeadline)write);
                    continue;
                }

                if (!_tails.TryGetValue(pending.StreamId, out var tail))
                {
                    tail = statements.FindStream(pending.StreamId);
                }

                if (pending.FirstSequence != tail.LastSequence + 1)
                {
                    pending.Failure = new EventStoreConflictException(pending.StreamId, tail.LastSequence + 1, pending.FirstSequence);
                    continue;
                }

                _tailsBefore.Add(tail);
                var streamKey = tail.Key == 0 ? statements.AddStream(pending.StreamId) : tail.Key;
                var position = statements.AddAppend(streamKey, pending);
                _written.Add(new WrittenAppend(pending.StreamId, new StreamAppend(streamKey, pending.FirstSequence, pending.LastSequence, position)));
                _tails[pending.StreamId] = new StreamTail(streamKey, pending.LastSequence);
            }

            var written = CollectionsMarshal.AsSpan(_written);
            sliced = 0;
            if (indexAll)
            {
                foreach (var row in _unindexed.Remaining(written))
                {
                    statements.AddToIndex(row);
                }

                statements.MarkIndexedThroughLastAppend();
            }
            else if (_unindexed.IsSealed)
            {
                var slice = _unindexed.NextSlice(written.Length + _indexing.MinimumSlice);
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
            // Nothing of this batch is on disk: the streams' tails go back to what they were, newest change first,
            // and the unindexed appends stay as they were.
            statements.RollBackIfOpen();
            for (var i = _written.Count - 1; i >= 0; i--)
            {
                _tails[_written[i].StreamId] = _tailsBefore[i];
            }

            foreach (var pending in batch)
            {
                pending.Failure = exception;
            }

            Complete([.. batch]);
            return false;
        }

        // Readers must find an append before anyone is told it is written.
        if (indexAll)
        {
            _unindexed.AllIndexed();
        }
        else
        {
            _unindexed.SliceIndexed(sliced);
            _unindexed.Add(CollectionsMarshal.AsSpan(_written));
        }

        if (batch.Count > 0)
        {
            syncer.Enqueue([.. batch]);
        }

        return true;
    }

    /// <summary>
    /// Tells a batch's callers how their appends went, from one thread-pool work item: neither the writer nor the
    /// fsync thread wakes a thread for every caller.
    /// </summary>
    private static void Complete(PendingWrite[] batch) =>
        ThreadPool.UnsafeQueueUserWorkItem(
            static batch =>
            {
                foreach (var pending in batch)
                {
                    pending.Finish();
                }
            },
            batch,
            preferLocal: false);
}

using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using NegotiationGame.Contracts;

namespace NegotiationGame.Storage.Sqlite;

/// <summary>
/// Streams in one SQLite file (WAL, synchronous=FULL: a commit is on disk when it returns). Appends from every game
/// queue up and a single writer commits whatever has queued in one transaction (group commit), so that many games
/// share each fsync instead of paying one each. Each append is still all-or-nothing: a conflicting one is rolled back
/// to its savepoint and fails alone.
/// </summary>
public sealed class SqliteEventStore : IEventStore, IDeadlineSchedule, IAsyncDisposable
{
    private const int MaxAppendsPerCommit = 512;

    private readonly string _connectionString;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
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
                CREATE TABLE IF NOT EXISTS events (
                    stream_id  TEXT    NOT NULL,
                    sequence   INTEGER NOT NULL,
                    at_ticks   INTEGER NOT NULL,
                    command_id TEXT    NOT NULL,
                    type       TEXT    NOT NULL,
                    data       TEXT    NOT NULL,
                    PRIMARY KEY (stream_id, sequence)
                ) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS deadlines (
                    game_id   TEXT    NOT NULL PRIMARY KEY,
                    due_ticks INTEGER NOT NULL
                ) WITHOUT ROWID;
                """);
        }

        _writer = Task.Run(WriteLoopAsync);
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
                Guid.Parse(reader.GetString(2)),
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
        await _writer.ConfigureAwait(false);
        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private async Task WriteLoopAsync()
    {
        await using var connection = Open();
        var batch = new List<PendingAppend>(MaxAppendsPerCommit);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxAppendsPerCommit && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            CommitBatch(connection, batch);
            batch.Clear();
        }
    }

    private void CommitBatch(SqliteConnection connection, List<PendingAppend> batch)
    {
        var failures = new Exception?[batch.Count];
        try
        {
            using var transaction = connection.BeginTransaction();
            for (var i = 0; i < batch.Count; i++)
            {
                failures[i] = TryAppend(connection, transaction, batch[i], i);
            }

            transaction.Commit();
            Interlocked.Increment(ref _commits);
        }
        catch (SqliteException exception)
        {
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(exception);
            }

            return;
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

    private static Exception? TryAppend(SqliteConnection connection, SqliteTransaction transaction, PendingAppend pending, int index)
    {
        var savepoint = "append" + index.ToString(CultureInfo.InvariantCulture);
        transaction.Save(savepoint);
        try
        {
            using (var last = connection.CreateCommand())
            {
                last.Transaction = transaction;
                last.CommandText = "SELECT COALESCE(MAX(sequence), 0) FROM events WHERE stream_id = $stream";
                last.Parameters.AddWithValue("$stream", pending.StreamId);
                EventStoreRules.EnsureContinues(pending.StreamId, (long)last.ExecuteScalar()!, pending.Entries);
            }

            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO events (stream_id, sequence, at_ticks, command_id, type, data) VALUES ($stream, $sequence, $at, $command, $type, $data)";
            var stream = insert.Parameters.Add("$stream", SqliteType.Text);
            var sequence = insert.Parameters.Add("$sequence", SqliteType.Integer);
            var at = insert.Parameters.Add("$at", SqliteType.Integer);
            var commandId = insert.Parameters.Add("$command", SqliteType.Text);
            var type = insert.Parameters.Add("$type", SqliteType.Text);
            var data = insert.Parameters.Add("$data", SqliteType.Text);
            foreach (var entry in pending.Entries)
            {
                stream.Value = pending.StreamId;
                sequence.Value = entry.Sequence;
                at.Value = entry.At.UtcTicks;
                commandId.Value = entry.CommandId.ToString("D");
                type.Value = entry.Type;
                data.Value = entry.Data;
                insert.ExecuteNonQuery();
            }

            transaction.Release(savepoint);
            return null;
        }
        catch (Exception exception) when (exception is EventStoreConflictException or ArgumentException or SqliteException)
        {
            transaction.Rollback(savepoint);
            transaction.Release(savepoint);
            return exception;
        }
    }

    private sealed record PendingAppend(string StreamId, IReadOnlyList<LoggedEvent> Entries)
    {
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

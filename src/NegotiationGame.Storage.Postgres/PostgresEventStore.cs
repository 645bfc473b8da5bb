using System.Diagnostics;
using System.Threading.Channels;
using NegotiationGame.Storage.Telemetry;
using Npgsql;
using NpgsqlTypes;

namespace NegotiationGame.Storage.Postgres;

/// <summary>
/// Streams and the deadline schedule in PostgreSQL, shared by every node of a cluster. Writes from every game queue up
/// and one writer sends whatever has queued as one batch: one round trip and one commit (group commit), so that many
/// games share each WAL flush instead of paying one each.
/// </summary>
/// <remarks>
/// An append claims its place by compare-and-set on the stream's row (<c>negotiationgame_streams</c>) and inserts its
/// entries only if the claim changed that row, in one statement. A lost claim changes nothing and fails nothing else
/// in its batch, so one append's conflict never aborts the others'; the primary key on (stream, sequence) is the
/// database's own guarantee that no two writers, in this process or any other, hold one position. The tables come
/// from <see cref="PostgresSchema.MigrateAsync"/>: the store never creates them.
/// </remarks>
public sealed class PostgresEventStore : IEventStore, IDeadlineSchedule, IStoreProbe, IAsyncDisposable
{
    private const int MaxWritesPerCommit = 1_024;

    /// <summary>The server's own limit on the probe's query, in seconds (Npgsql's least): a probe cancelled sooner is cancelled by its token.</summary>
    private const int ProbeCommandTimeoutSeconds = 1;

    // $1 stream, $2 its new last sequence, $3..$8 the entries' columns; $9 (claims on existing streams) the last
    // sequence the append continues from.
    private const string InsertClaimedEntries = """
        INSERT INTO negotiationgame_events (stream_id, sequence, at_ticks, offset_minutes, command_id, type, data)
        SELECT claim.stream_id, e.sequence, e.at_ticks, e.offset_minutes, e.command_id, e.type, e.data
        FROM claim CROSS JOIN unnest($3::bigint[], $4::bigint[], $5::smallint[], $6::uuid[], $7::text[], $8::text[])
            AS e (sequence, at_ticks, offset_minutes, command_id, type, data)
        """;

    private const string StartStream = $"""
        WITH claim AS (
            INSERT INTO negotiationgame_streams (stream_id, last_sequence) VALUES ($1, $2)
            ON CONFLICT (stream_id) DO NOTHING
            RETURNING stream_id)
        {InsertClaimedEntries}
        """;

    private const string ContinueStream = $"""
        WITH claim AS (
            UPDATE negotiationgame_streams SET last_sequence = $2
            WHERE stream_id = $1 AND last_sequence = $9
            RETURNING stream_id)
        {InsertClaimedEntries}
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly Channel<QueuedWrite> _queue = Channel.CreateUnbounded<QueuedWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private long _commits;

    /// <summary>
    /// A store on its own connection pool to the database named by <paramref name="connectionString"/>, which prepares
    /// its statements unless the connection string says otherwise (<c>Max Auto Prepare</c>).
    /// </summary>
    public PostgresEventStore(string connectionString)
        : this(NpgsqlDataSource.Create(WithPreparedStatements(connectionString)), ownsDataSource: true)
    {
    }

    /// <summary>A store on <paramref name="dataSource"/>'s pool; the caller keeps it and disposes it after the store.</summary>
    public PostgresEventStore(NpgsqlDataSource dataSource)
        : this(dataSource, ownsDataSource: false)
    {
    }

    private PostgresEventStore(NpgsqlDataSource dataSource, bool ownsDataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Number of batches committed so far; with group commit, far fewer than writes under load.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    public async Task AppendAsync(string streamId, IReadOnlyList<LoggedEvent> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        ArgumentNullException.ThrowIfNull(entries);

        // Numbering within the append is checked here; whether it continues the stream, by the database.
        var continuesFrom = entries.Count == 0 ? 0 : entries[0].Sequence - 1;
        EventStoreRules.EnsureContinues(streamId, continuesFrom, entries);

        var span = StoreInstruments.StartAppend(StoreInstruments.Postgres, streamId);
        var started = StoreInstruments.AppendStarted();
        Exception? failure = null;
        try
        {
            var inserted = await EnqueueAsync(ClaimAndInsert(streamId, continuesFrom, entries), isAppend: true, span?.Context ?? default, cancellationToken).ConfigureAwait(false);
            if (inserted == 0)
            {
                var last = await LastSequenceAsync(streamId, cancellationToken).ConfigureAwait(false);
                throw new EventStoreConflictException(streamId, last + 1, entries[0].Sequence);
            }
        }
        catch (Exception exception)
        {
            failure = exception;
            throw;
        }
        finally
        {
            StoreInstruments.AppendFinished(StoreInstruments.Postgres, started);
            StoreInstruments.EndAppend(span, failure);
        }
    }

    public async Task<IReadOnlyList<LoggedEvent>> ReadAsync(string streamId, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("""
            SELECT sequence, at_ticks, offset_minutes, command_id, type, data FROM negotiationgame_events
            WHERE stream_id = $1 AND sequence > $2 ORDER BY sequence LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSequence });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Math.Max(maxCount, 0) });
        var entries = new List<LoggedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var at = new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(reader.GetInt16(2)));
            entries.Add(new LoggedEvent(reader.GetInt64(0), at, reader.GetGuid(3), reader.GetString(4), reader.GetString(5)));
        }

        return entries;
    }

    public async Task<IReadOnlyList<string>> ListStreamsAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        await using var command = _dataSource.CreateCommand(
            "SELECT stream_id FROM negotiationgame_streams WHERE starts_with(stream_id, $1) ORDER BY stream_id");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = prefix });
        return await ReadStringsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public Task SetDeadlineAsync(string gameId, DateTimeOffset? deadline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gameId);
        var command = new NpgsqlBatchCommand(deadline is null
            ? "DELETE FROM negotiationgame_deadlines WHERE game_id = $1"
            : "INSERT INTO negotiationgame_deadlines (game_id, due_ticks) VALUES ($1, $2) ON CONFLICT (game_id) DO UPDATE SET due_ticks = EXCLUDED.due_ticks");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = gameId });
        if (deadline is { } due)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = due.UtcTicks });
        }

        return EnqueueAsync(command, isAppend: false, default, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> GamesDueAsync(DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT game_id FROM negotiationgame_deadlines WHERE due_ticks <= $1 ORDER BY game_id");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = until.UtcTicks });
        return await ReadStringsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>SELECT 1</c> on a pooled connection: it proves that the database accepts connections and answers, not
    /// that any table is there (the node checked the schema when it started).
    /// </summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT 1");
        command.CommandTimeout = ProbeCommandTimeoutSeconds;
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The store sends the same few statements for every append; prepared on each pooled connection, PostgreSQL parses
    /// and plans them once per connection instead of once per append.
    /// </summary>
    private static string WithPreparedStatements(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var namesIt = connectionString.Replace(" ", "", StringComparison.Ordinal).Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase);
        if (!namesIt)
        {
            builder.MaxAutoPrepare = 16;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    private static NpgsqlBatchCommand ClaimAndInsert(string streamId, long continuesFrom, IReadOnlyList<LoggedEvent> entries)
    {
        var sequences = new long[entries.Count];
        var ticks = new long[entries.Count];
        var offsets = new short[entries.Count];
        var commandIds = new Guid[entries.Count];
        var types = new string[entries.Count];
        var data = new string[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            sequences[i] = entry.Sequence;
            ticks[i] = entry.At.UtcTicks;
            offsets[i] = (short)entry.At.TotalOffsetMinutes;
            commandIds[i] = entry.CommandId;
            types[i] = entry.Type;
            data[i] = entry.Data;
        }

        var command = new NpgsqlBatchCommand(continuesFrom == 0 ? StartStream : ContinueStream);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = sequences[^1] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = sequences });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = ticks });
        command.Parameters.Add(new NpgsqlParameter<short[]> { TypedValue = offsets });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = commandIds });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        if (continuesFrom != 0)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = continuesFrom });
        }

        return command;
    }

    private async Task<long> LastSequenceAsync(string streamId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT last_sequence FROM negotiationgame_streams WHERE stream_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long last ? last : 0;
    }

    private static async Task<IReadOnlyList<string>> ReadStringsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>Hands a statement to the writer; the task completes with its row count once it is committed.</summary>
    private Task<int> EnqueueAsync(NpgsqlBatchCommand command, bool isAppend, ActivityContext span, CancellationToken cancellationToken)
    {
        var write = new QueuedWrite(command, isAppend, span);
        return _queue.Writer.TryWrite(write)
            ? write.Task.WaitAsync(cancellationToken)
            : Task.FromException<int>(new ObjectDisposedException(nameof(PostgresEventStore)));
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<QueuedWrite>(MaxWritesPerCommit);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxWritesPerCommit && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            using var span = StartCommit(batch);
            try
            {
                await CommitAsync(batch).ConfigureAwait(false);
                var appends = 0;
                foreach (var write in batch)
                {
                    write.TrySetResult(write.Command.RecordsAffected);
                    appends += write.IsAppend ? 1 : 0;
                }

                StoreInstruments.BatchCommitted(StoreInstruments.Postgres, appends);
            }
#pragma warning disable CA1031 // The writer serves every game: whatever fails a batch fails its callers, not the loop.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
                foreach (var write in batch)
                {
                    write.TrySetException(exception);
                }
            }

            batch.Clear();
        }
    }

    /// <summary>
    /// The span of one commit, when at least one of its appends is traced: a child of the first traced append's span,
    /// so that a command alone in its batch (a quiet server) has the database's work in its own trace, and linked to
    /// every other traced append it serves. Npgsql's spans of the round trip are its children. Null when none is traced.
    /// </summary>
    private static Activity? StartCommit(List<QueuedWrite> batch)
    {
        ActivityContext parent = default;
        List<ActivityLink>? links = null;
        foreach (var write in batch)
        {
            if (write.Span == default)
            {
                continue;
            }

            if (parent == default)
            {
                parent = write.Span;
            }
            else
            {
                (links ??= []).Add(new ActivityLink(write.Span));
            }
        }

        if (parent == default)
        {
            return null;
        }

        var span = ProductTelemetry.Source.StartActivity("store commit", ActivityKind.Internal, parent, links: links);
        span?.SetTag("negotiationgame.store.batch.size", batch.Count);
        return span;
    }

    /// <summary>
    /// Sends the batch's statements in one round trip. Npgsql runs a batch as one implicit transaction: it commits
    /// once, and if anything in it fails (a lost connection), nothing of it is written.
    /// </summary>
    private async Task CommitAsync(List<QueuedWrite> batch)
    {
        await using var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using var npgsqlBatch = new NpgsqlBatch(connection);
        foreach (var write in batch)
        {
            npgsqlBatch.BatchCommands.Add(write.Command);
        }

        await npgsqlBatch.ExecuteNonQueryAsync().ConfigureAwait(false);
        Interlocked.Increment(ref _commits);
    }
}

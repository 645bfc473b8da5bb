using NegotiationGame.Storage.Library;
using Npgsql;

namespace NegotiationGame.Storage.Postgres;

/// <summary>
/// The library that every node of a cluster shares, in <c>negotiationgame_scenario_library</c> (migration 0004). The
/// table comes from <see cref="PostgresSchema.MigrateAsync"/>, like the store's.
/// </summary>
public sealed class PostgresScenarioLibrary(NpgsqlDataSource dataSource) : IScenarioLibrary
{
    private const string Columns = "content_hash, scenario_id, title, uploaded_by, uploaded_at";

    // Nodes adding at once take turns on this lock, so that the entry count is never exceeded: "NgLibrar" in ASCII.
    private const long AddLockKey = 0x4E67_4C69_6272_6172;

    public async Task<LibraryAddOutcome> AddAsync(LibraryScenario scenario, int maxEntries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var entry = scenario.Entry;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<long> { TypedValue = AddLockKey });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        LibraryAddOutcome outcome;
        if (await FindEntryAsync(connection, transaction, entry.ContentHash, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            outcome = new LibraryAddOutcome(LibraryAddResult.AlreadyStored, stored);
        }
        else
        {
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO negotiationgame_scenario_library (content_hash, scenario_id, title, uploaded_by, uploaded_at, json)
                SELECT $1, $2, $3, $4, $5, $6 WHERE (SELECT count(*) FROM negotiationgame_scenario_library) < $7
                """,
                connection,
                transaction);
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.ContentHash });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.ScenarioId });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Title });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.UploadedBy });
            insert.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = entry.UploadedAt.UtcDateTime });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = scenario.Json });
            insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = maxEntries });
            outcome = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1
                ? new LibraryAddOutcome(LibraryAddResult.Added, entry)
                : new LibraryAddOutcome(LibraryAddResult.Full, null);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    public async Task<IReadOnlyList<LibraryEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM negotiationgame_scenario_library ORDER BY uploaded_at DESC, content_hash");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await LibraryRows.ReadAllAsync(reader, ReadEntry, cancellationToken).ConfigureAwait(false);
    }

    public async Task<LibraryScenario?> FindAsync(string contentHash, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns}, json FROM negotiationgame_scenario_library WHERE content_hash = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = contentHash });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? new LibraryScenario(ReadEntry(reader), reader.GetString(5)) : null;
    }

    public async Task<bool> RemoveAsync(string contentHash, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM negotiationgame_scenario_library WHERE content_hash = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = contentHash });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static async Task<LibraryEntry?> FindEntryAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string contentHash, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM negotiationgame_scenario_library WHERE content_hash = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = contentHash });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadEntry(reader) : null;
    }

    private static LibraryEntry ReadEntry(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), new DateTimeOffset(reader.GetFieldValue<DateTime>(4), TimeSpan.Zero));
}

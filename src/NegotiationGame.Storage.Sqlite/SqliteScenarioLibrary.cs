using Microsoft.Data.Sqlite;
using NegotiationGame.Storage.Library;

namespace NegotiationGame.Storage.Sqlite;

/// <summary>
/// The library in the store's own file (table <c>scenario_library</c>), on connections of its own: uploads are rare
/// and small, so they commit directly instead of queueing behind the games' group commits.
/// </summary>
public sealed class SqliteScenarioLibrary(SqliteEventStore store) : IScenarioLibrary
{
    private const string Columns = "content_hash, scenario_id, title, uploaded_by, uploaded_at_ticks";

    public async Task<LibraryAddOutcome> AddAsync(LibraryScenario scenario, int maxEntries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var entry = scenario.Entry;
        await using var connection = store.Open();
        await using var command = connection.CreateCommand();

        // One statement, so that the count and the insert cannot be split by another writer.
        command.CommandText = """
            INSERT INTO scenario_library (content_hash, scenario_id, title, uploaded_by, uploaded_at_ticks, json)
            SELECT $hash, $id, $title, $by, $at, $json
            WHERE (SELECT count(*) FROM scenario_library) < $max
            ON CONFLICT (content_hash) DO NOTHING
            """;
        command.Parameters.AddWithValue("$hash", entry.ContentHash);
        command.Parameters.AddWithValue("$id", entry.ScenarioId);
        command.Parameters.AddWithValue("$title", entry.Title);
        command.Parameters.AddWithValue("$by", entry.UploadedBy);
        command.Parameters.AddWithValue("$at", entry.UploadedAt.UtcTicks);
        command.Parameters.AddWithValue("$json", scenario.Json);
        command.Parameters.AddWithValue("$max", maxEntries);
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
        {
            return new LibraryAddOutcome(LibraryAddResult.Added, entry);
        }

        return await FindEntryAsync(connection, entry.ContentHash, cancellationToken).ConfigureAwait(false) is { } stored
            ? new LibraryAddOutcome(LibraryAddResult.AlreadyStored, stored)
            : new LibraryAddOutcome(LibraryAddResult.Full, null);
    }

    public async Task<IReadOnlyList<LibraryEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = store.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM scenario_library ORDER BY uploaded_at_ticks DESC, content_hash";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await LibraryRows.ReadAllAsync(reader, ReadEntry, cancellationToken).ConfigureAwait(false);
    }

    public async Task<LibraryScenario?> FindAsync(string contentHash, CancellationToken cancellationToken = default)
    {
        await using var connection = store.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns}, json FROM scenario_library WHERE content_hash = $hash";
        command.Parameters.AddWithValue("$hash", contentHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? new LibraryScenario(ReadEntry(reader), reader.GetString(5)) : null;
    }

    public async Task<bool> RemoveAsync(string contentHash, CancellationToken cancellationToken = default)
    {
        await using var connection = store.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM scenario_library WHERE content_hash = $hash";
        command.Parameters.AddWithValue("$hash", contentHash);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static async Task<LibraryEntry?> FindEntryAsync(SqliteConnection connection, string contentHash, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM scenario_library WHERE content_hash = $hash";
        command.Parameters.AddWithValue("$hash", contentHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadEntry(reader) : null;
    }

    private static LibraryEntry ReadEntry(SqliteDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero));
}

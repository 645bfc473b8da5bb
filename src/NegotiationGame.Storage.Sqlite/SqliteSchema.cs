using Microsoft.Data.Sqlite;
using NegotiationGame.Contracts;

namespace NegotiationGame.Storage.Sqlite;

/// <summary>
/// The file's tables, and what opening it does before anything is read or written: converts a file of an earlier
/// layout, and indexes the appends that a crash left out of the stream index.
/// </summary>
/// <remarks>
/// <c>appends</c> holds one row per append, in append order, its entries in one frame (<see cref="AppendFrame"/>);
/// <c>stream_appends</c> is the index that finds a stream's appends, written in bulk (<see cref="SqliteIndexing"/>),
/// complete up to <c>index_mark</c>.
/// </remarks>
internal static class SqliteSchema
{
    public static void Prepare(SqliteConnection connection)
    {
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS appends (
                position       INTEGER PRIMARY KEY,
                stream_key     INTEGER NOT NULL,
                first_sequence INTEGER NOT NULL,
                last_sequence  INTEGER NOT NULL,
                entries        BLOB    NOT NULL
            );
            CREATE TABLE IF NOT EXISTS stream_keys (
                stream_key INTEGER PRIMARY KEY,
                stream_id  TEXT    NOT NULL UNIQUE
            );
            CREATE TABLE IF NOT EXISTS stream_appends (
                stream_key     INTEGER NOT NULL,
                first_sequence INTEGER NOT NULL,
                position       INTEGER NOT NULL,
                PRIMARY KEY (stream_key, first_sequence)
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

        if (Scalar(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'events'") > 0)
        {
            ConvertEventRows(connection);
        }

        Execute(connection, """
            BEGIN IMMEDIATE;
            INSERT OR IGNORE INTO stream_appends (stream_key, first_sequence, position)
                SELECT stream_key, first_sequence, position FROM appends
                WHERE position > (SELECT position FROM index_mark) ORDER BY stream_key, first_sequence;
            UPDATE index_mark SET position = (SELECT COALESCE(MAX(position), 0) FROM appends);
            COMMIT;
            """);
    }

    /// <summary>
    /// The earlier layouts kept one row per event, in a table <c>events</c>: each becomes an append of one entry, in
    /// the same order, in one transaction, and the old tables go.
    /// </summary>
    private static void ConvertEventRows(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, """
            INSERT OR IGNORE INTO stream_keys (stream_id) SELECT DISTINCT stream_id FROM events ORDER BY stream_id;
            UPDATE index_mark SET position = 0;
            DELETE FROM stream_appends;
            """);

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO appends (stream_key, first_sequence, last_sequence, entries) VALUES ($key, $sequence, $sequence, $entries)";
        var key = insert.Parameters.Add("$key", SqliteType.Integer);
        var sequence = insert.Parameters.Add("$sequence", SqliteType.Integer);
        var entries = insert.Parameters.Add("$entries", SqliteType.Blob);
        insert.Prepare();

        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = """
            SELECT k.stream_key, e.sequence, e.at_ticks, e.command_id, e.type, e.data
            FROM events e JOIN stream_keys k ON k.stream_id = e.stream_id ORDER BY e.position
            """;
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                var entry = new LoggedEvent(reader.GetInt64(1), new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero), reader.GetGuid(3), reader.GetString(4), reader.GetString(5));
                key.Value = reader.GetInt64(0);
                sequence.Value = entry.Sequence;
                entries.Value = AppendFrame.Encode([entry]);
                insert.ExecuteNonQuery();
            }
        }

        Execute(connection, transaction, """
            DROP TABLE events;
            DROP TABLE IF EXISTS stream_positions;
            """);
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql) => Execute(connection, null, sql);

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

using Microsoft.Data.Sqlite;

namespace NegotiationGame.Storage.Sqlite;

/// <summary>
/// The file's tables, and what opening it does before anything is read or written: refuses a file of any other
/// layout, and indexes the appends that a crash left out of the stream index.
/// </summary>
/// <remarks>
/// <c>appends</c> holds one row per append, in append order, its entries in one frame (<see cref="AppendFrame"/>);
/// <c>stream_appends</c> is the index that finds a stream's appends, written in bulk (<see cref="SqliteIndexing"/>),
/// complete up to <c>index_mark</c>. <c>scenario_library</c> holds the scenarios instructors uploaded
/// (<see cref="SqliteScenarioLibrary"/>).
/// </remarks>
internal static class SqliteSchema
{
    private static readonly string[] Tables = ["appends", "stream_keys", "stream_appends", "index_mark", "deadlines", "scenario_library"];

    /// <summary>Makes the file ready, or throws <see cref="InvalidDataException"/> if it holds anything but a store of this layout.</summary>
    public static void Prepare(SqliteConnection connection, string path)
    {
        EnsureKnownLayout(connection, path);
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
            CREATE TABLE IF NOT EXISTS scenario_library (
                content_hash      TEXT    NOT NULL PRIMARY KEY,
                scenario_id       TEXT    NOT NULL,
                title             TEXT    NOT NULL,
                uploaded_by       TEXT    NOT NULL,
                uploaded_at_ticks INTEGER NOT NULL,
                json              TEXT    NOT NULL
            ) WITHOUT ROWID;
            """);

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
    /// A new file has no tables and a store has only its own; anything else (another program's database, or the
    /// one-row-per-event layouts of early development builds, which no release ever wrote) is refused before
    /// anything in it changes.
    /// </summary>
    private static void EnsureKnownLayout(SqliteConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name";
        var found = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                found.Add(reader.GetString(0));
            }
        }

        if (found.Count > 0 && (!found.Contains("appends") || found.Except(Tables).Any()))
        {
            throw new InvalidDataException(
                $"'{Path.GetFullPath(path)}' is not a NegotiationGame store of this version (it has the tables {string.Join(", ", found)}); open it with the build that wrote it and export its games, or start a new file.");
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

using Npgsql;

namespace NegotiationGame.Storage.Postgres;

/// <summary>
/// Creates and upgrades the schema that cluster mode's nodes share, from this build's <see cref="Migration"/>s, and
/// tells a node whether the schema it finds is the one it was built for. Nodes only check; operators migrate.
/// </summary>
public static class PostgresSchema
{
    /// <summary>Where the applied migrations are recorded, one row each.</summary>
    public const string VersionsTable = "negotiationgame_schema_versions";

    /// <summary>What the operator runs to create or upgrade the schema; the connection string is left for them to fill in, so that no password is printed.</summary>
    public const string MigrateCommand = "negotiationgame migrate --connection \"<connection string>\"";

    // Any fixed number will do, as long as nothing else takes an advisory lock on it: "NegoGame" in ASCII.
    private const long MigrationLockKey = 0x4E65_676F_4761_6D65;

    /// <summary>
    /// Applies every migration the database lacks, in version order, in one transaction, and returns those it applied
    /// (none when the schema is current). Migrations running at once from several places take turns on an advisory
    /// lock, so each migration is applied once.
    /// </summary>
    public static async Task<IReadOnlyList<Migration>> MigrateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<long> { TypedValue = MigrationLockKey });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var create = new NpgsqlCommand(
            $"CREATE TABLE IF NOT EXISTS {VersionsTable} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
            connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var applied = await AppliedVersionsAsync(connection, cancellationToken).ConfigureAwait(false);
        var newlyApplied = new List<Migration>();
        foreach (var migration in Migration.All.Where(migration => !applied.Contains(migration.Version)))
        {
            await using (var apply = new NpgsqlCommand(migration.Sql, connection))
            {
                await apply.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var record = new NpgsqlCommand($"INSERT INTO {VersionsTable} (version, name) VALUES ($1, $2)", connection);
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Name });
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            newlyApplied.Add(migration);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return newlyApplied;
    }

    /// <summary>Compares the database's schema with this build's migrations, changing nothing.</summary>
    public static async Task<SchemaCheck> CheckAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var where = Describe(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand($"SELECT to_regclass('{VersionsTable}') IS NOT NULL", connection);
        var known = Migration.All.Select(migration => migration.Version).ToHashSet();
        var knownVersion = known.Count == 0 ? 0 : known.Max();
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
        {
            return new SchemaCheck(SchemaStatus.Missing, 0, knownVersion, $"{where} has no NegotiationGame schema; create it with: {MigrateCommand}");
        }

        var applied = await AppliedVersionsAsync(connection, cancellationToken).ConfigureAwait(false);
        var appliedVersion = applied.Count == 0 ? 0 : applied.Max();

        if (!applied.IsSubsetOf(known))
        {
            return new SchemaCheck(
                SchemaStatus.Newer,
                appliedVersion,
                knownVersion,
                $"{where} has NegotiationGame schema version {appliedVersion}, newer than this build's {knownVersion}: run the release that upgraded it (migrate never downgrades).");
        }

        return known.IsSubsetOf(applied)
            ? new SchemaCheck(SchemaStatus.Current, appliedVersion, knownVersion, $"{where} has the current NegotiationGame schema (version {knownVersion}).")
            : new SchemaCheck(
                SchemaStatus.Older,
                appliedVersion,
                knownVersion,
                $"{where} has NegotiationGame schema version {appliedVersion}, older than this build's {knownVersion}; upgrade it with: {MigrateCommand}");
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT version FROM {VersionsTable}", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    /// <summary>Names the database for the operator without anything secret in the connection string.</summary>
    private static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"The database '{builder.Database}' on {builder.Host}:{builder.Port}";
    }
}

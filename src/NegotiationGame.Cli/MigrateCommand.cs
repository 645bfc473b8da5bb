using System.CommandLine;
using System.Globalization;
using NegotiationGame.Storage.Postgres;

namespace NegotiationGame.Cli;

/// <summary>
/// <c>migrate</c>: creates or upgrades the PostgreSQL schema that cluster mode's nodes share (the event store, the
/// deadlines, Orleans membership, the key ring), from the versioned SQL files this build carries. Running it again
/// changes nothing; nodes never migrate by themselves, so this is the one place the schema changes.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var connectionOption = new Option<string>("--connection")
        {
            Description = "The Npgsql connection string of the cluster's database, e.g. \"Host=127.0.0.1;Port=5432;Database=negotiationgame;Username=negotiationgame;Password=...\".",
            Required = true,
        };
        var command = new Command("migrate", "Create or upgrade the cluster's PostgreSQL schema; idempotent.") { connectionOption };
        command.SetAction((parseResult, cancellationToken) => MigrateAsync(parseResult.GetRequiredValue(connectionOption), output, error, cancellationToken));
        return command;
    }

    private static async Task<int> MigrateAsync(string connectionString, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!PostgresConnection.TryParse(connectionString, error, out var parsed))
        {
            return ExitCodes.InvalidInput;
        }

        try
        {
            var check = await PostgresSchema.CheckAsync(connectionString, cancellationToken);
            if (check.Status == SchemaStatus.Newer)
            {
                error.WriteLine(check.Message);
                return ExitCodes.InvalidInput;
            }

            var applied = await PostgresSchema.MigrateAsync(connectionString, cancellationToken);
            foreach (var migration in applied)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"applied {migration.Version:0000}_{migration.Name}"));
            }

            var version = Migration.All[^1].Version;
            output.WriteLine(applied.Count == 0
                ? string.Create(CultureInfo.InvariantCulture, $"The schema of '{parsed.Database}' is current (version {version}); nothing to apply.")
                : string.Create(CultureInfo.InvariantCulture, $"The schema of '{parsed.Database}' is now at version {version}."));
            return ExitCodes.Success;
        }
        catch (Exception exception) when (PostgresConnection.IsUnavailable(exception))
        {
            error.WriteLine(PostgresConnection.Unavailable("migrate", parsed, exception));
            return ExitCodes.Unavailable;
        }
    }
}

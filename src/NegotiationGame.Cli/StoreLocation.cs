using System.CommandLine;
using NegotiationGame.Storage;
using NegotiationGame.Storage.Library;
using NegotiationGame.Storage.Postgres;
using NegotiationGame.Storage.Sqlite;
using Npgsql;

namespace NegotiationGame.Cli;

/// <summary>
/// The store that <c>export</c> and <c>import</c> work on, named by exactly one of two options: <c>--data</c>, the
/// embedded server's SQLite file, or <c>--connection</c>, a cluster's PostgreSQL database. Either opens as an
/// <see cref="IEventStore"/>, so the commands never ask which one they were given.
/// </summary>
internal sealed class StoreLocation
{
    public Option<FileInfo> Data { get; } = new("--data")
    {
        Description = "The embedded server's SQLite store, e.g. data/negotiationgame.db (the server must be stopped).",
    };

    public Option<string> Connection { get; } = new("--connection")
    {
        Description = "A cluster's PostgreSQL database as an Npgsql connection string; its schema must be current (see migrate). Nodes may keep running.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Connection);
        command.Validators.Add(result =>
        {
            var hasData = result.GetResult(Data) is not null;
            var hasConnection = result.GetResult(Connection) is not null;
            if (hasData == hasConnection)
            {
                result.AddError($"Name the store with exactly one of --data <SQLite file> and --connection \"<Npgsql connection string>\" ({(hasData ? "not both" : "neither was given")}).");
            }
        });
    }

    /// <summary>
    /// Opens the store the command line names and runs <paramref name="work"/> on it, returning its exit code; or, if
    /// the store cannot be opened, says why in one line on <paramref name="output"/> and returns the failure's code.
    /// </summary>
    public Task<int> RunAsync(ParseResult parseResult, StoreAccess access, TextWriter output, Func<IEventStore, Task<int>> work, CancellationToken cancellationToken) =>
        RunAsync(parseResult, access, output, (store, _) => work(store), cancellationToken);

    /// <summary>The same, for work that also needs the store's scenario library (kept in the same database).</summary>
    public Task<int> RunAsync(ParseResult parseResult, StoreAccess access, TextWriter output, Func<IEventStore, IScenarioLibrary, Task<int>> work, CancellationToken cancellationToken)
    {
        return parseResult.GetValue(Connection) is { } connectionString
            ? RunOnPostgresAsync(connectionString, output, work, cancellationToken)
            : RunOnSqliteAsync(parseResult.GetRequiredValue(Data), access, output, work);
    }

    private static async Task<int> RunOnSqliteAsync(FileInfo data, StoreAccess access, TextWriter output, Func<IEventStore, IScenarioLibrary, Task<int>> work)
    {
        if (access == StoreAccess.Read && !data.Exists)
        {
            output.WriteLine($"There is no store at '{data.FullName}'.");
            return ExitCodes.InvalidInput;
        }

        SqliteEventStore store;
        try
        {
            store = new SqliteEventStore(data.FullName);
        }
        catch (Exception exception) when (exception is StoreInUseException or InvalidDataException)
        {
            // A running server holds the file, or it is not a store of this version.
            output.WriteLine(exception.Message);
            return ExitCodes.InvalidInput;
        }

        await using (store)
        {
            return await work(store, new SqliteScenarioLibrary(store));
        }
    }

    private static async Task<int> RunOnPostgresAsync(string connectionString, TextWriter output, Func<IEventStore, IScenarioLibrary, Task<int>> work, CancellationToken cancellationToken)
    {
        if (!PostgresConnection.TryParse(connectionString, output, out var parsed))
        {
            return ExitCodes.InvalidInput;
        }

        try
        {
            // Only a schema this build was written for: an older one may lack tables, a newer one may have moved them.
            var check = await PostgresSchema.CheckAsync(connectionString, cancellationToken);
            if (!check.IsCurrent)
            {
                output.WriteLine(check.Message);
                return ExitCodes.InvalidInput;
            }

            await using var store = new PostgresEventStore(connectionString);
            await using var libraryConnections = NpgsqlDataSource.Create(connectionString);
            return await work(store, new PostgresScenarioLibrary(libraryConnections));
        }
        catch (Exception exception) when (PostgresConnection.IsUnavailable(exception))
        {
            output.WriteLine(PostgresConnection.Unavailable("use", parsed, exception));
            return ExitCodes.Unavailable;
        }
    }
}

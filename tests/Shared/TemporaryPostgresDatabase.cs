using System.Diagnostics;
using Npgsql;

namespace NegotiationGame.Tests;

/// <summary>
/// A fresh, empty database on the tests' private PostgreSQL (tests/postgres.sh), dropped on dispose. The server is the
/// one named by NEGOTIATIONGAME_TEST_POSTGRES (./test.sh starts it and sets it); without it, the script is run once
/// here, so that a plain `dotnet test` works too. Compiled into each test project that needs it.
/// </summary>
internal sealed class TemporaryPostgresDatabase : IAsyncDisposable
{
    public const string ServerVariable = "NEGOTIATIONGAME_TEST_POSTGRES";

    private static readonly Lazy<string> Server = new(FindOrStartServer, LazyThreadSafetyMode.ExecutionAndPublication);

    private TemporaryPostgresDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The database's name (ng_test_…).</summary>
    public string Name { get; }

    /// <summary>An Npgsql connection string to this database.</summary>
    public string ConnectionString { get; }

    /// <summary>A connection string to the server's maintenance database, for tests that create databases of their own.</summary>
    public static string ServerConnectionString => Server.Value;

    public static async Task<TemporaryPostgresDatabase> CreateAsync()
    {
        var name = $"ng_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(Server.Value))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(Server.Value) { Database = name };
        return new TemporaryPostgresDatabase(name, builder.ConnectionString);
    }

    /// <summary>Runs SQL on the database directly, as another program would, and returns the first value.</summary>
    public async Task<object?> ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server.Value);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string FindOrStartServer()
    {
        if (Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } given)
        {
            return given;
        }

        var script = Path.Combine(RepositoryRoot(), "tests", "postgres.sh");
        using var process = Process.Start(new ProcessStartInfo(script, "start") { RedirectStandardOutput = true })
            ?? throw new InvalidOperationException($"Could not run {script}.");
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        if (process.ExitCode != 0 || output.Length == 0)
        {
            throw new InvalidOperationException($"{script} start failed (exit code {process.ExitCode}); the PostgreSQL tests need it.");
        }

        return output.Split('\n')[^1];
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NegotiationGame.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with NegotiationGame.sln) was not found above the test's folder.");
    }
}

using System.Globalization;
using NegotiationGame.EventLog;
using NegotiationGame.Storage;
using NegotiationGame.Storage.Postgres;
using NegotiationGame.Tests;

namespace NegotiationGame.Cli.Tests;

/// <summary><c>export</c> and <c>import</c> with <c>--connection</c>, against the tests' real PostgreSQL.</summary>
public sealed class PostgresExportImportTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("negotiationgame-pg-store-").FullName;
    private TemporaryPostgresDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TemporaryPostgresDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Games_exported_from_SQLite_and_imported_into_PostgreSQL_export_again_as_the_same_files()
    {
        var logs = Enumerable.Range(1, 3).Select(seed => Simulate(seed)).ToArray();
        var sqlite = Path.Combine(_directory, "negotiationgame.db");
        var fromSqlite = Path.Combine(_directory, "from-sqlite");
        var fromPostgres = Path.Combine(_directory, "from-postgres");
        Assert.Equal(0, CliRun.Of(["import", "--data", sqlite, .. logs]).ExitCode);
        Assert.Equal(0, CliRun.Of("export", "--data", sqlite, "--out", fromSqlite).ExitCode);
        Migrate();

        var import = CliRun.Of(["import", "--connection", _database.ConnectionString, .. Directory.GetFiles(fromSqlite, "*.jsonl")]);
        var export = CliRun.Of("export", "--connection", _database.ConnectionString, "--out", fromPostgres);

        Assert.Equal(0, import.ExitCode);
        Assert.Equal(0, export.ExitCode);
        var names = Directory.GetFiles(fromSqlite).Select(file => Path.GetFileName(file)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["simulation-1.jsonl", "simulation-2.jsonl", "simulation-3.jsonl", "summary.csv"], names);
        Assert.Equal(names, Directory.GetFiles(fromPostgres).Select(file => Path.GetFileName(file)).Order(StringComparer.Ordinal));
        foreach (var name in names)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(fromSqlite, name)), File.ReadAllBytes(Path.Combine(fromPostgres, name)));
        }
    }

    [Fact]
    public async Task Export_and_import_refuse_a_database_that_was_never_migrated_with_the_migrate_line()
    {
        var log = Simulate(5);
        var expected = $"The database '{_database.Name}' on 127.0.0.1:{ServerPort()} has no NegotiationGame schema; create it with: {PostgresSchema.MigrateCommand}";

        var import = CliRun.Of("import", "--connection", _database.ConnectionString, log);
        var export = CliRun.Of("export", "--connection", _database.ConnectionString, "--out", Path.Combine(_directory, "out"));

        foreach (var refused in new[] { import, export })
        {
            Assert.Equal(1, refused.ExitCode);
            Assert.Equal(expected, refused.Output.TrimEnd());
        }

        Assert.False(Directory.Exists(Path.Combine(_directory, "out")));
        Assert.Equal(false, await _database.ExecuteAsync("SELECT to_regclass('negotiationgame_events') IS NOT NULL"));
    }

    [Fact]
    public async Task Import_refuses_a_schema_older_than_the_build_and_names_migrate()
    {
        Migrate();
        await _database.ExecuteAsync($"DELETE FROM {PostgresSchema.VersionsTable} WHERE version = {Migration.All[^1].Version}");

        var import = CliRun.Of("import", "--connection", _database.ConnectionString, Simulate(5));

        Assert.Equal(1, import.ExitCode);
        Assert.Single(import.Output.TrimEnd().Split('\n'));
        Assert.EndsWith($"older than this build's {Migration.All[^1].Version}; upgrade it with: {PostgresSchema.MigrateCommand}", import.Output.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(0L, await _database.ExecuteAsync("SELECT count(*) FROM negotiationgame_events"));
    }

    [Fact]
    public void Importing_a_game_the_database_already_has_changes_nothing_and_says_so_as_for_SQLite()
    {
        Migrate();
        var log = Simulate(5);
        Assert.Equal(0, CliRun.Of("import", "--connection", _database.ConnectionString, log).ExitCode);
        var other = Simulate(6);

        var again = CliRun.Of("import", "--connection", _database.ConnectionString, log, other);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("simulation-5: the store already has a game with this id; nothing imported for it.", again.Output, StringComparison.Ordinal);
        Assert.Contains("imported simulation-6", again.Output, StringComparison.Ordinal);
        var exported = Path.Combine(_directory, "exported");
        Assert.Equal(0, CliRun.Of("export", "--connection", _database.ConnectionString, "--out", exported).ExitCode);
        Assert.Equal(File.ReadAllText(log), File.ReadAllText(Path.Combine(exported, "simulation-5.jsonl")));
    }

    [Theory]
    [InlineData("both")]
    [InlineData("neither")]
    public void Export_and_import_want_exactly_one_of_data_and_connection(string given)
    {
        var log = Simulate(5);
        string[] store = given == "both"
            ? ["--data", Path.Combine(_directory, "negotiationgame.db"), "--connection", _database.ConnectionString]
            : [];

        var export = CliRun.Of(["export", "--out", Path.Combine(_directory, "out"), .. store]);
        var import = CliRun.Of(["import", log, .. store]);

        foreach (var refused in new[] { export, import })
        {
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains(
                $"Name the store with exactly one of --data <SQLite file> and --connection \"<Npgsql connection string>\" ({(given == "both" ? "not both" : "neither was given")}).",
                refused.Error,
                StringComparison.Ordinal);
        }

        Assert.False(File.Exists(Path.Combine(_directory, "negotiationgame.db")));
        Assert.False(Directory.Exists(Path.Combine(_directory, "out")));
    }

    [Fact]
    public async Task Export_while_a_node_appends_reads_each_game_gap_free_up_to_where_it_was()
    {
        Migrate();
        var log = Simulate(7);
        var (gameId, entries) = ReadLog(log);
        await using var node = new PostgresEventStore(_database.ConnectionString);
        await node.AppendAsync(EventStreams.Game(gameId), entries[..1]);
        var exports = new List<string[]>();

        // A node of a running cluster goes on writing the game, one entry per export, each append racing that export.
        using var exported = new SemaphoreSlim(0);
        var appending = Task.Run(async () =>
        {
            for (var next = 1; next < entries.Count; next++)
            {
                await node.AppendAsync(EventStreams.Game(gameId), entries[next..(next + 1)]);
                await exported.WaitAsync();
            }
        });
        do
        {
            var target = Path.Combine(_directory, $"export-{exports.Count}");
            Assert.Equal(0, CliRun.Of("export", "--connection", _database.ConnectionString, "--out", target).ExitCode);
            exports.Add(File.ReadAllLines(Path.Combine(target, gameId + ".jsonl")));
            exported.Release();
        }
        while (!appending.IsCompleted && exports.Count < 12);
        exported.Release(entries.Count);
        await appending;

        var whole = File.ReadAllLines(log);
        Assert.All(exports, lines => Assert.Equal(whole.Take(lines.Length), lines));
        Assert.All(exports, lines => Assert.True(lines.Length >= 2, "every export holds at least the first entry"));
        Assert.True(exports.Select(lines => lines.Length).Distinct().Count() >= 3, "the exports saw the game at several lengths");
        var finalTarget = Path.Combine(_directory, "export-final");
        Assert.Equal(0, CliRun.Of("export", "--connection", _database.ConnectionString, "--out", finalTarget).ExitCode);
        Assert.Equal(whole, File.ReadAllLines(Path.Combine(finalTarget, gameId + ".jsonl")));
    }

    private static (string GameId, List<NegotiationGame.Storage.LoggedEvent> Entries) ReadLog(string path)
    {
        using var reader = File.OpenText(path);
        return GameLogFile.Read(reader);
    }

    private static string ServerPort() =>
        new Npgsql.NpgsqlConnectionStringBuilder(TemporaryPostgresDatabase.ServerConnectionString).Port.ToString(CultureInfo.InvariantCulture);

    private string Simulate(int seed)
    {
        var path = Path.Combine(_directory, $"seed-{seed}.jsonl");
        Assert.Equal(0, CliRun.Of("simulate", "ukraine-2025", "--seed", seed.ToString(CultureInfo.InvariantCulture), "--out", path).ExitCode);
        return path;
    }

    private void Migrate() => Assert.Equal(0, CliRun.Of("migrate", "--connection", _database.ConnectionString).ExitCode);
}

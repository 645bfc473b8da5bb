using NegotiationGame.Contracts.Classes;
using NegotiationGame.Scenarios;
using NegotiationGame.Storage.Sqlite;

namespace NegotiationGame.Cli.Tests;

public sealed class ExportImportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("negotiationgame-store-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Logs_imported_into_a_store_export_unchanged_with_a_csv_summary()
    {
        var logs = Enumerable.Range(1, 3).Select(seed =>
        {
            var path = Path.Combine(_directory, $"seed-{seed}.jsonl");
            Assert.Equal(0, CliRun.Of("simulate", "ukraine-2025", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", path).ExitCode);
            return path;
        }).ToArray();
        var data = Path.Combine(_directory, "server", "negotiationgame.db");
        var exported = Path.Combine(_directory, "exported");

        var import = CliRun.Of(["import", "--data", data, .. logs]);
        var export = CliRun.Of("export", "--data", data, "--out", exported);

        Assert.Equal(0, import.ExitCode);
        Assert.Equal(0, export.ExitCode);
        foreach (var (log, seed) in logs.Select((log, index) => (log, index + 1)))
        {
            Assert.Equal(File.ReadAllText(log), File.ReadAllText(Path.Combine(exported, $"simulation-{seed}.jsonl")));
        }

        var summary = File.ReadAllLines(Path.Combine(exported, "summary.csv"));
        Assert.StartsWith("game_id,scenario,phase,end_reason,agreement,score_us,score_russia,score_ukraine,score_eu,players_us,players_russia,players_ukraine,players_eu,welfare", summary[0], StringComparison.Ordinal);
        Assert.Equal(4, summary.Length);
        Assert.All(summary.Skip(1), row => Assert.Contains(",ukraine-2025,Ended,AllIssuesBound,", row, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_exported_summary_names_the_students_seated_in_each_role_and_the_bots_that_play_the_rest()
    {
        var data = Path.Combine(_directory, "server", "negotiationgame.db");
        Directory.CreateDirectory(Path.GetDirectoryName(data)!);
        await using (var store = new SqliteEventStore(data))
        {
            await using var silo = await InProcessSilo.StartAsync(store);
            var session = silo.Grains.GetGrain<IClassSessionGrain>("c-export");
            var created = await session.Create(new CreateClassRequest("Seminar", BundledScenarios.FindJson("ukraine-2025")!, 2, 0, 0, Seed: 7, MaxSeatsPerRole: 2));
            var code = (string gameId, string partyId) => created.JoinCodes.Single(join => join.GameId == gameId && join.PartyId == partyId).Code;
            await session.Join(code("c-export-01", "us"), "Ada", Guid.NewGuid());
            await session.Join(code("c-export-01", "us"), "Grace", Guid.NewGuid());
            await session.Join(code("c-export-02", "ukraine"), "Alan", Guid.NewGuid());
            await session.Start("conceder", untimedBriefing: false);
        }

        var export = CliRun.Of("export", "--data", data, "--out", Path.Combine(_directory, "exported"));

        Assert.Equal(0, export.ExitCode);
        var rows = File.ReadAllLines(Path.Combine(_directory, "exported", "summary.csv"));
        Assert.Equal(3, rows.Length);
        var header = rows[0].Split(',');
        var players = (string gameId, string partyId) => rows.Single(row => row.StartsWith(gameId + ",", StringComparison.Ordinal)).Split(',')[Array.IndexOf(header, "players_" + partyId)];
        Assert.Equal("Ada; Grace", players("c-export-01", "us"));
        Assert.Equal("bot (conceder)", players("c-export-01", "ukraine"));
        Assert.Equal("Alan", players("c-export-02", "ukraine"));
        Assert.Equal("bot (conceder)", players("c-export-02", "us"));
    }

    [Fact]
    public void Importing_a_game_the_store_already_has_changes_nothing_and_says_so()
    {
        var log = Path.Combine(_directory, "game.jsonl");
        CliRun.Of("simulate", "ukraine-2025", "--seed", "5", "--out", log);
        var data = Path.Combine(_directory, "negotiationgame.db");
        CliRun.Of("import", "--data", data, log);

        var again = CliRun.Of("import", "--data", data, log);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("simulation-5: the store already has a game with this id", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_that_does_not_replay_is_not_imported()
    {
        var log = Path.Combine(_directory, "game.jsonl");
        CliRun.Of("simulate", "ukraine-2025", "--seed", "5", "--out", log);
        File.WriteAllLines(log, File.ReadAllLines(log).Select(line => line.Replace("\"proposer\":\"us\"", "\"proposer\":\"china\"", StringComparison.Ordinal)));

        var import = CliRun.Of("import", "--data", Path.Combine(_directory, "negotiationgame.db"), log);

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("Unknown party 'china'", import.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_and_import_refuse_in_one_line_a_store_that_a_running_process_holds()
    {
        var log = Path.Combine(_directory, "game.jsonl");
        CliRun.Of("simulate", "ukraine-2025", "--seed", "5", "--out", log);
        var data = Path.Combine(_directory, "negotiationgame.db");
        var exported = Path.Combine(_directory, "exported");

        CliRun export, import;
        await using (new NegotiationGame.Storage.Sqlite.SqliteEventStore(data))
        {
            export = CliRun.Of("export", "--data", data, "--out", exported);
            import = CliRun.Of("import", "--data", data, log);
        }

        foreach (var refused in new[] { export, import })
        {
            Assert.Equal(1, refused.ExitCode);
            Assert.Equal($"'{data}' is in use by another NegotiationGame process (pid {Environment.ProcessId}); stop that process first.", refused.Output.TrimEnd());
        }

        Assert.False(Directory.Exists(exported));
        Assert.Equal(0, CliRun.Of("import", "--data", data, log).ExitCode);
    }
}

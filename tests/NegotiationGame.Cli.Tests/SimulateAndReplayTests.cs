using NegotiationGame.Contracts;
using NegotiationGame.EventLog;
using NegotiationGame.Storage;

namespace NegotiationGame.Cli.Tests;

public sealed class SimulateAndReplayTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("negotiationgame-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Simulate_writes_a_log_whose_replay_ends_with_the_same_hash()
    {
        var path = Path.Combine(_directory, "game.jsonl");

        var simulate = CliRun.Of("simulate", "ukraine-2025", "--seed", "42", "--bots", "boulware,conceder,linear,tit-for-tat", "--out", path);
        var replay = CliRun.Of("replay", path);

        Assert.Equal(0, simulate.ExitCode);
        Assert.Contains("round 1 of 6", simulate.Output, StringComparison.Ordinal);
        Assert.Equal(0, replay.ExitCode);
        Assert.Contains("phase Ended", replay.Output, StringComparison.Ordinal);
        Assert.Equal(HashLine(simulate.Output), HashLine(replay.Output));
    }

    [Fact]
    public void The_same_seed_writes_the_same_log_apart_from_timestamps_and_ids()
    {
        var first = Path.Combine(_directory, "first.jsonl");
        var second = Path.Combine(_directory, "second.jsonl");

        CliRun.Of("simulate", "ukraine-2025", "--seed", "7", "--out", first);
        CliRun.Of("simulate", "ukraine-2025", "--seed", "7", "--out", second);

        Assert.Equal(Entries(first).Select(e => (e.Sequence, e.Type, e.Data)), Entries(second).Select(e => (e.Sequence, e.Type, e.Data)));
    }

    [Fact]
    public void Replay_to_a_sequence_number_shows_the_game_at_that_point()
    {
        var path = Path.Combine(_directory, "game.jsonl");
        CliRun.Of("simulate", "ukraine-2025", "--seed", "3", "--out", path);

        var early = CliRun.Of("replay", path, "--to", "2");

        Assert.Equal(0, early.ExitCode);
        Assert.Contains("at sequence 2: phase Negotiation, round 1 of 6", early.Output, StringComparison.Ordinal);
        Assert.Contains("offers: 0 tabled", early.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_log_is_refused_with_the_line_at_fault()
    {
        var path = Path.Combine(_directory, "game.jsonl");
        CliRun.Of("simulate", "ukraine-2025", "--seed", "3", "--out", path);
        var lines = File.ReadAllLines(path).ToList();
        lines.RemoveAt(4);
        File.WriteAllLines(path, lines);

        var replay = CliRun.Of("replay", path);

        Assert.Equal(1, replay.ExitCode);
        Assert.Contains("Gap in the log: entry 5 follows 3", replay.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_games_print_a_table_of_how_they_ended_and_report_progress()
    {
        var run = CliRun.Of("simulate", "ukraine-2025", "--games", "3", "--seed", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("seeds 1-3", run.Output, StringComparison.Ordinal);
        Assert.Contains("every issue binding   3 (100%)", run.Output, StringComparison.Ordinal);
        Assert.Contains("distance to frontier", run.Output, StringComparison.Ordinal);
        Assert.Contains("ukraine score", run.Output, StringComparison.Ordinal);
        Assert.Contains("3 of 3 games played", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_game_needs_somewhere_to_write_its_log()
    {
        var run = CliRun.Of("simulate", "ukraine-2025");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("needs --out", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_bot_strategies_are_refused()
    {
        var run = CliRun.Of("simulate", "ukraine-2025", "--bots", "boulware,genius", "--out", Path.Combine(_directory, "x.jsonl"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--bots takes 1 to 4 strategies", run.Output, StringComparison.Ordinal);
    }

    private static string HashLine(string output) =>
        output.Split(Environment.NewLine).Single(line => line.StartsWith("hash: ", StringComparison.Ordinal));

    private static List<LoggedEvent> Entries(string path)
    {
        using var reader = File.OpenText(path);
        return GameLogFile.Read(reader).Entries;
    }
}

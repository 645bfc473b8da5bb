namespace NegotiationGame.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Fact]
    public void A_bundled_scenario_by_name_is_valid_in_one_line()
    {
        var run = CliRun.Of("validate", "ukraine-2025");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "ukraine-2025: valid scenario 'ukraine-2025' (Ukraine peace talks, February 2025): 4 parties, 10 issues, 737,280 outcomes, 6 rounds",
            Assert.Single(run.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void A_scenario_file_is_found_by_path()
    {
        var run = CliRun.Of("validate", CliRun.RepositoryFile("scenarios", "ukraine-2025.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("valid scenario 'ukraine-2025'", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_file_lists_every_problem_and_exits_1()
    {
        var path = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        var json = File.ReadAllText(CliRun.RepositoryFile("scenarios", "ukraine-2025.json"))
            .Replace("\"rounds\": 6", "\"rounds\": 0", StringComparison.Ordinal)
            .Replace("\"reservation\": 58.0", "\"reservation\": 580", StringComparison.Ordinal);
        File.WriteAllText(path, json);
        try
        {
            var run = CliRun.Of("validate", path);

            Assert.Equal(1, run.ExitCode);
            var lines = run.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal($"{path}: 3 problem(s)", lines[0]);
            Assert.Contains("  $.rounds: 0 is out of range: it must be from 1 to 100", lines);
            Assert.Contains("  $.profiles.us.reservation: 580 is out of range: it must be from 0 to 100", lines);
            Assert.Contains("  $.profiles.russia.reservation: 580 is out of range: it must be from 0 to 100", lines);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_unknown_name_exits_1_and_says_what_is_bundled()
    {
        var run = CliRun.Of("validate", "atlantis-2030");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'atlantis-2030' is neither a file nor a bundled scenario (bundled: harbour-festival, ukraine-2025)", run.Output, StringComparison.Ordinal);
    }
}

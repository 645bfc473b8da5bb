using System.Text.Json;

namespace NegotiationGame.Cli.Tests;

public sealed class AnalyzeCommandTests
{
    [Fact]
    public void Json_output_is_one_object_with_every_figure()
    {
        var run = CliRun.Of("analyze", "ukraine-2025", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        Assert.Equal("ukraine-2025", root.GetProperty("scenario").GetString());
        Assert.Equal(737_280, root.GetProperty("outcomes").GetInt64());
        Assert.True(root.GetProperty("zoneOfAgreement").GetProperty("outcomes").GetInt64() > 0);
        Assert.True(root.GetProperty("paretoFrontier").GetProperty("utilityVectors").GetInt32() > 0);
        foreach (var point in new[] { "nash", "kalaiSmorodinsky", "maxWelfare" })
        {
            var outcome = root.GetProperty(point);
            Assert.Equal(10, outcome.GetProperty("options").EnumerateObject().Count());
            Assert.Equal(["us", "russia", "ukraine", "eu"], outcome.GetProperty("utilities").EnumerateObject().Select(p => p.Name));
        }

        var nash = root.GetProperty("nash").GetProperty("utilities");
        var reservations = root.GetProperty("reservations");
        Assert.All(reservations.EnumerateObject(), reservation => Assert.True(nash.GetProperty(reservation.Name).GetDouble() >= reservation.Value.GetDouble()));
    }

    [Fact]
    public void Table_output_shows_the_three_outcomes_side_by_side()
    {
        var run = CliRun.Of("analyze", "ukraine-2025");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Outcomes                 737,280", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"\s+Nash\s+Kalai-Smorodinsky\s+Max welfare", run.Output);
        Assert.Matches(@"United States \(r = 58\)\s+\d+\.\d\d", run.Output);
    }

    [Fact]
    public void The_figures_in_the_scenario_documentation_are_what_the_analysis_prints()
    {
        var documentation = File.ReadAllText(CliRun.RepositoryFile("docs", "scenario-format.md"));
        const string start = "<!-- analyze ukraine-2025 --format json -->\n```json\n";
        var from = documentation.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, "docs/scenario-format.md has no analysis block");
        var to = documentation.IndexOf("```", from + start.Length, StringComparison.Ordinal);
        var documented = documentation[(from + start.Length)..to];

        var run = CliRun.Of("analyze", "ukraine-2025", "--format", "json");

        Assert.Equal(documented.ReplaceLineEndings().Trim(), run.Output.ReplaceLineEndings().Trim());
    }

    [Fact]
    public void An_invalid_scenario_is_not_analysed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"invalid-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{}");
        try
        {
            var run = CliRun.Of("analyze", path);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("is not a valid scenario; run 'validate'", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        var run = CliRun.Of("analyze", "ukraine-2025", "--format", "xml");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("xml", run.Error, StringComparison.Ordinal);
    }
}

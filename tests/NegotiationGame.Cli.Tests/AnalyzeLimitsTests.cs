using System.Globalization;
using System.Text.Json.Nodes;

namespace NegotiationGame.Cli.Tests;

public sealed class AnalyzeLimitsTests
{
    [Fact]
    public void A_space_of_two_to_the_sixty_fourth_outcomes_is_refused_with_its_exact_size_and_the_limit()
    {
        var path = WriteScenario(parties: 2, issues: 16, options: 16);
        try
        {
            var validate = CliRun.Of("validate", path);
            var analyze = CliRun.Of("analyze", path);

            Assert.Equal(0, validate.ExitCode);
            Assert.Contains("18,446,744,073,709,551,616 outcomes", validate.Output, StringComparison.Ordinal);
            Assert.Equal(1, analyze.ExitCode);
            Assert.Contains("cannot be analysed", analyze.Output, StringComparison.Ordinal);
            Assert.Contains("18,446,744,073,709,551,616 outcomes", analyze.Output, StringComparison.Ordinal);
            Assert.Contains("at most 268,435,456", analyze.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_long_analysis_reports_progress_on_the_error_stream_about_once_a_second()
    {
        var path = WriteScenario(parties: 3, issues: 11, options: 4);
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var time = new SteppingTime(TimeSpan.FromMilliseconds(600));

            var exitCode = CliApplication.Run(["analyze", path, "--format", "json"], output, error, time);

            Assert.Equal(0, exitCode);
            var lines = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains(lines, line => line.StartsWith("analyze: frontier, issue ", StringComparison.Ordinal));
            Assert.Contains(lines, line => line.StartsWith("analyze: outcomes: ", StringComparison.Ordinal) && line.Contains("of 4,194,304", StringComparison.Ordinal));
            Assert.True(lines.Length <= (time.Reads / 2) + 1, $"{lines.Length} lines for {time.Reads} clock reads 0.6 s apart: at most one a second");
            Assert.StartsWith("{", output.ToString().TrimStart(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_analysis_shorter_than_a_second_prints_no_progress()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var stoppedClock = new SteppingTime(TimeSpan.Zero);

        var exitCode = CliApplication.Run(["analyze", "ukraine-2025"], output, error, stoppedClock);

        Assert.Equal(0, exitCode);
        Assert.True(stoppedClock.Reads > 2, "the progress writer consulted the clock");
        Assert.Equal(string.Empty, error.ToString());
    }

    private static string WriteScenario(int parties, int issues, int options)
    {
        string Id(string prefix, int n) => prefix + n.ToString(CultureInfo.InvariantCulture);
        var profiles = new JsonObject();
        for (var p = 0; p < parties; p++)
        {
            profiles[Id("p", p)] = new JsonObject
            {
                ["weights"] = new JsonObject(Enumerable.Range(0, issues).Select(i => KeyValuePair.Create(Id("i", i), (JsonNode?)(i == 0 ? 100 - (issues - 1) * (100 / issues) : 100 / issues)))),
                ["values"] = new JsonObject(Enumerable.Range(0, issues).Select(i => KeyValuePair.Create(
                    Id("i", i),
                    (JsonNode?)new JsonObject(Enumerable.Range(0, options).Select(o => KeyValuePair.Create(Id("o", o), (JsonNode?)(((o * 37) + (p * 11) + i) % 101))))))),
                ["reservation"] = 40,
                ["briefing"] = "Generated.",
            };
        }

        var scenario = new JsonObject
        {
            ["formatVersion"] = 1,
            ["id"] = "large",
            ["title"] = "Large",
            ["summary"] = "Generated.",
            ["rounds"] = 3,
            ["publicBackground"] = "Generated.",
            ["parties"] = new JsonArray([.. Enumerable.Range(0, parties).Select(p => (JsonNode)new JsonObject { ["id"] = Id("p", p), ["name"] = Id("Party ", p), ["leader"] = Id("Leader ", p) })]),
            ["issues"] = new JsonArray([.. Enumerable.Range(0, issues).Select(i => (JsonNode)new JsonObject
            {
                ["id"] = Id("i", i),
                ["name"] = Id("Issue ", i),
                ["group"] = "Generated",
                ["description"] = "Generated.",
                ["options"] = new JsonArray([.. Enumerable.Range(0, options).Select(o => (JsonNode)new JsonObject { ["id"] = Id("o", o), ["label"] = Id("Option ", o) })]),
                ["noDeal"] = "o0",
                ["signatories"] = new JsonArray("p0"),
            })]),
            ["profiles"] = profiles,
        };
        var path = Path.Combine(Path.GetTempPath(), $"large-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, scenario.ToJsonString());
        return path;
    }

    /// <summary>A clock that moves on by a fixed step every time it is read, so "about once a second" is testable without waiting.</summary>
    private sealed class SteppingTime(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public int Reads { get; private set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp()
        {
            Reads++;
            _ticks += step.Ticks;
            return _ticks;
        }
    }
}

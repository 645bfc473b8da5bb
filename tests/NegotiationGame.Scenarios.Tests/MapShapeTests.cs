using System.Text.Json;
using Json.Schema;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Scenarios.Tests;

/// <summary>The optional map shapes of issues: the documented example and the bundled scenario's territories.</summary>
public sealed class MapShapeTests
{
    private static string DocumentedExample()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "scenario-format.md"));
        var marker = text.IndexOf("<!-- map example -->", StringComparison.Ordinal);
        Assert.True(marker >= 0, "scenario-format.md has no map example");
        var start = text.IndexOf("```json", marker, StringComparison.Ordinal) + "```json".Length;
        var end = text.IndexOf("```", start, StringComparison.Ordinal);
        return text[start..end];
    }

    [Fact]
    public void The_documented_example_loads_with_its_shapes_and_passes_the_schema()
    {
        var json = DocumentedExample();

        var result = ScenarioLoader.Load(json);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        var west = result.Scenario.Issues[result.Scenario.IssueIndexOf("west-island")];
        Assert.Equal([new MapPoint(5, 20), new MapPoint(40, 10), new MapPoint(45, 50), new MapPoint(10, 60)], west.Map!.Points.ToArray());
        Assert.All(result.Scenario.Issues, issue => Assert.Equal(4, issue.Map?.Points.Length));
        using var document = JsonDocument.Parse(json);
        Assert.True(BundledScenarioTests.SchemaOf().Evaluate(document.RootElement).IsValid);
    }

    [Fact]
    public void The_bundled_territories_are_drawn_as_a_map_and_the_other_issues_as_tiles()
    {
        var scenario = BundledScenarios.Load("ukraine-2025");

        Assert.All(scenario.Issues, issue => Assert.Equal(issue.Group == "Territory", issue.Map is not null));
        Assert.Equal(5, scenario.Issues.Count(issue => issue.Map is not null));
    }
}

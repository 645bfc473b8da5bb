using System.Text.Json;
using Json.Schema;
using NegotiationGame.Domain.Analytics;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Scenarios.Tests;

public sealed class BundledScenarioTests
{
    // Parsed once: the schema library registers a schema by its $id and refuses a second registration.
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema", "scenario.schema.json"))));

    /// <summary>The one parsed schema, for the other test classes of this project.</summary>
    internal static JsonSchema SchemaOf() => Schema.Value;

    private static readonly Lazy<ScenarioAnalysis> Analysis = new(() => ScenarioAnalysis.Analyze(BundledScenarios.Load(BundledScenarios.Default)));

    [Fact]
    public void The_default_scenario_is_bundled_and_found_by_name()
    {
        Assert.Contains("ukraine-2025", BundledScenarios.Names);
        Assert.NotNull(BundledScenarios.FindJson("ukraine-2025"));
        Assert.Null(BundledScenarios.FindJson("no-such-scenario"));
        Assert.Throws<ArgumentException>(() => BundledScenarios.Load("no-such-scenario"));
    }

    [Fact]
    public void It_has_the_four_parties_and_ten_issues_of_the_brief()
    {
        var scenario = BundledScenarios.Load("ukraine-2025");

        Assert.Equal(["us", "russia", "ukraine", "eu"], scenario.Parties.Select(party => party.Id));
        Assert.Equal(
            ["crimea", "donetsk", "luhansk", "zaporizhzhia", "kherson", "nato", "security", "minerals", "sanctions", "european-role"],
            scenario.Issues.Select(issue => issue.Id));
        Assert.Equal(737_280, scenario.OutcomeCount);
        Assert.All(scenario.Profiles, profile => Assert.True(profile.ConfidentialBriefing.Length > 500));
        Assert.True(scenario.PublicBackground.Length > 1000);
    }

    [Theory]
    [InlineData("crimea", "returned", "ukraine,russia")]
    [InlineData("nato", "moratorium", "ukraine,us,eu")]
    [InlineData("security", "written", "ukraine")]
    [InlineData("security", "us-troops", "us,ukraine")]
    [InlineData("security", "european-force", "ukraine,eu")]
    [InlineData("minerals", "share-25", "us,ukraine")]
    [InlineData("sanctions", "lifted", "us,eu")]
    [InlineData("european-role", "signatory", "eu")]
    public void Consent_rules_follow_the_brief(string issueId, string optionId, string signatories)
    {
        var scenario = BundledScenarios.Load("ukraine-2025");
        var issue = scenario.Issues[scenario.IssueIndexOf(issueId)];
        var option = issue.Options.Single(o => o.Id == optionId);

        var required = issue.RequiredSignatories(option.Index).Indices().Select(party => scenario.Parties[party].Id).Order();

        Assert.Equal(signatories.Split(',').Order(), required);
    }

    public static TheoryData<string> EveryBundledScenario() => [.. BundledScenarios.Names];

    [Theory]
    [MemberData(nameof(EveryBundledScenario))]
    public void Every_bundled_scenario_conforms_to_the_published_json_schema_and_loads(string name)
    {
        var schema = Schema.Value;
        using var document = JsonDocument.Parse(BundledScenarios.FindJson(name)!);
        Assert.True(ScenarioLoader.Load(BundledScenarios.FindJson(name)!).Succeeded);

        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? []));
    }

    [Fact]
    public void The_schema_rejects_what_the_loader_rejects_structurally()
    {
        var schema = Schema.Value;
        var json = BundledScenarios.FindJson("ukraine-2025")!.Replace("\"rounds\": 6", "\"rounds\": 0", StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);

        Assert.False(schema.Evaluate(document.RootElement).IsValid);
        Assert.False(ScenarioLoader.Load(json).Succeeded);
    }

    [Fact]
    public void A_zone_of_agreement_exists_but_is_narrow()
    {
        var analysis = Analysis.Value;

        Assert.InRange(analysis.ZoneOfAgreement, 1, analysis.OutcomeCount / 20);
        Assert.InRange(analysis.ZoneOfAgreementWithinRedLines, 1, analysis.OutcomeCount / 500);
    }

    [Fact]
    public void The_Nash_and_Kalai_Smorodinsky_points_cross_no_red_line()
    {
        var analysis = Analysis.Value;
        var scenario = analysis.Scenario;

        foreach (var point in new[] { analysis.Nash!, analysis.KalaiSmorodinsky! })
        {
            Assert.All(scenario.Parties, party => Assert.False(scenario.Utilities.CrossesRedLine(party.Index, point.Package)));
            Assert.True(analysis.Assess(point.Package).IsParetoOptimal);
        }
    }

    [Fact]
    public void Priorities_conflict_the_way_the_article_describes()
    {
        var scenario = BundledScenarios.Load("ukraine-2025");
        int Weight(string party, params string[] issues) =>
            issues.Sum(issue => scenario.Profiles[scenario.PartyIndexOf(party)].Weights[scenario.IssueIndexOf(issue)]);
        string[] territory = ["crimea", "donetsk", "luhansk", "zaporizhzhia", "kherson"];

        // The US cares about minerals and keeping its troops out far more than about territory.
        Assert.True(Weight("us", "minerals") + Weight("us", "security") > 4 * Weight("us", territory));
        // Russia cares about territory and NATO above all.
        Assert.True(Weight("russia", territory) + Weight("russia", "nato") >= 70);
        // Ukraine: territory, security and NATO.
        Assert.True(Weight("ukraine", territory) + Weight("ukraine", "security") + Weight("ukraine", "nato") >= 75);
        // The EU: security, precedent (no reward for taking territory, sanctions kept) and its seat.
        Assert.True(Weight("eu", "security") + Weight("eu", "european-role") + Weight("eu", "sanctions") >= 55);
        // The war costs the US most per round.
        Assert.Equal(scenario.Profiles.Min(p => p.DiscountPerRound), scenario.Profiles[scenario.PartyIndexOf("us")].DiscountPerRound);
    }
}

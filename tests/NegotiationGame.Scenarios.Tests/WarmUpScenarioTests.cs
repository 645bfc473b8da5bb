using NegotiationGame.Domain.Analytics;
using NegotiationGame.Domain.Bots;
using NegotiationGame.Domain.Negotiation;

namespace NegotiationGame.Scenarios.Tests;

/// <summary>The 15-minute warm-up: small, easy to agree on, and built to reward trading issues against each other.</summary>
public sealed class WarmUpScenarioTests
{
    private static readonly Lazy<ScenarioAnalysis> Analysis = new(() => ScenarioAnalysis.Analyze(BundledScenarios.Load("harbour-festival")));

    [Fact]
    public void It_is_small_enough_for_fifteen_minutes()
    {
        var scenario = Analysis.Value.Scenario;

        Assert.Equal(["council", "fishers", "promoter"], scenario.Parties.Select(party => party.Id));
        Assert.Equal(4, scenario.Issues.Length);
        Assert.InRange(scenario.Rounds, 2, 5);
        Assert.All(scenario.Profiles, profile => Assert.True(profile.ConfidentialBriefing.Length > 500));
    }

    [Fact]
    public void Agreement_is_within_reach_and_the_bargaining_points_cross_no_red_line()
    {
        var analysis = Analysis.Value;

        Assert.InRange(analysis.ZoneOfAgreementWithinRedLines, analysis.OutcomeCount / 10, analysis.OutcomeCount / 2);
        foreach (var point in new[] { analysis.Nash!, analysis.KalaiSmorodinsky! })
        {
            Assert.All(analysis.Scenario.Parties, party => Assert.False(analysis.Scenario.Utilities.CrossesRedLine(party.Index, point.Package)));
        }
    }

    [Fact]
    public void Priorities_differ_so_that_trading_issues_pays()
    {
        var scenario = Analysis.Value.Scenario;
        var cleanup = scenario.IssueIndexOf("cleanup");
        var dates = scenario.IssueIndexOf("dates");
        int Weight(string party, int issue) => scenario.Profiles[scenario.PartyIndexOf(party)].Weights[issue];

        // The fishers do not care who pays the clean-up, the council cares about it most; the dates matter most to
        // the promoter. Giving away what one values little for what another values much is the lesson.
        Assert.Equal(0, Weight("fishers", cleanup));
        Assert.Equal(scenario.Issues.Max(issue => Weight("council", issue.Index)), Weight("council", cleanup));
        Assert.Equal(scenario.Issues.Max(issue => Weight("promoter", issue.Index)), Weight("promoter", dates));
        Assert.True(Analysis.Value.Frontier.Count > 10, "several efficient deals to discover, not one obvious answer");
    }

    [Fact]
    public void Bots_play_it_to_the_end()
    {
        var scenario = BundledScenarios.Load("harbour-festival");

        var (state, _) = BotPlay.PlayToEnd(GameState.Start(scenario), [BotStrategy.Conceder, BotStrategy.Linear, BotStrategy.TitForTat], seed: 15);

        Assert.Equal(GamePhase.Ended, state.Phase);
    }
}

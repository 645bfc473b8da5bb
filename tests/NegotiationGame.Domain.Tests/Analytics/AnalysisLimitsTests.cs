using System.Numerics;
using NegotiationGame.Domain.Analytics;
using NegotiationGame.Domain.Tests.Support;

namespace NegotiationGame.Domain.Tests.Analytics;

public sealed class AnalysisLimitsTests
{
    [Fact]
    public void Sixteen_issues_of_sixteen_options_count_two_to_the_sixty_fourth_outcomes()
    {
        var scenario = RandomScenarios.Sized(parties: 2, issues: 16, options: 16, seed: 64).Build();

        Assert.Equal(BigInteger.Pow(2, 64), scenario.OutcomeCount);
    }

    [Fact]
    public void Two_to_the_sixty_third_outcomes_count_positive_and_are_refused_by_name()
    {
        var recipe = RandomScenarios.Sized(parties: 2, issues: 16, options: 16, seed: 63);
        var scenario = (recipe with { OptionCounts = [.. Enumerable.Repeat(16, 15), 8] }).Build();

        Assert.Equal(BigInteger.Pow(2, 63), scenario.OutcomeCount);
        var refusal = AnalysisLimits.Check(scenario);
        Assert.NotNull(refusal);
        Assert.Equal(AnalysisRefusalReason.TooManyOutcomes, refusal.Reason);
        Assert.Contains("9,223,372,036,854,775,808 outcomes", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("268,435,456", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_space_too_large_for_a_64_bit_index_is_refused_with_a_typed_exception_not_numbered_wrongly()
    {
        var scenario = RandomScenarios.Sized(parties: 2, issues: 16, options: 16, seed: 64).Build();

        var refused = Assert.Throws<AnalysisRefusedException>(() => new OutcomeSpace(scenario));
        Assert.Equal(AnalysisRefusalReason.TooManyOutcomes, refused.Refusal.Reason);
        Assert.Throws<AnalysisRefusedException>(() => ScenarioAnalysis.Analyze(scenario));
    }

    [Fact]
    public void The_largest_accepted_space_is_exactly_the_limit()
    {
        var atLimit = RandomScenarios.Sized(parties: 2, issues: 14, options: 4, seed: 28).Build();
        var overLimit = (RandomScenarios.Sized(parties: 2, issues: 14, options: 5, seed: 28) with { OptionCounts = [.. Enumerable.Repeat(4, 13), 5] }).Build();

        Assert.Equal(AnalysisLimits.MaxOutcomes, (long)atLimit.OutcomeCount);
        Assert.Null(AnalysisLimits.Check(atLimit));
        Assert.Equal(AnalysisRefusalReason.TooManyOutcomes, AnalysisLimits.Check(overLimit)?.Reason);
    }

    [Fact]
    public void More_than_eight_parties_are_refused_before_any_work()
    {
        var scenario = RandomScenarios.Sized(parties: 9, issues: 2, options: 2, seed: 9).Build();

        var refused = Assert.Throws<AnalysisRefusedException>(() => ScenarioAnalysis.Analyze(scenario));
        Assert.Equal(AnalysisRefusalReason.TooManyParties, refused.Refusal.Reason);
        Assert.Contains("9 parties", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frontier_that_outgrows_its_limit_is_refused_on_the_way_with_the_step_and_the_limit()
    {
        // The real limits need seconds of filtering to reach; a small limit exercises the same refusal at once.
        var scenario = RandomScenarios.Sized(parties: 6, issues: 4, options: 4, seed: 6).Build();
        var complete = ParetoFrontier.Build(scenario);

        var refused = Assert.Throws<AnalysisRefusedException>(() => ParetoFrontier.Build(scenario, progress: null, candidateLimit: 15));

        Assert.True(complete.Count > 4, "the unlimited frontier passes the small limit");
        Assert.Equal(AnalysisRefusalReason.FrontierTooLarge, refused.Refusal.Reason);
        Assert.Matches(@"reaches \d+ candidate vectors at issue [2-4]; at most 15 can be filtered", refused.Message);
        Assert.Equal(AnalysisLimits.MaxManyPartyFrontierCandidates, AnalysisLimits.FrontierCandidates(5));
        Assert.Equal(AnalysisLimits.MaxFrontierCandidates, AnalysisLimits.FrontierCandidates(4));
    }

    [Fact]
    public void Progress_covers_every_frontier_step_and_ends_with_every_outcome_visited()
    {
        var scenario = RandomScenarios.Sized(parties: 3, issues: 11, options: 4, seed: 11).Build();
        var reports = new List<AnalysisProgress>();

        ScenarioAnalysis.Analyze(scenario, new CollectingProgress(reports));

        var frontier = reports.Where(report => report.Stage == AnalysisStage.Frontier).ToList();
        Assert.Equal(Enumerable.Range(1, 11), frontier.Select(report => report.Step).Distinct());
        var outcomes = reports.Where(report => report.Stage == AnalysisStage.Outcomes).Select(report => report.Done).ToList();
        Assert.True(outcomes.Count >= 4, $"a 4,194,304-outcome pass reports at least every 1,048,576 outcomes, got {outcomes.Count} reports");
        Assert.Equal(outcomes.Order(), outcomes);
        Assert.Equal(1L << 22, outcomes[^1]);
    }

    /// <summary>Collects synchronously (the framework's Progress posts to a context and would race the assertions).</summary>
    private sealed class CollectingProgress(List<AnalysisProgress> reports) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => reports.Add(value);
    }
}

using NegotiationGame.Domain.Analytics;
using NegotiationGame.Domain.Tests.Support;

namespace NegotiationGame.Domain.Tests.Analytics;

public sealed class ScenarioAnalysisPropertyTests
{
    [Fact]
    public void The_frontier_built_issue_by_issue_equals_the_brute_force_frontier()
    {
        Property.ForAll(RandomScenarios.Recipes(), iterations: 300, seed: 20250212, recipe =>
        {
            var scenario = recipe.Build();
            var expected = new BruteForceAnalysis(scenario).FrontierByVector();

            var frontier = ParetoFrontier.Build(scenario);

            var actual = new SortedDictionary<string, (long Count, long Representative)>(StringComparer.Ordinal);
            for (var point = 0; point < frontier.Count; point++)
            {
                actual[string.Join(",", frontier.Utilities(point).ToArray())] = (frontier.Multiplicity(point), frontier.Representative(point));
            }

            Assert.Equal(expected, actual);
            Assert.Equal(expected.Values.Sum(value => value.Count), frontier.OutcomeCount);
        });
    }

    [Fact]
    public void The_frontier_of_six_to_eight_parties_equals_the_brute_force_frontier()
    {
        Property.ForAll(RandomScenarios.Recipes(maxParties: 8, minParties: 6), iterations: 100, seed: 20260108, recipe =>
        {
            var scenario = recipe.Build();
            var expected = new BruteForceAnalysis(scenario);

            var analysis = ScenarioAnalysis.Analyze(scenario);

            var actual = new SortedDictionary<string, (long Count, long Representative)>(StringComparer.Ordinal);
            for (var point = 0; point < analysis.Frontier.Count; point++)
            {
                actual[string.Join(",", analysis.Frontier.Utilities(point).ToArray())] = (analysis.Frontier.Multiplicity(point), analysis.Frontier.Representative(point));
            }

            Assert.Equal(expected.FrontierByVector(), actual);
            Assert.Equal(expected.Nash, analysis.Nash?.Index ?? -1);
            Assert.Equal(expected.KalaiSmorodinsky, analysis.KalaiSmorodinsky?.Index ?? -1);
        });
    }

    [Fact]
    public void A_six_party_frontier_over_two_thousand_outcomes_equals_the_brute_force_frontier()
    {
        var scenario = RandomScenarios.Sized(parties: 6, issues: 7, options: 3, seed: 2187).Build();
        var expected = new BruteForceAnalysis(scenario).FrontierByVector();

        var frontier = ParetoFrontier.Build(scenario);

        var actual = new SortedDictionary<string, (long Count, long Representative)>(StringComparer.Ordinal);
        for (var point = 0; point < frontier.Count; point++)
        {
            actual[string.Join(",", frontier.Utilities(point).ToArray())] = (frontier.Multiplicity(point), frontier.Representative(point));
        }

        Assert.True(expected.Count > 50, $"the case should have a frontier worth filtering, has {expected.Count}");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Nash_Kalai_Smorodinsky_welfare_and_the_zone_of_agreement_equal_brute_force()
    {
        Property.ForAll(RandomScenarios.Recipes(), iterations: 300, seed: 19450204, recipe =>
        {
            var scenario = recipe.Build();
            var expected = new BruteForceAnalysis(scenario);

            var analysis = ScenarioAnalysis.Analyze(scenario);

            Assert.Equal(expected.Acceptable.Count, analysis.ZoneOfAgreement);
            Assert.Equal(expected.WithinRedLines, analysis.ZoneOfAgreementWithinRedLines);
            Assert.Equal(expected.Nash, analysis.Nash?.Index ?? -1);
            Assert.Equal(expected.KalaiSmorodinsky, analysis.KalaiSmorodinsky?.Index ?? -1);
            Assert.Equal(expected.MaxWelfare, analysis.MaxWelfare.Index);
            Assert.Equal(expected.Utilities[expected.MaxWelfare], analysis.MaxWelfare.Utilities.ToArray());
        });
    }

    [Fact]
    public void Assessment_agrees_with_brute_force_on_every_outcome()
    {
        Property.ForAll(RandomScenarios.Recipes(maxParties: 4), iterations: 60, seed: 19911226, recipe =>
        {
            var scenario = recipe.Build();
            var expected = new BruteForceAnalysis(scenario);
            var analysis = ScenarioAnalysis.Analyze(scenario);

            for (var index = 0; index < expected.Utilities.Length; index++)
            {
                var assessment = analysis.Assess(analysis.Space.ToPackage(index));
                Assert.Equal(expected.Utilities[index], assessment.Utilities.ToArray());
                Assert.Equal(expected.Optimal[index], assessment.IsParetoOptimal);
                Assert.Equal(expected.Optimal[index], assessment.DistanceToFrontier == 0);
                Assert.Equal(expected.Acceptable.Contains(index), assessment.BeatsEveryReservation);
                Assert.Equal(expected.Nash < 0, assessment.DistanceToNash is null);
            }
        });
    }

    [Fact]
    public void Utilities_stay_within_zero_and_one_hundred_points()
    {
        Property.ForAll(RandomScenarios.Recipes(), iterations: 200, seed: 1991, recipe =>
        {
            var scenario = recipe.Build();
            var analysis = ScenarioAnalysis.Analyze(scenario);
            for (var index = 0L; index < analysis.OutcomeCount; index++)
            {
                var package = analysis.Space.ToPackage(index);
                Assert.Equal(index, analysis.Space.IndexOf(package));
                foreach (var party in scenario.Parties)
                {
                    Assert.InRange(scenario.Utilities.Utility(party.Index, package), 0, 100 * scenario.Utilities.UnitsPerPoint);
                }
            }
        });
    }
}

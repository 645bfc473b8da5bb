using NegotiationGame.Domain.Analytics;
using NegotiationGame.Domain.Tests.Support;

namespace NegotiationGame.Domain.Tests.Analytics;

/// <summary>
/// Exactness beyond a million outcomes. With two parties the frontier has an independent exact check that runs in
/// O(n log n) over every outcome: sorted by the first utility, an outcome is optimal iff it beats every outcome
/// before it on the second.
/// </summary>
public sealed class LargeSpaceTests
{
    [Fact]
    public void Two_party_analytics_over_a_million_outcomes_match_an_exhaustive_sweep()
    {
        var scenario = RandomScenarios.Sized(parties: 2, issues: 10, options: 4, seed: 1_048_576).Build();
        var space = new OutcomeSpace(scenario);
        Assert.Equal(1_048_576, space.Count);
        var first = new int[space.Count];
        var second = new int[space.Count];
        var reservations = scenario.Profiles.Select(profile => profile.ReservationHundredths).ToArray();
        long zone = 0;
        (long Product, int Welfare, long Index) nash = (-1, -1, -1);
        for (var index = 0L; index < space.Count; index++)
        {
            var package = space.ToPackage(index);
            first[index] = scenario.Utilities.Utility(0, package);
            second[index] = scenario.Utilities.Utility(1, package);
            if (first[index] >= reservations[0] && second[index] >= reservations[1])
            {
                zone++;
                var product = (long)(first[index] - reservations[0]) * (second[index] - reservations[1]);
                var welfare = first[index] + second[index];
                if (product > nash.Product || (product == nash.Product && welfare > nash.Welfare))
                {
                    nash = (product, welfare, index);
                }
            }
        }

        var order = Enumerable.Range(0, first.Length).OrderByDescending(i => first[i]).ThenByDescending(i => second[i]).ToArray();
        var expectedFrontier = new SortedDictionary<(int, int), long>();
        var bestSecond = -1;
        var previous = (-1, -1);
        foreach (var index in order)
        {
            var vector = (first[index], second[index]);
            if (vector == previous || second[index] > bestSecond)
            {
                expectedFrontier[vector] = expectedFrontier.GetValueOrDefault(vector) + 1;
                bestSecond = Math.Max(bestSecond, second[index]);
                previous = vector;
            }
        }

        var analysis = ScenarioAnalysis.Analyze(scenario);

        var actualFrontier = new SortedDictionary<(int, int), long>();
        for (var point = 0; point < analysis.Frontier.Count; point++)
        {
            var vector = analysis.Frontier.Utilities(point);
            actualFrontier[(vector[0], vector[1])] = analysis.Frontier.Multiplicity(point);
        }

        Assert.Equal(expectedFrontier, actualFrontier);
        Assert.Equal(zone, analysis.ZoneOfAgreement);
        Assert.Equal(nash.Index, analysis.Nash?.Index ?? -1);
    }
}

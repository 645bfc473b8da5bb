using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using NegotiationGame.Domain.Analytics;
using NegotiationGame.Domain.Scenarios;
using NegotiationGame.Domain.Tests.Analytics;
using NegotiationGame.Domain.Tests.Support;
using static NegotiationGame.Domain.Tests.Support.TestScenarios;

namespace NegotiationGame.Domain.Tests.Scenarios;

public sealed class FractionalWeightTests
{
    [Fact]
    public void Whole_weights_summing_to_100_keep_hundredths_and_their_weights()
    {
        var scenario = MiniTalks();

        Assert.Equal(100, scenario.Utilities.UnitsPerPoint);
        Assert.Equal(20 * 80, scenario.Utilities.Cell(Us, Donetsk, Recognised));
        Assert.Equal(scenario.Profiles[Russia].ReservationHundredths, scenario.Utilities.Reservation(Russia));
    }

    [Fact]
    public void Decimal_weights_summing_to_one_mean_the_same_as_their_percentages()
    {
        var asPercent = ScenarioLoader.LoadOrThrow(WithWeights(MiniTalksJson(), "us", ("donetsk", "25"), ("security", "35"), ("sanctions", "40")), "percent");
        var asShares = ScenarioLoader.LoadOrThrow(WithWeights(MiniTalksJson(), "us", ("donetsk", "0.25"), ("security", "0.35"), ("sanctions", "0.4")), "shares");

        Assert.Equal(100, asShares.Utilities.UnitsPerPoint);
        Assert.Equal(asPercent.Profiles[Us].Weights.ToArray(), asShares.Profiles[Us].Weights.ToArray());
        Assert.Equal(ScenarioAnalysis.Analyze(asPercent).Nash?.Index, ScenarioAnalysis.Analyze(asShares).Nash?.Index);
    }

    [Fact]
    public void Weights_in_thirds_are_exact_in_a_finer_unit()
    {
        var scenario = ScenarioLoader.LoadOrThrow(WithWeights(MiniTalksJson(), "us", ("donetsk", "1"), ("security", "1"), ("sanctions", "1")), "thirds");

        Assert.Equal(300, scenario.Utilities.UnitsPerPoint);
        Assert.Equal([100, 100, 100], scenario.Profiles[Us].Weights.ToArray());
        Assert.Equal(100.0 / 3, scenario.Profiles[Us].WeightPercent(Donetsk));
        Assert.Equal(scenario.Profiles[Russia].ReservationHundredths * 3, scenario.Utilities.Reservation(Russia));
        // The US values recognised Donetsk at 80: a third of 80 points is 26 2/3, i.e. 8,000 of 300ths of a point.
        Assert.Equal(100 * 80, scenario.Utilities.Cell(Us, Donetsk, Recognised));
        Assert.Equal(80.0 / 3, scenario.Utilities.Points(scenario.Utilities.Cell(Us, Donetsk, Recognised)), 12);
    }

    [Theory]
    [InlineData("0.1234567", "$.profiles.us.weights.donetsk", "has more than 6 decimals")]
    [InlineData("-5", "$.profiles.us.weights.donetsk", "-5 is out of range")]
    [InlineData("\"10\"", "$.profiles.us.weights.donetsk", "must be a number")]
    [InlineData("1000001", "$.profiles.us.weights.donetsk", "out of range: it must be from 0 to 1000000")]
    public void A_weight_that_cannot_be_exact_is_a_problem_at_its_path(string weight, string path, string message)
    {
        var result = ScenarioLoader.Load(WithWeights(MiniTalksJson(), "us", ("donetsk", weight), ("security", "35"), ("sanctions", "40")));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Weights_that_normalise_to_exact_thirds_are_exact_however_they_are_written()
    {
        var scenario = ScenarioLoader.LoadOrThrow(WithWeights(MiniTalksJson(), "us", ("donetsk", "0.333333"), ("security", "0.333333"), ("sanctions", "0.333333")), "thirds");

        Assert.Equal(300, scenario.Utilities.UnitsPerPoint);
    }

    [Fact]
    public void Weights_that_would_need_a_unit_finer_than_a_millionth_of_a_point_are_refused_with_the_unit_they_need()
    {
        var result = ScenarioLoader.Load(WithWeights(MiniTalksJson(), "us", ("donetsk", "0.5"), ("security", "0.000001"), ("sanctions", "0")));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("$.profiles.us.weights", problem.Path);
        Assert.Contains("1/50,000,100 of a point", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parties_whose_units_are_each_fine_but_together_too_fine_are_refused_at_the_profiles()
    {
        var json = WithWeights(MiniTalksJson(), "us", ("donetsk", "1"), ("security", "2"), ("sanctions", "0"));
        json = WithWeights(json, "russia", ("donetsk", "1"), ("security", "9972"), ("sanctions", "0"));

        var problem = Assert.Single(ScenarioLoader.Load(json).Problems);

        Assert.Equal("$.profiles", problem.Path);
        Assert.Contains("1/2,991,900 of a point", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_zero_weights_are_a_problem()
    {
        var problem = Assert.Single(ScenarioLoader.Load(WithWeights(MiniTalksJson(), "us", ("donetsk", "0"), ("security", "0"), ("sanctions", "0.0"))).Problems);

        Assert.Equal("$.profiles.us.weights", problem.Path);
        Assert.Contains("every weight is 0", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_utility_equals_the_exact_rational_value_of_the_weights_as_written()
    {
        Property.ForAll(RandomScenarios.FractionalRecipes(), iterations: 150, seed: 20260301, recipe =>
        {
            var scenario = recipe.Build();
            var space = new OutcomeSpace(scenario);
            var units = new BigInteger(scenario.Utilities.UnitsPerPoint);
            for (var index = 0L; index < space.Count; index++)
            {
                var package = space.ToPackage(index);
                for (var party = 0; party < recipe.Parties; party++)
                {
                    // u = Σ wᵢ·vᵢ / Σw points, so utility-in-units × Σw = U × Σ wᵢ·vᵢ, in whole millionths.
                    var weights = recipe.ExactWeights![party].Select(weight => new BigInteger(weight * 1_000_000m)).ToArray();
                    var weighted = Enumerable.Range(0, recipe.OptionCounts.Length).Aggregate(BigInteger.Zero, (sum, issue) => sum + (weights[issue] * recipe.Values[party][issue][package.OptionOf(issue)]));
                    var total = weights.Aggregate(BigInteger.Zero, (sum, weight) => sum + weight);
                    Assert.Equal(units * weighted, scenario.Utilities.Utility(party, package) * total);
                }
            }
        });
    }

    [Fact]
    public void Analytics_over_fractional_weights_equal_brute_force()
    {
        Property.ForAll(RandomScenarios.FractionalRecipes(), iterations: 200, seed: 20260302, recipe =>
        {
            var scenario = recipe.Build();
            var expected = new BruteForceAnalysis(scenario);

            var analysis = ScenarioAnalysis.Analyze(scenario);

            Assert.Equal(expected.FrontierByVector(), FrontierByVector(analysis.Frontier));
            Assert.Equal(expected.Acceptable.Count, analysis.ZoneOfAgreement);
            Assert.Equal(expected.WithinRedLines, analysis.ZoneOfAgreementWithinRedLines);
            Assert.Equal(expected.Nash, analysis.Nash?.Index ?? -1);
            Assert.Equal(expected.KalaiSmorodinsky, analysis.KalaiSmorodinsky?.Index ?? -1);
            Assert.Equal(expected.MaxWelfare, analysis.MaxWelfare.Index);
        });
    }

    [Fact]
    public void Eight_parties_in_millionths_take_the_arbitrary_precision_Nash_product_and_stay_exact()
    {
        Property.ForAll(RandomScenarios.FractionalRecipes(minParties: 8, maxParties: 8, finest: true), iterations: 20, seed: 20260303, recipe =>
        {
            var scenario = recipe.Build();
            var expected = new BruteForceAnalysis(scenario);

            var analysis = ScenarioAnalysis.Analyze(scenario);

            Assert.Equal(recipe.OptionCounts.Length > 1 ? 1_000_000 : 100, scenario.Utilities.UnitsPerPoint);
            Assert.Equal(expected.FrontierByVector(), FrontierByVector(analysis.Frontier));
            Assert.Equal(expected.Nash, analysis.Nash?.Index ?? -1);
            Assert.Equal(expected.KalaiSmorodinsky, analysis.KalaiSmorodinsky?.Index ?? -1);
            Assert.Equal(expected.MaxWelfare, analysis.MaxWelfare.Index);
        });
    }

    private static SortedDictionary<string, (long Count, long Representative)> FrontierByVector(ParetoFrontier frontier)
    {
        var vectors = new SortedDictionary<string, (long Count, long Representative)>(StringComparer.Ordinal);
        for (var point = 0; point < frontier.Count; point++)
        {
            vectors[string.Join(",", frontier.Utilities(point).ToArray())] = (frontier.Multiplicity(point), frontier.Representative(point));
        }

        return vectors;
    }
}

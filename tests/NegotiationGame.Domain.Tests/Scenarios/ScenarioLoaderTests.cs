using NegotiationGame.Domain.Scenarios;
using NegotiationGame.Domain.Tests.Support;
using static NegotiationGame.Domain.Tests.Support.TestScenarios;

namespace NegotiationGame.Domain.Tests.Scenarios;

public sealed class ScenarioLoaderTests
{
    public static TheoryData<string> BrokenFiles() =>
        [.. Directory.GetFiles(CorpusPath("broken"), "*.json").Select(path => Path.GetFileNameWithoutExtension(path)).Order()];

    [Fact]
    public void A_valid_file_loads_every_part_of_the_scenario()
    {
        var scenario = MiniTalks();

        Assert.Equal("mini-talks", scenario.Id);
        Assert.Equal(["us", "russia", "ukraine", "eu"], scenario.Parties.Select(party => party.Id));
        Assert.Equal(["donetsk", "security", "sanctions"], scenario.Issues.Select(issue => issue.Id));
        Assert.Equal(18, scenario.OutcomeCount);
        Assert.Equal(Frozen, scenario.Issues[Donetsk].NoDealOption);
        Assert.Equal(Parties(Ukraine, Us), scenario.Issues[Security].RequiredSignatories(UsTroops));
        Assert.Equal(Parties(Ukraine, Eu), scenario.Issues[Security].RequiredSignatories(EuropeanForce));
        Assert.Equal(4550, scenario.Profiles[Russia].ReservationHundredths);
        Assert.Equal(0.9, scenario.Profiles[Us].DiscountPerRound);
        Assert.Equal(1.0, scenario.Profiles[Russia].DiscountPerRound);
        Assert.True(scenario.Profiles[Ukraine].HasRedLine(Donetsk, Recognised));
        Assert.Equal(20 * 80, scenario.Utilities.Cell(Us, Donetsk, Recognised));
    }

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void A_broken_file_reports_exactly_its_problems_and_loads_nothing(string name)
    {
        var expected = File.ReadAllLines(CorpusPath("broken", name + ".expected"))
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t'))
            .ToList();

        var result = ScenarioLoader.Load(File.ReadAllText(CorpusPath("broken", name + ".json")));

        Assert.False(result.Succeeded);
        Assert.Null(result.Scenario);
        Assert.True(
            expected.Count == result.Problems.Length,
            $"expected {expected.Count} problem(s), got:{Environment.NewLine}{string.Join(Environment.NewLine, result.Problems)}");
        foreach (var expectation in expected)
        {
            Assert.Contains(result.Problems, problem => problem.Path == expectation[0] && problem.Message.Contains(expectation[1], StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_corpus_covers_many_kinds_of_problem()
    {
        Assert.True(BrokenFiles().Count >= 20);
    }

    [Fact]
    public void LoadOrThrow_lists_every_problem_in_the_exception()
    {
        var exception = Assert.Throws<InvalidScenarioException>(
            () => ScenarioLoader.LoadOrThrow(File.ReadAllText(CorpusPath("broken", "several-problems.json")), "several-problems"));

        Assert.Equal(4, exception.Problems.Length);
        Assert.Contains("$.profiles.us.weights.donetsk: 10.1234567 has more than 6 decimals", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"formatVersion\": 2}")]
    [InlineData("{\"parties\": \"four\"}")]
    [InlineData("{\"issues\": [{}], \"parties\": [{}], \"profiles\": {\"x\": {}}}")]
    public void Degenerate_documents_are_refused_with_problems_not_exceptions(string json)
    {
        var result = ScenarioLoader.Load(json);

        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Problems);
        Assert.All(result.Problems, problem => Assert.StartsWith("$", problem.Path, StringComparison.Ordinal));
    }
}

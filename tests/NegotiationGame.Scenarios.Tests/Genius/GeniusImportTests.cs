using NegotiationGame.Domain.Outcomes;
using NegotiationGame.Domain.Scenarios;
using NegotiationGame.Scenarios.Genius;

namespace NegotiationGame.Scenarios.Tests.Genius;

public sealed class GeniusImportTests
{
    [Fact]
    public void A_domain_and_two_profiles_become_a_valid_scenario_with_the_documented_defaults()
    {
        var result = GeniusTestFiles.ImportAllotment();

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        var scenario = result.Scenario;
        Assert.Equal("allotment", scenario.Id);
        Assert.Equal(["gardener", "committee"], scenario.Parties.Select(party => party.Id));
        Assert.Equal(["plot-size", "yearly-rent", "watering-rota"], scenario.Issues.Select(issue => issue.Id));
        Assert.Equal(["option-40", "option-60", "option-80", "option-100"], scenario.Issues[1].Options.Select(option => option.Id));
        Assert.Equal(GeniusImportOptions.DefaultRounds, scenario.Rounds);
        Assert.All(scenario.Issues, issue => Assert.Equal(2, issue.Signatories.Count));
        Assert.Equal([40.0, 35.0], scenario.Profiles.Select(profile => profile.Reservation));
        Assert.All(scenario.Profiles, profile => Assert.Equal(1.0, profile.DiscountPerRound));
        Assert.Empty(result.Notes);

        // The JSON handed back is the file: loading it again gives the same scenario.
        Assert.True(ScenarioLoader.Load(result.Json).Succeeded);
    }

    [Fact]
    public void Every_outcome_is_worth_exactly_what_the_genius_formula_gives_when_values_are_whole_points()
    {
        var scenario = GeniusTestFiles.ImportAllotment().Scenario!;

        var profiles = new[] { "allotment_gardener.xml", "allotment_committee.xml" };
        foreach (var (package, bid) in AllOutcomes(scenario))
        {
            for (var party = 0; party < profiles.Length; party++)
            {
                var ours = (decimal)scenario.Utilities.Utility(party, package) / scenario.Utilities.UnitsPerPoint;
                Assert.Equal(GeniusFormula.Points(GeniusTestFiles.Text(profiles[party]), bid), ours);
            }
        }
    }

    [Fact]
    public void Values_are_the_evaluations_divided_by_the_issues_largest_in_points()
    {
        var scenario = GeniusTestFiles.ImportAllotment().Scenario!;

        var gardener = scenario.Profiles[0];
        Assert.Equal([25, 100, 75], gardener.Values[0].ToArray());
        Assert.Equal([100, 70, 30, 0], gardener.Values[1].ToArray());
        Assert.Equal([20, 100], gardener.Values[2].ToArray());
        Assert.Equal([50.0, 30.0, 20.0], Enumerable.Range(0, 3).Select(issue => gardener.WeightPercent(issue)));
    }

    [Fact]
    public void Fractional_weights_three_parties_and_a_discount_import_with_a_note_for_every_inexact_number()
    {
        var result = GeniusTestFiles.ImportBookfair();

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        var scenario = result.Scenario;
        Assert.Equal(3, scenario.Parties.Length);
        Assert.Equal([35.0, 40.0, 25.0], Enumerable.Range(0, 3).Select(issue => Math.Round(scenario.Profiles[1].WeightPercent(issue), 9)));
        Assert.Equal([12.5, 50.0, 37.5], Enumerable.Range(0, 3).Select(issue => scenario.Profiles[2].WeightPercent(issue)));

        // 0.3333333333 has ten decimals: rewritten as millionths, and May/June/September (3, 2, 1) are not whole points.
        Assert.Contains(result.Notes, note => note.StartsWith("bookfair_readers.xml (readers): weights rewritten as millionths", StringComparison.Ordinal));
        Assert.Contains(result.Notes, note => note.Contains("2 option value(s) rounded to whole points", StringComparison.Ordinal) && note.Contains("at most 0.1111 points", StringComparison.Ordinal));
        Assert.Equal([100, 67, 33], scenario.Profiles[0].Values[1].ToArray());

        // GENIUS's 0.81 over the whole negotiation: the same 0.81 at the last of the scenario's rounds.
        var perRound = scenario.Profiles[0].DiscountPerRound;
        Assert.Equal(0.81, Math.Pow(perRound, scenario.Rounds - 1), 12);
        Assert.Contains(result.Notes, note => note.Contains("GENIUS also discounts the reservation value", StringComparison.Ordinal));
        Assert.All(scenario.Profiles.Skip(1), profile => Assert.Equal(1.0, profile.DiscountPerRound));
    }

    [Fact]
    public void With_rounded_values_every_outcome_stays_within_the_noted_bound_of_the_genius_formula()
    {
        var scenario = GeniusTestFiles.ImportBookfair().Scenario!;

        var profiles = new[] { "bookfair_readers.xml", "bookfair_sellers.xml", "bookfair_council.xml" };
        var largestGap = new decimal[profiles.Length];
        foreach (var (package, bid) in AllOutcomes(scenario))
        {
            for (var party = 0; party < profiles.Length; party++)
            {
                var ours = (decimal)scenario.Utilities.Utility(party, package) / scenario.Utilities.UnitsPerPoint;
                var gap = Math.Abs(GeniusFormula.Points(GeniusTestFiles.Text(profiles[party]), bid) - ours);
                largestGap[party] = Math.Max(largestGap[party], gap);
            }
        }

        Assert.InRange(largestGap[0], 0.0001m, 0.1112m);
        Assert.Equal(0m, largestGap[1]);
        Assert.Equal(0m, largestGap[2]);
    }

    [Fact]
    public void Weights_that_need_too_fine_a_common_unit_are_rewritten_as_millionths_rather_than_refused()
    {
        // Sums of 0.97, 0.89 and 0.83 would need a unit of 1/71,655,100 of a point together.
        var gardener = GeniusTestFiles.Text("allotment_gardener.xml");
        GeniusFile Variant(string name, string lastWeight) =>
            GeniusTestFiles.FromText(name, gardener.Replace("<weight index=\"3\" value=\"0.2\" />", $"<weight index=\"3\" value=\"{lastWeight}\" />", StringComparison.Ordinal));

        var result = GeniusImporter.Import(
            GeniusTestFiles.File("allotment_domain.xml"),
            [Variant("a.xml", "0.17"), Variant("b.xml", "0.09"), Variant("c.xml", "0.03")],
            new GeniusImportOptions());

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(3, result.Notes.Count(note => note.Contains("weights rewritten as millionths", StringComparison.Ordinal)));
        Assert.Contains(result.Notes, note => note.StartsWith("a.xml (a): weights sum to 0.97, not 1", StringComparison.Ordinal));
        Assert.Equal(1_000_000, result.Scenario.Utilities.UnitsPerPoint);
    }

    [Fact]
    public void Options_name_the_scenario_the_parties_and_the_rounds()
    {
        var result = GeniusTestFiles.ImportAllotment(new GeniusImportOptions
        {
            ScenarioId = "garden-plots",
            PartyNames = ["Ann Grower", "Plot Committee"],
            Rounds = 4,
        });

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal("garden-plots", result.Scenario.Id);
        Assert.Equal(["ann-grower", "plot-committee"], result.Scenario.Parties.Select(party => party.Id));
        Assert.Equal(["Ann Grower", "Plot Committee"], result.Scenario.Parties.Select(party => party.Name));
        Assert.Equal(4, result.Scenario.Rounds);
        Assert.StartsWith("You negotiate for Ann Grower. Your preferences are the GENIUS profile allotment_gardener.xml", result.Scenario.Profiles[0].ConfidentialBriefing, StringComparison.Ordinal);
    }

    [Fact]
    public void An_open_issue_counts_at_the_option_the_parties_value_least_together()
    {
        var scenario = GeniusTestFiles.ImportAllotment().Scenario!;

        // Plot size: half 25+100, full 100+100, double 75+50 → half (the first of the tie); rent 100+25, 70+50,
        // 30+75, 0+100 → 100; watering 20+100, 100+60 → weekly.
        Assert.Equal([0, 3, 0], scenario.Issues.Select(issue => issue.NoDealOption));
    }

    [Fact]
    public void Importing_the_same_files_twice_gives_the_same_file()
    {
        Assert.Equal(GeniusTestFiles.ImportBookfair().Json, GeniusTestFiles.ImportBookfair().Json);
    }

    private static IEnumerable<(Package Package, Dictionary<string, string> Bid)> AllOutcomes(Scenario scenario)
    {
        var count = (int)scenario.OutcomeCount;
        for (var outcome = 0; outcome < count; outcome++)
        {
            var package = Package.Empty;
            var bid = new Dictionary<string, string>(StringComparer.Ordinal);
            var rest = outcome;
            foreach (var issue in scenario.Issues)
            {
                var option = rest % issue.Options.Length;
                rest /= issue.Options.Length;
                package = package.With(issue.Index, option);
                bid[issue.Name] = issue.Options[option].Label;
            }

            yield return (package, bid);
        }
    }
}

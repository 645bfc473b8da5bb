using System.Text;
using NegotiationGame.Scenarios.Genius;

namespace NegotiationGame.Scenarios.Tests.Genius;

/// <summary>Each thing the scenario format cannot express is refused with its kind, its file and its element.</summary>
public sealed class GeniusRefusalTests
{
    private const string Domain = "allotment_domain.xml";
    private const string Gardener = "allotment_gardener.xml";

    [Fact]
    public void A_constraint_utility_space_is_not_linear_additive()
    {
        var problem = RefusedProfile("<utility_space>", "<utility_space type=\"constraint\">");

        Assert.Equal(GeniusProblemKind.NotLinearAdditive, problem.Kind);
        Assert.Equal(Gardener, problem.File);
        Assert.Equal("<utility_space> (line 2)", problem.Element);
        Assert.Contains("'constraint' utility space", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_linear_utility_function_inside_the_objective_is_refused_not_ignored()
    {
        var problem = RefusedProfile(
            "<weight index=\"1\" value=\"0.5\" />",
            "<weight index=\"1\" value=\"0.5\" /><utility maxutility=\"100\"><ufun type=\"PRODUCT\" weight=\"1\" /></utility>");

        Assert.Equal(GeniusProblemKind.NotLinearAdditive, problem.Kind);
        Assert.StartsWith("<utility> (line 19)", problem.Element, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("real", "<range lowerbound=\"0.0\" upperbound=\"1.0\" />")]
    [InlineData("integer", "")]
    public void Real_valued_and_integer_issues_are_refused(string type, string body)
    {
        var domain = GeniusTestFiles.Text(Domain).Replace(
            """
                  <issue index="3" etype="discrete" type="discrete" vtype="discrete" name="Watering rota">
                    <item index="1" value="Weekly" />
                    <item index="2" value="Fortnightly" />
                  </issue>
            """,
            $"""      <issue index="3" etype="{type}" type="{type}" vtype="{type}" name="Watering rota" lowerbound="1" upperbound="4">{body}</issue>""",
            StringComparison.Ordinal);

        var problem = Refused(GeniusTestFiles.FromText(Domain, domain), GeniusTestFiles.File(Gardener));

        Assert.Equal(GeniusProblemKind.UnsupportedIssueType, problem.Kind);
        Assert.Equal(Domain, problem.File);
        Assert.Equal("<issue name=\"Watering rota\" index=\"3\"> (line 17)", problem.Element);
        Assert.Contains($"{type} issue; only discrete issues", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_weight_names_the_issue_without_one()
    {
        var problem = RefusedProfile("<weight index=\"3\" value=\"0.2\" />", string.Empty);

        Assert.Equal(GeniusProblemKind.MissingWeight, problem.Kind);
        Assert.Equal("<issue name=\"Watering rota\" index=\"3\"> (line 15)", problem.Element);
    }

    [Fact]
    public void A_negative_evaluation_is_refused()
    {
        var problem = RefusedProfile("value=\"80\" evaluation=\"3\"", "value=\"80\" evaluation=\"-3\"");

        Assert.Equal(GeniusProblemKind.NegativeEvaluation, problem.Kind);
        Assert.Equal("<item index=\"3\" value=\"80\"> (line 12)", problem.Element);
    }

    [Fact]
    public void A_missing_evaluation_is_refused()
    {
        var problem = RefusedProfile("value=\"Weekly\" evaluation=\"1\"", "value=\"Weekly\"");

        Assert.Equal(GeniusProblemKind.MissingEvaluation, problem.Kind);
        Assert.Equal("<item index=\"1\" value=\"Weekly\"> (line 16)", problem.Element);
    }

    [Theory]
    [InlineData("name=\"Yearly rent\"", "name=\"Monthly rent\"", "the domain has no issue 'Monthly rent'")]
    [InlineData("value=\"Double plot\"", "value=\"Quarter plot\"", "has no item 'Quarter plot'")]
    [InlineData("<weight index=\"3\" value=\"0.2\" />", "<weight index=\"3\" value=\"0.2\" /><weight index=\"7\" value=\"0.1\" />", "weighs index 7")]
    public void A_profile_that_does_not_match_its_domain_is_refused(string written, string changed, string message)
    {
        var problem = RefusedProfile(written, changed);

        Assert.Equal(GeniusProblemKind.ProfileMismatch, problem.Kind);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_lacking_one_of_the_domains_issues_is_refused()
    {
        var profile = GeniusTestFiles.Text(Gardener);
        var start = profile.IndexOf("    <issue index=\"3\"", StringComparison.Ordinal);
        var end = profile.IndexOf("</issue>", start, StringComparison.Ordinal) + "</issue>".Length;

        var problem = Refused(GeniusTestFiles.File(Domain), GeniusTestFiles.FromText(Gardener, profile.Remove(start, end - start)));

        Assert.Equal(GeniusProblemKind.ProfileMismatch, problem.Kind);
        Assert.Equal("has no issue 'Watering rota', which the domain has", problem.Message);
    }

    [Fact]
    public void More_issues_than_the_format_holds_are_refused()
    {
        var issues = string.Concat(Enumerable.Range(1, 17).Select(index =>
            $"<issue index=\"{index}\" etype=\"discrete\" type=\"discrete\" name=\"Issue {index}\"><item index=\"1\" value=\"a\" /><item index=\"2\" value=\"b\" /></issue>"));
        var domain = GeniusTestFiles.FromText("wide.xml", $"<negotiation_template><utility_space><objective index=\"0\" name=\"wide\">{issues}</objective></utility_space></negotiation_template>");

        var problem = Refused(domain, GeniusTestFiles.File(Gardener));

        Assert.Equal(GeniusProblemKind.OverLimit, problem.Kind);
        Assert.Equal("has 17 issues; a scenario has 1 to 16", problem.Message);
    }

    [Fact]
    public void More_options_than_the_format_holds_are_refused()
    {
        var items = string.Concat(Enumerable.Range(1, 17).Select(index => $"<item index=\"{index}\" value=\"Choice {index}\" />"));
        var domain = GeniusTestFiles.FromText("deep.xml", $"<negotiation_template><utility_space><objective index=\"0\" name=\"deep\"><issue index=\"1\" etype=\"discrete\" name=\"Only\">{items}</issue></objective></utility_space></negotiation_template>");

        var problem = Refused(domain, GeniusTestFiles.File(Gardener));

        Assert.Equal(GeniusProblemKind.OverLimit, problem.Kind);
        Assert.Equal("has 17 items; an issue has 2 to 16 options", problem.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    public void Fewer_than_two_or_more_than_sixteen_profiles_are_refused(int profiles)
    {
        var result = GeniusImporter.Import(
            GeniusTestFiles.File(Domain),
            [.. Enumerable.Range(0, profiles).Select(index => GeniusTestFiles.FromText($"p{index}.xml", GeniusTestFiles.Text(Gardener)))],
            new GeniusImportOptions());

        var problem = Assert.Single(result.Problems);
        Assert.Equal(GeniusProblemKind.OverLimit, problem.Kind);
        Assert.Contains($"{profiles} profile(s) given; a scenario has 2 to 16 parties", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dtd_is_refused_before_any_entity_is_expanded()
    {
        var withEntity = "<?xml version=\"1.0\"?><!DOCTYPE utility_space [<!ENTITY big \"xxxxxxxxxx\">]>"
            + GeniusTestFiles.Text(Gardener).Replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", string.Empty, StringComparison.Ordinal).Replace("Weekly", "&big;", StringComparison.Ordinal);

        var problem = Refused(GeniusTestFiles.File(Domain), GeniusTestFiles.FromText(Gardener, withEntity));

        Assert.Equal(GeniusProblemKind.NotWellFormed, problem.Kind);
        Assert.Contains("declares a DTD", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_external_entity_is_never_fetched()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"genius-secret-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "Weekly");
        try
        {
            var withExternal = $"<?xml version=\"1.0\"?><!DOCTYPE utility_space [<!ENTITY leak SYSTEM \"file://{secret}\">]>"
                + GeniusTestFiles.Text(Gardener).Replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", string.Empty, StringComparison.Ordinal).Replace("value=\"Weekly\"", "value=\"&leak;\"", StringComparison.Ordinal);

            var problem = Refused(GeniusTestFiles.File(Domain), GeniusTestFiles.FromText(Gardener, withExternal));

            Assert.Equal(GeniusProblemKind.NotWellFormed, problem.Kind);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Xml_that_is_not_well_formed_says_where()
    {
        var problem = RefusedProfile("</objective>", "</objectiv>");

        Assert.Equal(GeniusProblemKind.NotWellFormed, problem.Kind);
        Assert.Contains("Line 22", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_unread()
    {
        var padding = new string(' ', GeniusImporter.MaxFileBytes);
        var problem = Refused(GeniusTestFiles.File(Domain), new GeniusFile(Gardener, Encoding.UTF8.GetBytes(GeniusTestFiles.Text(Gardener) + padding)));

        Assert.Equal(GeniusProblemKind.TooLarge, problem.Kind);
        Assert.Contains("GENIUS files of at most 1,048,576 bytes are read", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reservation_value_outside_zero_to_one_is_refused()
    {
        var problem = RefusedProfile("<reservation value=\"0.4\" />", "<reservation value=\"40\" />");

        Assert.Equal(GeniusProblemKind.InvalidValue, problem.Kind);
        Assert.Equal("<reservation value=\"40\"> (line 23)", problem.Element);
    }

    [Fact]
    public void A_discount_in_a_one_round_game_cannot_be_expressed()
    {
        var discounted = GeniusTestFiles.FromText(Gardener, GeniusTestFiles.Text(Gardener).Replace("<discount_factor value=\"1.0\" />", "<discount_factor value=\"0.5\" />", StringComparison.Ordinal));

        var result = GeniusImporter.Import(GeniusTestFiles.File(Domain), [discounted, GeniusTestFiles.File("allotment_committee.xml")], new GeniusImportOptions { Rounds = 1 });

        var problem = Assert.Single(result.Problems);
        Assert.Equal(GeniusProblemKind.NotExpressible, problem.Kind);
        Assert.Equal("allotment_gardener.xml: <discount_factor value=\"0.5\">: a discount cannot be spread over a game of one round; import with 2 rounds or more", problem.ToString());
    }

    [Fact]
    public void Every_bad_profile_is_reported_not_only_the_first()
    {
        var negative = GeniusTestFiles.FromText("one.xml", GeniusTestFiles.Text(Gardener).Replace("evaluation=\"3\"", "evaluation=\"-3\"", StringComparison.Ordinal));
        var unweighted = GeniusTestFiles.FromText("two.xml", GeniusTestFiles.Text(Gardener).Replace("<weight index=\"1\" value=\"0.5\" />", string.Empty, StringComparison.Ordinal));

        var result = GeniusImporter.Import(GeniusTestFiles.File(Domain), [negative, unweighted], new GeniusImportOptions());

        Assert.Equal([("one.xml", GeniusProblemKind.NegativeEvaluation), ("two.xml", GeniusProblemKind.MissingWeight)], result.Problems.Select(problem => (problem.File, problem.Kind)));
    }

    [Theory]
    [InlineData("Garden Plots", null)]
    [InlineData(null, 3)]
    public void Bad_options_are_refused(string? scenarioId, int? partyNames)
    {
        var result = GeniusTestFiles.ImportAllotment(new GeniusImportOptions
        {
            ScenarioId = scenarioId,
            PartyNames = [.. Enumerable.Range(0, partyNames ?? 0).Select(index => $"Party {index}")],
        });

        Assert.Equal(GeniusProblemKind.InvalidValue, Assert.Single(result.Problems).Kind);
    }

    private static GeniusImportProblem RefusedProfile(string written, string changed)
    {
        var text = GeniusTestFiles.Text(Gardener);
        Assert.Contains(written, text, StringComparison.Ordinal);
        return Refused(GeniusTestFiles.File(Domain), GeniusTestFiles.FromText(Gardener, text.Replace(written, changed, StringComparison.Ordinal)));
    }

    private static GeniusImportProblem Refused(GeniusFile domain, GeniusFile profile)
    {
        var result = GeniusImporter.Import(domain, [profile, GeniusTestFiles.File("allotment_committee.xml")], new GeniusImportOptions());
        Assert.False(result.Succeeded);
        return Assert.Single(result.Problems);
    }
}

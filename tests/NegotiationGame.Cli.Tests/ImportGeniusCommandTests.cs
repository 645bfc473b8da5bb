namespace NegotiationGame.Cli.Tests;

public sealed class ImportGeniusCommandTests
{
    private static readonly string[] Bookfair =
    [
        Genius("bookfair_domain.xml"), Genius("bookfair_readers.xml"), Genius("bookfair_sellers.xml"), Genius("bookfair_council.xml"),
    ];

    [Fact]
    public void An_imported_domain_validates_and_analyses_like_any_scenario_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bookfair-{Guid.NewGuid():N}.json");
        try
        {
            var import = CliRun.Of(["import-genius", .. Bookfair, "--out", path]);

            Assert.Equal(0, import.ExitCode);
            Assert.Equal($"{path}: scenario 'bookfair' (3 parties, 3 issues, 36 outcomes, 10 rounds)", import.Output.Trim());
            Assert.Contains("note: bookfair_readers.xml (readers): discount factor 0.81", import.Error, StringComparison.Ordinal);

            var validate = CliRun.Of("validate", path);
            Assert.Equal(0, validate.ExitCode);
            Assert.Contains("valid scenario 'bookfair'", validate.Output, StringComparison.Ordinal);

            var analyze = CliRun.Of("analyze", path, "--format", "json");
            Assert.Equal(0, analyze.ExitCode);
            Assert.Contains("\"outcomes\": 36", analyze.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Without_out_the_scenario_is_written_to_standard_output_and_notes_to_standard_error()
    {
        var run = CliRun.Of("import-genius", Genius("allotment_domain.xml"), Genius("allotment_gardener.xml"), Genius("allotment_committee.xml"), "--name", "plots", "--party", "Gardener", "--party", "Committee");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("{", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"id\": \"plots\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"Committee\"", run.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void A_refused_import_exits_1_and_names_the_file_and_element()
    {
        var integerDomain = Path.Combine(Path.GetTempPath(), $"integer-{Guid.NewGuid():N}.xml");
        File.WriteAllText(integerDomain, """
            <negotiation_template><utility_space><objective index="0" name="price">
              <issue index="1" etype="integer" type="integer" name="Price" lowerbound="1" upperbound="9" />
            </objective></utility_space></negotiation_template>
            """);
        try
        {
            var run = CliRun.Of("import-genius", integerDomain, Genius("allotment_gardener.xml"), Genius("allotment_committee.xml"));

            Assert.Equal(1, run.ExitCode);
            Assert.Equal(string.Empty, run.Output);
            Assert.Contains(
                $"  {Path.GetFileName(integerDomain)}: <issue name=\"Price\" index=\"1\"> (line 2): is an integer issue; only discrete issues (a list of <item>s) can be imported",
                run.Error.Split(Environment.NewLine));
        }
        finally
        {
            File.Delete(integerDomain);
        }
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_without_being_read()
    {
        var huge = Path.Combine(Path.GetTempPath(), $"huge-{Guid.NewGuid():N}.xml");
        using (var stream = File.Create(huge))
        {
            stream.SetLength((1 << 20) + 1);
        }

        try
        {
            var run = CliRun.Of("import-genius", Genius("allotment_domain.xml"), huge, Genius("allotment_committee.xml"));

            Assert.Equal(1, run.ExitCode);
            Assert.Equal($"{huge}: is 1,048,577 bytes; GENIUS files of at most 1,048,576 bytes are read", run.Error.Trim());
        }
        finally
        {
            File.Delete(huge);
        }
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var run = CliRun.Of("import-genius", Genius("allotment_domain.xml"), "/nonexistent/profile.xml", Genius("allotment_committee.xml"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("/nonexistent/profile.xml: no such file", run.Error.Trim());
    }

    private static string Genius(string name) => Path.Combine(AppContext.BaseDirectory, "Genius", name);
}

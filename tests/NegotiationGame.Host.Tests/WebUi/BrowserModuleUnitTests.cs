using System.Text.RegularExpressions;
using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.WebUi;

/// <summary>
/// The web UI's modules tested on their own under Node's built-in test runner (node/unit/*.test.mjs), one case per
/// file, so that they count in the suite's total and a failure names the Node tests that failed.
/// </summary>
public sealed partial class BrowserModuleUnitTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static TheoryData<string> TestFiles()
    {
        var folder = RepositoryFiles.Path(Path.Combine("tests", "NegotiationGame.Host.Tests", "node", "unit"));
        var files = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(folder, "*.test.mjs").Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetFileName(file));
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(TestFiles))]
    public async Task Every_node_test_of_the_file_passes(string file)
    {
        var (exitCode, lines, errors) = await NodeScripts.RunAsync("--test", Patience, "--test-reporter=tap", $"unit/{file}");

        var failed = lines.Select(line => FailedTest().Match(line)).Where(match => match.Success).Select(match => match.Groups["name"].Value).ToList();
        Assert.True(exitCode == 0 && failed.Count == 0,
            $"node --test {file} exited with {exitCode}; failed: {string.Join("; ", failed)}\n{string.Join('\n', lines)}\n{errors}");
        Assert.Contains(lines, line => PassedCount().IsMatch(line));
    }

    [GeneratedRegex(@"^\s*not ok \d+ - (?<name>.*)$")]
    private static partial Regex FailedTest();

    // The runner ran at least one test: a file whose tests were all skipped or never registered would pass silently.
    [GeneratedRegex(@"^# pass [1-9]\d*$")]
    private static partial Regex PassedCount();
}

using System.Text.RegularExpressions;

namespace NegotiationGame.Host.Tests.Support;

/// <summary>The refusal codes the docs promise: protocol.md's table and rules.md's, read from the files.</summary>
internal static partial class DocumentedErrorCodes
{
    public static IReadOnlySet<string> All { get; } = Read();

    /// <summary>The codes of protocol.md's "Results and errors" table, without the rules' row.</summary>
    public static IReadOnlyList<string> Protocol() => TableCodes(RepositoryFiles.Path("docs/protocol.md"), "## Results and errors");

    private static HashSet<string> Read() =>
    [
        .. Protocol(),
        .. TableCodes(RepositoryFiles.Path("docs/rules.md"), "## Error codes"),
    ];

    private static List<string> TableCodes(string path, string heading)
    {
        var lines = File.ReadAllLines(path);
        var start = Array.IndexOf(lines, heading);
        Assert.True(start >= 0, $"{path} has no section {heading}");
        return [.. lines.Skip(start + 1)
            .SkipWhile(line => !line.StartsWith("| code |", StringComparison.Ordinal))
            .Skip(2)
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => Code().Match(line))
            .Where(match => match.Success)
            .Select(match => match.Groups[1].Value)];
    }

    [GeneratedRegex("^\\| `(\\w+)` \\|")]
    private static partial Regex Code();
}

using System.Text.RegularExpressions;
using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.Access;

/// <summary>The authorisation matrix as docs/protocol.md states it: one expected answer per method and caller.</summary>
internal static partial class AuthorisationMatrix
{
    public static readonly string[] Callers = ["none", "spectator", "this party", "other party", "other game", "other class's instructor", "this class's instructor"];

    public static IReadOnlyList<(string Method, string Caller, string Expected)> Cells()
    {
        var lines = File.ReadAllLines(RepositoryFiles.Path("docs/protocol.md"));
        var start = Array.FindIndex(lines, line => line.StartsWith("| method | none |", StringComparison.Ordinal));
        Assert.True(start >= 0, "docs/protocol.md has no authorisation matrix.");
        var header = Split(lines[start]);
        Assert.Equal(["method", .. Callers], header);
        var cells = new List<(string, string, string)>();
        foreach (var line in lines.Skip(start + 2).TakeWhile(line => line.StartsWith('|')))
        {
            var row = Split(line);
            var method = MethodName().Match(row[0]).Groups[1].Value;
            cells.AddRange(Callers.Select((caller, column) => (method, caller, row[column + 1])));
        }

        return cells;
    }

    private static string[] Split(string line) => [.. line.Trim('|').Split('|').Select(cell => cell.Trim())];

    [GeneratedRegex("^`(\\w+)`$")]
    private static partial Regex MethodName();
}

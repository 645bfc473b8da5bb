using System.Text.Json;

using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Deploy.Tests.Support;

/// <summary>One instruction of a Dockerfile: its keyword (upper case) and the rest of its logical line.</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments)
{
    /// <summary>The arguments of an exec-form instruction (<c>["dotnet", "x.dll"]</c>).</summary>
    public IReadOnlyList<string> ExecForm() =>
        JsonSerializer.Deserialize<string[]>(Arguments) ?? throw new InvalidOperationException($"{Keyword} {Arguments} is not in exec form.");
}

/// <summary>One stage: its base image, its name (<c>AS name</c>) and its instructions after the FROM.</summary>
internal sealed record DockerStage(string BaseImage, string? Name, IReadOnlyList<DockerInstruction> Instructions)
{
    public IEnumerable<DockerInstruction> All(string keyword) => Instructions.Where(instruction => instruction.Keyword == keyword);

    public DockerInstruction Last(string keyword) =>
        All(keyword).LastOrDefault() ?? throw new InvalidOperationException($"Stage {Name ?? BaseImage} has no {keyword}.");
}

/// <summary>The Dockerfile at the repository's root, read into its stages the way the builder does (continued lines joined, comments dropped).</summary>
internal static class Dockerfile
{
    public static IReadOnlyList<DockerStage> Stages()
    {
        var stages = new List<DockerStage>();
        List<DockerInstruction>? instructions = null;
        foreach (var line in LogicalLines(File.ReadAllLines(RepositoryFiles.Path("Dockerfile"))))
        {
            var split = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            var keyword = split[0].ToUpperInvariant();
            var arguments = split.Length > 1 ? split[1] : "";
            if (keyword == "FROM")
            {
                var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                instructions = [];
                stages.Add(new DockerStage(words[0], words.Length == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null, instructions));
            }
            else
            {
                (instructions ?? throw new InvalidOperationException($"'{line}' comes before any FROM.")).Add(new DockerInstruction(keyword, arguments));
            }
        }

        return stages;
    }

    private static IEnumerable<string> LogicalLines(IEnumerable<string> lines)
    {
        var pending = "";
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            yield return pending + line;
            pending = "";
        }
    }
}

using NegotiationGame.Scenarios;

namespace NegotiationGame.Cli;

/// <summary>A scenario named on the command line: a file path, or the name of a bundled scenario.</summary>
internal sealed record ScenarioSource(string DisplayName, string Json)
{
    public static ScenarioSource? Resolve(string nameOrPath, out string? error)
    {
        if (File.Exists(nameOrPath))
        {
            error = null;
            return new ScenarioSource(nameOrPath, File.ReadAllText(nameOrPath));
        }

        if (BundledScenarios.FindJson(nameOrPath) is { } json)
        {
            error = null;
            return new ScenarioSource(nameOrPath, json);
        }

        error = $"'{nameOrPath}' is neither a file nor a bundled scenario (bundled: {string.Join(", ", BundledScenarios.Names)}).";
        return null;
    }
}

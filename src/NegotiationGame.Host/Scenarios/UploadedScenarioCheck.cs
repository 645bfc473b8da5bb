using System.Collections.Immutable;
using System.Globalization;
using NegotiationGame.Domain.Analytics;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Host.Scenarios;

/// <summary>
/// Whether a scenario file an instructor sent may be played here: it must load (every problem is reported with its
/// JSON path, as <c>validate</c> reports them), and its exact analytics must be able to finish, since every game's
/// debrief needs them.
/// </summary>
public static class UploadedScenarioCheck
{
    /// <summary>A file can hold thousands of problems; the answer lists this many and counts the rest.</summary>
    public const int MaxProblemsListed = 100;

    public static UploadedScenarioVerdict Check(string json, ScenarioAnalyses analyses)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(analyses);
        var loaded = ScenarioLoader.Load(json);
        if (!loaded.Succeeded)
        {
            return UploadedScenarioVerdict.Refused(loaded.Problems);
        }

        try
        {
            analyses.For(json, loaded.Scenario);
        }
        catch (AnalysisRefusedException refused)
        {
            return UploadedScenarioVerdict.Refused([new ScenarioProblem("$", $"cannot be played here: {refused.Refusal.Message}")]);
        }

        return UploadedScenarioVerdict.Accepted(loaded.Scenario);
    }

    /// <summary>The people's line for a refusal: how many problems, then the first few in full.</summary>
    public static string Describe(ImmutableArray<ScenarioProblem> problems)
    {
        var first = string.Join("; ", problems.Take(3));
        var more = problems.Length > 3 ? string.Create(CultureInfo.InvariantCulture, $"; and {problems.Length - 3} more") : string.Empty;
        return problems.Length == 1
            ? $"The scenario file has a problem: {first}."
            : string.Create(CultureInfo.InvariantCulture, $"The scenario file has {problems.Length} problems: {first}{more}.");
    }
}

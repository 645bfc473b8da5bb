using NegotiationGame.Host.Hubs.Results;
using NegotiationGame.Scenarios;

namespace NegotiationGame.Host.Scenarios;

/// <summary>
/// The scenario a new class plays: a bundled one by name, or the text of a file the instructor sent, checked as
/// <see cref="UploadedScenarioCheck"/> checks it. Either way the class receives the text, and its games' logs carry it.
/// </summary>
public sealed class ClassScenarios(ScenarioAnalyses analyses)
{
    /// <summary>The scenario's JSON, or why the class cannot have it.</summary>
    public (string? Json, HubFailure? Refusal) Resolve(string? name, string? uploadedJson)
    {
        if (uploadedJson is not null)
        {
            var verdict = UploadedScenarioCheck.Check(uploadedJson, analyses);
            return verdict.Scenario is null ? (null, HubResults.InvalidScenario(verdict.Problems)) : (uploadedJson, null);
        }

        var scenarioName = name ?? BundledScenarios.Default;
        return BundledScenarios.FindJson(scenarioName) is { } bundled
            ? (bundled, null)
            : (null, HubResults.Failure(HubErrorCodes.UnknownScenario, $"There is no scenario '{scenarioName}' (bundled: {string.Join(", ", BundledScenarios.Names)})."));
    }
}

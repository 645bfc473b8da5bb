using System.Collections.Immutable;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Host.Scenarios;

/// <summary>An uploaded scenario that may be played, or every reason it may not.</summary>
public sealed record UploadedScenarioVerdict(Scenario? Scenario, ImmutableArray<ScenarioProblem> Problems)
{
    public static UploadedScenarioVerdict Accepted(Scenario scenario) => new(scenario, []);

    public static UploadedScenarioVerdict Refused(ImmutableArray<ScenarioProblem> problems) => new(null, problems);
}

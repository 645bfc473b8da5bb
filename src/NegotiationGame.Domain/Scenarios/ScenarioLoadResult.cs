using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace NegotiationGame.Domain.Scenarios;

/// <summary>Either a whole scenario or every problem found; never a scenario loaded half-way.</summary>
public sealed class ScenarioLoadResult
{
    private ScenarioLoadResult(Scenario? scenario, ImmutableArray<ScenarioProblem> problems)
    {
        Scenario = scenario;
        Problems = problems;
    }

    public Scenario? Scenario { get; }

    public ImmutableArray<ScenarioProblem> Problems { get; }

    [MemberNotNullWhen(true, nameof(Scenario))]
    public bool Succeeded => Scenario is not null;

    internal static ScenarioLoadResult Success(Scenario scenario) => new(scenario, []);

    internal static ScenarioLoadResult Failure(IEnumerable<ScenarioProblem> problems) => new(null, [.. problems]);
}

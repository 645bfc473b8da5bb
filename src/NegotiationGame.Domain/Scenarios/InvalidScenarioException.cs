using System.Collections.Immutable;

namespace NegotiationGame.Domain.Scenarios;

/// <summary>Thrown by <see cref="ScenarioLoader.LoadOrThrow"/> with every problem of the file.</summary>
public sealed class InvalidScenarioException : Exception
{
    public InvalidScenarioException(string source, ImmutableArray<ScenarioProblem> problems)
        : base($"Scenario '{source}' is invalid:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}")
    {
        Problems = problems;
    }

    public ImmutableArray<ScenarioProblem> Problems { get; } = [];
}

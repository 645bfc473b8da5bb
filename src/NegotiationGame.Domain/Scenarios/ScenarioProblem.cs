namespace NegotiationGame.Domain.Scenarios;

/// <summary>One thing wrong with a scenario file: where (a JSON path such as <c>$.issues[2].options</c>) and why.</summary>
public sealed record ScenarioProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

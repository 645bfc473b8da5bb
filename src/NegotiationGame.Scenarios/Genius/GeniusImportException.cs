namespace NegotiationGame.Scenarios.Genius;

/// <summary>Stops reading one file at its first problem; the importer turns it back into a result.</summary>
internal sealed class GeniusImportException(GeniusImportProblem problem) : Exception(problem.ToString())
{
    public GeniusImportProblem Problem { get; } = problem;
}

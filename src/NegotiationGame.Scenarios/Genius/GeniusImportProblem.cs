namespace NegotiationGame.Scenarios.Genius;

/// <summary>Why an import was refused: which file, which element in it (with its line), and what is wrong.</summary>
public sealed record GeniusImportProblem(GeniusProblemKind Kind, string File, string Element, string Message)
{
    public override string ToString() => Element.Length == 0 ? $"{File}: {Message}" : $"{File}: {Element}: {Message}";
}

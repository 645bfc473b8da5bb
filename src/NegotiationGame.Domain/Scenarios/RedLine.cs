namespace NegotiationGame.Domain.Scenarios;

/// <summary>An option a party has said it will never accept; the core warns about it, the player decides.</summary>
public sealed record RedLine(int IssueIndex, int OptionIndex);

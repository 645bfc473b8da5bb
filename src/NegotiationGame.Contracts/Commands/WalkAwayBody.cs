namespace NegotiationGame.Contracts.Commands;

/// <summary>Leaves the table for good.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.WalkAwayBody")]
public sealed record WalkAwayBody : CommandBody;

namespace NegotiationGame.Contracts.Commands;

/// <summary>Instructor: ends the game now.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.EndGameBody")]
public sealed record EndGameBody : CommandBody;

namespace NegotiationGame.Contracts.Commands;

/// <summary>Instructor: closes the current round now (the last round's close ends the game).</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.ProcessNowBody")]
public sealed record ProcessNowBody : CommandBody;

namespace NegotiationGame.Contracts.Commands;

/// <summary>Instructor: opens round 1.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.StartNegotiationBody")]
public sealed record StartNegotiationBody : CommandBody;

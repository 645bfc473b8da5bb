namespace NegotiationGame.Contracts.Commands;

/// <summary>Instructor: stops the clock; parties wait until it resumes.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.PauseClockBody")]
public sealed record PauseClockBody : CommandBody;

namespace NegotiationGame.Contracts.Commands;

/// <summary>Instructor: lobby → briefing.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.StartBriefingBody")]
public sealed record StartBriefingBody : CommandBody;

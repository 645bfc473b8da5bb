namespace NegotiationGame.Contracts.Commands;

/// <summary>Instructor: lobby → briefing; an <paramref name="Untimed"/> one has no deadline and ends when the instructor starts the negotiation.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.StartBriefingBody")]
public sealed record StartBriefingBody(
    [property: Id(0)] bool Untimed = false) : CommandBody;

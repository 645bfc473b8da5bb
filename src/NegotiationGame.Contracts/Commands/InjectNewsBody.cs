namespace NegotiationGame.Contracts.Commands;

/// <summary>Instructor: publishes a news event to everyone in the game.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.InjectNewsBody")]
public sealed record InjectNewsBody(
    [property: Id(0)] string Headline,
    [property: Id(1)] string Body) : CommandBody;

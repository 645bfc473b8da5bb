namespace NegotiationGame.Contracts.Commands;

/// <summary>Instructor: takes back the news waiting for round <see cref="Round"/> under <see cref="Headline"/>.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.CancelScheduledNewsBody")]
public sealed record CancelScheduledNewsBody(
    [property: Id(0)] int Round,
    [property: Id(1)] string Headline) : CommandBody;

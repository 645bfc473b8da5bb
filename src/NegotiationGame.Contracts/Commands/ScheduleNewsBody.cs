namespace NegotiationGame.Contracts.Commands;

/// <summary>Instructor: prepares news that the game publishes by itself when round <see cref="Round"/> begins.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.ScheduleNewsBody")]
public sealed record ScheduleNewsBody(
    [property: Id(0)] int Round,
    [property: Id(1)] string Headline,
    [property: Id(2)] string Body) : CommandBody;

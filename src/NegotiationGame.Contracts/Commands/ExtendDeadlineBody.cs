namespace NegotiationGame.Contracts.Commands;

/// <summary>Instructor: gives the current phase more time.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.ExtendDeadlineBody")]
public sealed record ExtendDeadlineBody(
    [property: Id(0)] int Seconds) : CommandBody;

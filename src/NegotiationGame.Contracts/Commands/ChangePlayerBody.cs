namespace NegotiationGame.Contracts.Commands;

/// <summary>
/// Instructor (through the class session, which keeps its roster in step): from now on a bot of strategy
/// <paramref name="Bot"/> plays <paramref name="PartyId"/>, or students do when it is null.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.ChangePlayerBody")]
public sealed record ChangePlayerBody(
    [property: Id(0)] string PartyId,
    [property: Id(1)] string? Bot) : CommandBody;

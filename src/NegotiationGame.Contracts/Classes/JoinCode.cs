namespace NegotiationGame.Contracts.Classes;

/// <summary>A code a student types to join: one per role of every game, and one lobby code that seats a student anywhere.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.JoinCode")]
public sealed record JoinCode(
    [property: Id(0)] string Code,
    [property: Id(1)] string? GameId,
    [property: Id(2)] string? PartyId);

namespace NegotiationGame.Contracts.Games;

/// <summary>The seat a player's token names: its class, its id and the generation the token was issued at.</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.PlayerSeat")]
public sealed record PlayerSeat(
    [property: Id(0)] string ClassId,
    [property: Id(1)] Guid SeatId,
    [property: Id(2)] int Generation);

using NegotiationGame.Contracts.Classes;

namespace NegotiationGame.Contracts.Games;

/// <summary>
/// A seat the class just changed (moved, handed to another device, or released when a bot took its role), with the
/// seat as it is now, or null once it is off the roster: a player token counts only while <see cref="Now"/> holds
/// the token's game, party and generation.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.SeatChange")]
public sealed record SeatChange(
    [property: Id(0)] Guid SeatId,
    [property: Id(1)] Seat? Now);

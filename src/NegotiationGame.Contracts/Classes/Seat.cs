namespace NegotiationGame.Contracts.Classes;

/// <summary>
/// A student on the roster: the seat they hold, in which game and for which party (several seats make a team).
/// <paramref name="Generation"/> moves on whenever the seat is moved or handed to another device, so that tokens
/// issued for it before stop counting.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.Seat")]
public sealed record Seat(
    [property: Id(0)] Guid SeatId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string GameId,
    [property: Id(3)] string PartyId,
    [property: Id(4)] int Generation = 0);

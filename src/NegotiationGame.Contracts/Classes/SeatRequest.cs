namespace NegotiationGame.Contracts.Classes;

/// <summary>
/// A student waiting for the instructor: <paramref name="DisplayName"/> came with a join code for
/// <paramref name="GameId"/>/<paramref name="PartyId"/> (null for the lobby code), from a browser without their seat
/// secret, or late. <paramref name="SeatId"/> is the seat on the roster with that name in that role, if any: the one
/// they most likely ask to have back.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.SeatRequest")]
public sealed record SeatRequest(
    [property: Id(0)] Guid RequestId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string? GameId,
    [property: Id(3)] string? PartyId,
    [property: Id(4)] Guid? SeatId,
    [property: Id(5)] DateTimeOffset RequestedAt);

namespace NegotiationGame.Contracts.Classes;

/// <summary>
/// The instructor's answer to a seat request: deny it, give the student back <paramref name="SeatId"/>, or give them
/// a new seat in <paramref name="GameId"/>/<paramref name="PartyId"/> (a bot playing that role hands it over).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.SeatRequestAnswer")]
public sealed record SeatRequestAnswer(
    [property: Id(0)] Guid RequestId,
    [property: Id(1)] bool Approve,
    [property: Id(2)] Guid? SeatId = null,
    [property: Id(3)] string? GameId = null,
    [property: Id(4)] string? PartyId = null);

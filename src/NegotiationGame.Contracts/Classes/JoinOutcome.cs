namespace NegotiationGame.Contracts.Classes;

/// <summary>
/// The seat a join code gave, or why it gave none (<see cref="ErrorCode"/>: UnknownCode, ClassStarted, InvalidName,
/// ClassFull, UnknownSeat). <see cref="SeatSecret"/> is handed only to the student who joined: with it their browser
/// gets the seat back later (the class keeps only its hash).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.JoinOutcome")]
public sealed record JoinOutcome(
    [property: Id(0)] Seat? Seat,
    [property: Id(1)] string? ErrorCode,
    [property: Id(2)] string? ErrorMessage,
    [property: Id(3)] string? SeatSecret = null);

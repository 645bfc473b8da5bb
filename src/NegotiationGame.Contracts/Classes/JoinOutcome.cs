namespace NegotiationGame.Contracts.Classes;

/// <summary>The seat a join code gave, or why it gave none (<see cref="ErrorCode"/>: UnknownCode, ClassStarted, InvalidName, ClassFull).</summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.JoinOutcome")]
public sealed record JoinOutcome(
    [property: Id(0)] Seat? Seat,
    [property: Id(1)] string? ErrorCode,
    [property: Id(2)] string? ErrorMessage);

namespace NegotiationGame.Contracts.Classes;

/// <summary>
/// What the requester learns when it asks again: still <see cref="SeatRequestStatus.Pending"/>, denied, or approved
/// with the seat (in <see cref="Outcome"/>, with a new seat secret for this browser); or <see cref="Outcome"/> with
/// <c>UnknownSeat</c> when the request or its secret is not the class's.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.SeatRequestReply")]
public sealed record SeatRequestReply(
    [property: Id(0)] SeatRequestStatus Status,
    [property: Id(1)] JoinOutcome Outcome);

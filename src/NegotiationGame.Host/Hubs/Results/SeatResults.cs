namespace NegotiationGame.Host.Hubs.Results;

/// <summary>A seat request the instructor will see, and the secret with which only this browser collects the answer.</summary>
public sealed record SeatRequestResult(Guid RequestId, string RequestSecret) : HubSuccess;

/// <summary>
/// How a seat request stands: <c>pending</c>, <c>denied</c>, or <c>approved</c> with the seat (token, role and a seat
/// secret for this browser, as <c>joinClass</c> answers).
/// </summary>
public sealed record SeatCollectionResult(string Status, string? Token, string? GameId, string? PartyId, Guid? SeatId, string? SeatSecret) : HubSuccess;

namespace NegotiationGame.Host.Hubs;

// The arguments of the seat methods (docs/protocol.md, "Seats"), beside HubRequests.cs's.

public sealed record RejoinClassRequest(string ClassId, Guid SeatId, string SeatSecret);

public sealed record AskForSeatRequest(string ClassId, string Code, string Name = "");

public sealed record CollectSeatRequest(string ClassId, Guid RequestId, string RequestSecret);

public sealed record SeatAnswerRequest(Guid RequestId, bool Approve, string? Token = null, Guid? SeatId = null, string? GameId = null, string? PartyId = null);

public sealed record MoveSeatRequest(Guid SeatId, string GameId, string PartyId, string? Token = null);

public sealed record SetBotRequest(string GameId, string PartyId, string Bot = "conceder", string? Token = null);

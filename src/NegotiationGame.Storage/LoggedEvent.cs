namespace NegotiationGame.Storage;

/// <summary>
/// One entry of a game's log: its gap-free sequence number (from 1), when it was appended, the client command that
/// caused it, and the event itself as a type name and JSON data (docs/protocol.md lists every type).
/// </summary>
/// <remarks>
/// A plain record, so that the stores need nothing of Orleans; it crosses grain boundaries through a surrogate
/// (NegotiationGame.Contracts' <c>LoggedEventSurrogate</c>).
/// </remarks>
public sealed record LoggedEvent(long Sequence, DateTimeOffset At, Guid CommandId, string Type, string Data);

namespace NegotiationGame.Contracts;

/// <summary>
/// One entry of a game's log: its gap-free sequence number (from 1), when it was appended, the client command that
/// caused it, and the event itself as a type name and JSON data (docs/protocol.md lists every type).
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.LoggedEvent")]
public sealed record LoggedEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] Guid CommandId,
    [property: Id(3)] string Type,
    [property: Id(4)] string Data);

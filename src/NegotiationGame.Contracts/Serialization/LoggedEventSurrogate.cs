using NegotiationGame.Storage;

namespace NegotiationGame.Contracts.Serialization;

/// <summary>
/// How a <see cref="LoggedEvent"/> crosses a grain boundary. The record lives in NegotiationGame.Storage, which knows
/// nothing of Orleans, so Orleans serializes this stand-in instead; its ids and alias keep the wire format the record
/// had when it carried the attributes itself.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.LoggedEvent")]
public readonly record struct LoggedEventSurrogate(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] Guid CommandId,
    [property: Id(3)] string Type,
    [property: Id(4)] string Data);

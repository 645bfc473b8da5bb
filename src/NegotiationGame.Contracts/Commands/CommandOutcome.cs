namespace NegotiationGame.Contracts.Commands;

/// <summary>
/// The answer to a command: accepted (its events are durable, up to <paramref name="LastSequence"/>), or refused
/// with a stable <paramref name="ErrorCode"/> and a message for the student. A refusal appends nothing.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.CommandOutcome")]
public sealed record CommandOutcome(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] long LastSequence,
    [property: Id(2)] string? ErrorCode,
    [property: Id(3)] string? ErrorMessage)
{
    public static CommandOutcome Done(long lastSequence) => new(true, lastSequence, null, null);

    public static CommandOutcome Refused(long lastSequence, string code, string message) => new(false, lastSequence, code, message);
}

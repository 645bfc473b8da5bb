namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>
/// The clock's deadline has come (a timer fired at <paramref name="At"/>): the phase moves on as if the instructor
/// had pressed "process now". Refused, and so harmless, when the deadline has moved or not yet come.
/// </summary>
public sealed record ReachDeadline(DateTimeOffset At) : GameCommand;

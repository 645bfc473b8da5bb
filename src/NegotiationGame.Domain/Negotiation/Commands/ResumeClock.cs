namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>The instructor restarts the clock with the time that was left.</summary>
public sealed record ResumeClock(DateTimeOffset At) : GameCommand;

namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>The instructor stops the clock; parties cannot act until it resumes.</summary>
public sealed record PauseClock(DateTimeOffset At) : GameCommand;

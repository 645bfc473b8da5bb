namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>Something a player, the instructor or the clock asks of a game. <see cref="GameRules.Decide"/> turns it into events or a <see cref="RuleViolation"/>.</summary>
public abstract record GameCommand;

namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>
/// Closes the current round now ("process now"); closing the last one is the final deadline and ends the game.
/// <paramref name="At"/> starts the next round's clock.
/// </summary>
public sealed record AdvanceRound(DateTimeOffset? At = null) : GameCommand;

namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>Closes the current round; closing the last one is the final deadline and ends the game.</summary>
public sealed record AdvanceRound : GameCommand;

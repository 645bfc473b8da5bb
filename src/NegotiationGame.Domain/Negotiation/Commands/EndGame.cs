namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>The instructor ends the game now; scores are computed from what binds at that moment.</summary>
public sealed record EndGame : GameCommand;

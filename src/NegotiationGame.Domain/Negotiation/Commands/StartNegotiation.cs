namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>Opens round 1 (from the lobby or the briefing).</summary>
public sealed record StartNegotiation : GameCommand;

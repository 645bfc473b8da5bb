namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>Opens round 1 (from the lobby or the briefing); <paramref name="At"/> starts its clock.</summary>
public sealed record StartNegotiation(DateTimeOffset? At = null) : GameCommand;

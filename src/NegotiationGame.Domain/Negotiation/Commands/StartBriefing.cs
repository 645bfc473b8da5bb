namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>Moves the game from the lobby to the read-only briefing; <paramref name="At"/> starts its clock.</summary>
public sealed record StartBriefing(DateTimeOffset? At = null) : GameCommand;

namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>Moves the game from the lobby to the read-only briefing.</summary>
public sealed record StartBriefing : GameCommand;

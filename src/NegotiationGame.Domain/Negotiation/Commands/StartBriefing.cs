namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>
/// Moves the game from the lobby to the read-only briefing; <paramref name="At"/> starts its clock. An
/// <paramref name="Untimed"/> briefing has no deadline whatever the game's timing: it lasts until the instructor opens
/// round 1 by hand.
/// </summary>
public sealed record StartBriefing(DateTimeOffset? At = null, bool Untimed = false) : GameCommand;

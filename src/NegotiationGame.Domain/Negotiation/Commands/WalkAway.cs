namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>The party leaves the table for good: its offers are withdrawn and offers needing it are rejected.</summary>
public sealed record WalkAway(int Party) : PartyCommand(Party);

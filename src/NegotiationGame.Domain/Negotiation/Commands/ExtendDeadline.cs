namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>The instructor gives the current phase more time.</summary>
public sealed record ExtendDeadline(TimeSpan By) : GameCommand;

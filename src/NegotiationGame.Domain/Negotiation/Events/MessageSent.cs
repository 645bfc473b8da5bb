using NegotiationGame.Domain.Outcomes;

namespace NegotiationGame.Domain.Negotiation.Events;

/// <summary>A private message; its text is for the parties of <paramref name="Channel"/> and the instructor only.</summary>
public sealed record MessageSent(int Party, PartySet Channel, string Text) : GameEvent;

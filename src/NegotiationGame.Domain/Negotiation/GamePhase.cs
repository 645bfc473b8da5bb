namespace NegotiationGame.Domain.Negotiation;

public enum GamePhase
{
    Lobby,
    Briefing,
    Negotiation,
    Ended,
}

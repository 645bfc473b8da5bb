namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>The instructor publishes a news event to everyone in the game.</summary>
public sealed record InjectNews(string Headline, string Body) : GameCommand;

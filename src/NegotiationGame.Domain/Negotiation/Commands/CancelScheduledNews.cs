namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>The instructor takes back news prepared for <paramref name="Round"/>, named by its headline, before that round begins.</summary>
public sealed record CancelScheduledNews(int Round, string Headline) : GameCommand;

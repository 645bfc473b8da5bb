namespace NegotiationGame.Domain.Negotiation;

/// <summary>A news event the instructor injected, shown to everyone at once.</summary>
public sealed record NewsItem(int Round, string Headline, string Body);

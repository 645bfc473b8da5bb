namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>The instructor prepares news that the game publishes by itself when <paramref name="Round"/> begins.</summary>
public sealed record ScheduleNews(int Round, string Headline, string Body) : GameCommand;

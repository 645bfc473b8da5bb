namespace NegotiationGame.Domain.Negotiation;

/// <summary>
/// A headline the instructor prepared for the start of <paramref name="Round"/>: nobody but the instructor knows of it
/// until that round begins, when the game publishes it like any other news. A round's headlines are unique.
/// </summary>
public sealed record ScheduledNews(int Round, string Headline, string Body);

namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>
/// The instructor gives the current phase more time. <paramref name="At"/> is when it was asked: the time left after
/// the extension, counted from then, may not pass <see cref="ClockRules.MaxTimeLeft"/>.
/// </summary>
public sealed record ExtendDeadline(TimeSpan By, DateTimeOffset? At = null) : GameCommand;

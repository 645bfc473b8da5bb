using NegotiationGame.Domain.Bots;

namespace NegotiationGame.Domain.Negotiation.Events;

/// <summary>From here on <paramref name="Party"/> is played by a bot of <paramref name="Bot"/>'s strategy, or by students (null).</summary>
public sealed record PlayerChanged(int Party, BotStrategy? Bot) : GameEvent;

using NegotiationGame.Domain.Bots;

namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>
/// The instructor hands a party to a bot of <paramref name="Bot"/>'s strategy, or (null) to students: a latecomer
/// takes a bot's role, or a bot takes over the role a student left. The negotiation itself goes on unchanged.
/// </summary>
public sealed record ChangePlayer(int Party, BotStrategy? Bot) : GameCommand;

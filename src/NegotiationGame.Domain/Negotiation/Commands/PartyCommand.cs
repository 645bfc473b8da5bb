namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>A command made on behalf of one party (by its students, its bot, or the instructor acting for it).</summary>
public abstract record PartyCommand(int Party) : GameCommand;

namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>A public statement: everyone in the game, spectators included, reads it.</summary>
public sealed record MakeStatement(int Party, string Text) : PartyCommand(Party);

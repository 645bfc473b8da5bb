using NegotiationGame.Domain.Outcomes;

namespace NegotiationGame.Domain.Negotiation.Commands;

/// <summary>
/// A private message in a channel: a set of parties that includes the sender (a "call" between them). Only those
/// parties and the instructor read it; others learn only that the channel is active until the game's reveal.
/// </summary>
public sealed record SendMessage(int Party, PartySet Channel, string Text) : PartyCommand(Party);

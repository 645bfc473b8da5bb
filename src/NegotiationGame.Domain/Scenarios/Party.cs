namespace NegotiationGame.Domain.Scenarios;

/// <summary>One side of the negotiation, played by a team of students or a bot.</summary>
public sealed record Party(int Index, string Id, string Name, string Leader);

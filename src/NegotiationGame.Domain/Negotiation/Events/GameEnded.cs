using System.Collections.Immutable;

namespace NegotiationGame.Domain.Negotiation.Events;

/// <summary>The game is over; <paramref name="Scores"/> holds every party's final score, by party index.</summary>
public sealed record GameEnded(GameEndReason Reason, ImmutableArray<double> Scores) : GameEvent;

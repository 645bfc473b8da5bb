using System.Collections.Immutable;

namespace NegotiationGame.Domain.Negotiation.Events;

/// <summary>The game is over; <see cref="Scores"/> holds every party's final score, by party index.</summary>
public sealed record GameEnded(GameEndReason Reason, ImmutableArray<double> Scores) : GameEvent
{
    // Scores compare by content, so that two runs of the same game produce equal event sequences.
    public bool Equals(GameEnded? other) =>
        other is not null && Reason == other.Reason && Scores.AsSpan().SequenceEqual(other.Scores.AsSpan());

    public override int GetHashCode() => HashCode.Combine(Reason, Scores.Length);
}

using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using NegotiationGame.Domain.Negotiation.Events;

namespace NegotiationGame.Domain.Negotiation;

/// <summary>The outcome of <see cref="GameRules.Decide"/>: the events to append, or why nothing happens.</summary>
public readonly record struct Decision
{
    private Decision(ImmutableArray<GameEvent> events, RuleViolation? violation)
    {
        Events = events;
        Violation = violation;
    }

    public ImmutableArray<GameEvent> Events { get; }

    public RuleViolation? Violation { get; }

    [MemberNotNullWhen(false, nameof(Violation))]
    public bool IsAccepted => Violation is null;

    public static Decision Accept(ImmutableArray<GameEvent> events) => new(events, null);

    public static Decision Reject(RuleViolationCode code, string message) => new([], new RuleViolation(code, message));
}

using System.Collections.Immutable;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Negotiation.Commands;
using NegotiationGame.Domain.Negotiation.Events;

namespace NegotiationGame.Domain.Bots;

/// <summary>
/// Gives every bot of a game a turn, in party order, each command decided against the state the previous ones left.
/// Deterministic: the same state, bots and seed always yield the same events.
/// </summary>
public static class BotPlay
{
    /// <param name="bots">The strategy of each party played by a bot, by party index; null for parties played by people.</param>
    public static (GameState State, ImmutableArray<GameEvent> Events) TakeTurns(
        GameState state,
        IReadOnlyList<BotStrategy?> bots,
        int seed,
        BotTurn turn)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(bots);
        var events = ImmutableArray.CreateBuilder<GameEvent>();
        for (var party = 0; party < bots.Count; party++)
        {
            if (bots[party] is not { } strategy)
            {
                continue;
            }

            foreach (var command in NegotiationBot.Decide(state, party, strategy, seed, turn))
            {
                // A bot decides its whole turn against one state; a later command of the turn can become moot
                // (its offer concluded meanwhile), and is then simply refused.
                var decision = GameRules.Decide(state, command);
                if (decision.IsAccepted)
                {
                    state = GameRules.ApplyAll(state, decision.Events);
                    events.AddRange(decision.Events);
                }
            }
        }

        return (state, events.ToImmutable());
    }

    /// <summary>Plays a whole game of bots from the lobby to its end: each round an opening turn, an answer turn, then the round closes.</summary>
    public static (GameState State, ImmutableArray<GameEvent> Events) PlayToEnd(GameState state, IReadOnlyList<BotStrategy?> bots, int seed)
    {
        ArgumentNullException.ThrowIfNull(state);
        var events = ImmutableArray.CreateBuilder<GameEvent>();
        void Run(ImmutableArray<GameEvent> produced)
        {
            state = GameRules.ApplyAll(state, produced);
            events.AddRange(produced);
        }

        if (state.Phase is GamePhase.Lobby or GamePhase.Briefing)
        {
            Run(GameRules.Decide(state, new StartNegotiation()).Events);
        }

        while (state.Phase == GamePhase.Negotiation)
        {
            foreach (var turn in (ReadOnlySpan<BotTurn>)[BotTurn.Opening, BotTurn.Answer])
            {
                var (_, produced) = TakeTurns(state, bots, seed, turn);
                Run(produced);
            }

            if (state.Phase == GamePhase.Negotiation)
            {
                Run(GameRules.Decide(state, new AdvanceRound()).Events);
            }
        }

        return (state, events.ToImmutable());
    }
}

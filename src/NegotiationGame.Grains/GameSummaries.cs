using System.Collections.Immutable;
using NegotiationGame.Contracts.Games;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.EventLog;

namespace NegotiationGame.Grains;

/// <summary>
/// Where a game stands, read from its record: the live game's summary in the grain, and a spectator's delayed view
/// of it (folded only as far as the spectators have been shown) in the host.
/// </summary>
public static class GameSummaries
{
    public static GameSummary Of(string gameId, GameRecord record, int spectators)
    {
        ArgumentNullException.ThrowIfNull(record);
        var state = record.State;
        var scenario = record.Header.Scenario;
        return new GameSummary(
            gameId,
            scenario.Id,
            state.Phase.ToString(),
            state.Round,
            record.LastSequence,
            GameStateHash.Compute(state),
            state.FinalScores.IsDefaultOrEmpty
                ? ImmutableDictionary<string, double>.Empty
                : scenario.Parties.ToImmutableDictionary(party => party.Id, party => state.FinalScores[party.Index]),
            state.Clock.Deadline,
            state.Clock.Paused,
            spectators);
    }
}

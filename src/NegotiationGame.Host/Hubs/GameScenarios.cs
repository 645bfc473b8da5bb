using System.Collections.Concurrent;
using NegotiationGame.Contracts.Games;
using NegotiationGame.Domain.Scenarios;
using NegotiationGame.EventLog;

namespace NegotiationGame.Host.Hubs;

/// <summary>
/// The scenario of each game this host has served. A game's scenario never changes, so it is read from the first
/// entry of the game's log once, not on every view refresh and every watch.
/// </summary>
public sealed class GameScenarios(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, Scenario> _byGame = new(StringComparer.Ordinal);

    /// <summary>The game's scenario, or null while the game does not exist yet.</summary>
    public async Task<Scenario?> FindAsync(string gameId)
    {
        if (_byGame.TryGetValue(gameId, out var known))
        {
            return known;
        }

        var first = await grains.GetGrain<IGameGrain>(gameId).ReadLog(0, 1);
        return first.IsEmpty ? null : _byGame.GetOrAdd(gameId, GameCreatedCodec.Decode(first[0].Data).Scenario);
    }
}

using System.Collections.Immutable;

namespace NegotiationGame.Contracts.Games;

/// <summary>
/// Where a game stands: phase, round, the clock (deadline, or paused), the last sequence number, the state hash,
/// once ended the scores, and how many spectators watch it now.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.GameSummary")]
public sealed record GameSummary(
    [property: Id(0)] string GameId,
    [property: Id(1)] string ScenarioId,
    [property: Id(2)] string Phase,
    [property: Id(3)] int Round,
    [property: Id(4)] long LastSequence,
    [property: Id(5)] string StateHash,
    [property: Id(6)] ImmutableDictionary<string, double> Scores,
    [property: Id(7)] DateTimeOffset? Deadline,
    [property: Id(8)] bool Paused,
    [property: Id(9)] int Spectators);

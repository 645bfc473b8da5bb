using System.Collections.Immutable;

namespace NegotiationGame.Contracts.Games;

/// <summary>
/// Creates a game of a scenario (its JSON is kept in the log, so the log stands on its own). <paramref name="Bots"/>
/// maps party ids to bot strategies (boulware, conceder, linear, tit-for-tat); <paramref name="Seed"/> seeds them.
/// A phase length of 0 seconds means that phase waits for the instructor ("process now") instead of a deadline.
/// </summary>
[GenerateSerializer]
[Immutable]
[Alias("ng.CreateGameRequest")]
public sealed record CreateGameRequest(
    [property: Id(0)] string ScenarioJson,
    [property: Id(1)] int Seed,
    [property: Id(2)] ImmutableDictionary<string, string> Bots,
    [property: Id(3)] int BriefingSeconds = 0,
    [property: Id(4)] int RoundSeconds = 0);

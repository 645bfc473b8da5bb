using System.Collections.Concurrent;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.EventLog;

/// <summary>
/// One parsed scenario (and one copy of its JSON) per distinct scenario text in the process, however many games
/// use it: a class of a hundred games of <c>ukraine-2025</c> holds its 27 KB of JSON and its utility tables once.
/// A server sees a handful of scenarios, so the cache is never trimmed.
/// </summary>
public static class SharedScenarios
{
    private static readonly ConcurrentDictionary<string, (string Json, Scenario Scenario)> ByJson = new(StringComparer.Ordinal);

    /// <summary>Loads a scenario that must be valid; throws <see cref="InvalidScenarioException"/> otherwise.</summary>
    public static (string Json, Scenario Scenario) Load(string json) =>
        ByJson.TryGetValue(json, out var shared)
            ? shared
            : ByJson.GetOrAdd(json, text => (text, ScenarioLoader.LoadOrThrow(text, "game scenario")));
}

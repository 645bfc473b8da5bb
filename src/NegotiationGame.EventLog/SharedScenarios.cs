using System.Collections.Concurrent;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.EventLog;

/// <summary>
/// One parsed scenario (and one copy of its JSON) per distinct scenario text in the process, however many games
/// use it: a class of a hundred games of <c>ukraine-2025</c> holds its 27 KB of JSON and its utility tables once.
/// The cache holds a scenario only weakly, for as long as a game, a class or a caller holds it: anyone may send a
/// scenario text (an upload, a class of its own), and texts that nothing plays any more must not pile up for the
/// life of the process. Entries whose scenario is gone are swept as the cache grows, so it stays within twice what is
/// in use, plus 64 entries.
/// </summary>
public static class SharedScenarios
{
    /// <summary>The size below which the cache is not swept.</summary>
    private const int SweepFloor = 64;

    private static readonly ConcurrentDictionary<string, Entry> ByJson = new(StringComparer.Ordinal);
    private static readonly Lock SweepGate = new();
    private static int _sweepAt = SweepFloor;

    /// <summary>The scenario texts the cache holds now, their scenarios alive or not yet swept.</summary>
    public static int Count => ByJson.Count;

    /// <summary>Loads a scenario that must be valid; throws <see cref="InvalidScenarioException"/> otherwise.</summary>
    public static (string Json, Scenario Scenario) Load(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (ByJson.TryGetValue(json, out var known) && known.Scenario.TryGetTarget(out var alive))
        {
            return (known.Json, alive);
        }

        var loaded = ScenarioLoader.LoadOrThrow(json, "game scenario");
        while (true)
        {
            var entry = ByJson.GetOrAdd(json, static (text, scenario) => new Entry(text, new WeakReference<Scenario>(scenario)), loaded);
            if (entry.Scenario.TryGetTarget(out var shared))
            {
                SweepIfGrown();
                return (entry.Json, shared);
            }

            // An entry whose scenario was collected: replace it, unless another caller just did.
            ByJson.TryRemove(KeyValuePair.Create(json, entry));
        }
    }

    private static void SweepIfGrown()
    {
        if (ByJson.Count < Volatile.Read(ref _sweepAt))
        {
            return;
        }

        lock (SweepGate)
        {
            if (ByJson.Count < _sweepAt)
            {
                return;
            }

            foreach (var (json, entry) in ByJson)
            {
                if (!entry.Scenario.TryGetTarget(out _))
                {
                    ByJson.TryRemove(KeyValuePair.Create(json, entry));
                }
            }

            Volatile.Write(ref _sweepAt, Math.Max(SweepFloor, 2 * ByJson.Count));
        }
    }

    /// <summary>Compared by reference, so that removing a swept entry never removes the one that replaced it.</summary>
    private sealed class Entry(string json, WeakReference<Scenario> scenario)
    {
        public string Json { get; } = json;

        public WeakReference<Scenario> Scenario { get; } = scenario;
    }
}

using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using NegotiationGame.Host.Relay;

namespace NegotiationGame.Deploy.Tests.Support;

/// <summary>
/// The product's counters that a short game never moves, so that a scrape shows no series for them (the exporter
/// writes a series once it is recorded), checked against the instrument the server really creates instead.
/// </summary>
internal static class ProductInstruments
{
    private static readonly Dictionary<string, (Type Owner, string Instrument)> Rare = new(StringComparer.Ordinal)
    {
        ["negotiationgame_fanout_slow_closed_total"] = (typeof(RelayInstruments), "negotiationgame.fanout.slow.closed"),
    };

    /// <summary>Whether <paramref name="series"/> is such a counter, and its owner really publishes it on the NegotiationGame meter.</summary>
    public static bool RecordedOnlyWhenRare(string series)
    {
        if (!Rare.TryGetValue(series, out var rare))
        {
            return false;
        }

        var published = new List<Instrument>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == "NegotiationGame")
                {
                    lock (published)
                    {
                        published.Add(instrument);
                    }
                }
            },
        };
        RuntimeHelpers.RunClassConstructor(rare.Owner.TypeHandle);
        listener.Start();
        lock (published)
        {
            return published.Any(instrument => instrument.Name == rare.Instrument && instrument.GetType().Name.StartsWith("Counter", StringComparison.Ordinal));
        }
    }
}

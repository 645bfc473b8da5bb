using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NegotiationGame.Storage.Telemetry;

/// <summary>
/// The product's one meter and one activity source, both named <see cref="Name"/>, for every layer that measures
/// (stores, grains, hub, relay). They are plain System.Diagnostics: nothing here knows OpenTelemetry, which only the
/// host wires up; with nobody listening, an instrument or a span costs one check. This assembly, the lowest that
/// measures anything, holds them so that the layers share one meter rather than each opening its own.
/// </summary>
public static class ProductTelemetry
{
    /// <summary>The meter's and the activity source's name, to subscribe to.</summary>
    public const string Name = "NegotiationGame";

    public static Meter Meter { get; } = new(Name);

    public static ActivitySource Source { get; } = new(Name);

    /// <summary>
    /// Bucket bounds for the product's latencies, in seconds: from half a millisecond (an in-memory decision) to ten
    /// seconds (a stalled disk). The SDK's default bounds were made for milliseconds and would put all of them in one.
    /// </summary>
    private static readonly double[] SecondsBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>A histogram of durations in seconds, on the product's meter, with bucket bounds that fit them.</summary>
    public static Histogram<double> CreateSecondsHistogram(string name, string description) =>
        Meter.CreateHistogram(name, "s", description, tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
}

using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NegotiationGame.Storage.Telemetry;

/// <summary>
/// What a store measures of its appends: how long an append waited from its caller's call to its acknowledgement
/// (queue, group commit and flush together) and how many appends each commit carried; and a span per append, parented
/// by the caller's activity (the game grain's call), so that a command's trace shows its own wait for the disk.
/// </summary>
public static class StoreInstruments
{
    /// <summary>The <c>store</c> tag of the embedded store.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>The <c>store</c> tag of the cluster's store.</summary>
    public const string Postgres = "postgres";

    private const string StoreTag = "store";

    private static readonly Histogram<double> AppendDuration = ProductTelemetry.CreateSecondsHistogram(
        "negotiationgame.store.append.duration", "From an append's call to its acknowledgement: queue, commit and flush");

    private static readonly Histogram<int> BatchSize = ProductTelemetry.Meter.CreateHistogram<int>(
        "negotiationgame.store.batch.size",
        "{append}",
        "Appends committed together in one transaction (group commit)",
        tags: null,
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192] });

    /// <summary>
    /// Starts an append's span as a child of the caller's activity, or returns null when nobody records spans. The
    /// span is not left current: it ends when the store acknowledges, which may be on another thread, and what the
    /// caller does after the append is not part of it.
    /// </summary>
    public static Activity? StartAppend(string store, string streamId)
    {
        var caller = Activity.Current;
        var activity = ProductTelemetry.Source.StartActivity("store append", ActivityKind.Internal);
        if (activity is null)
        {
            return null;
        }

        Activity.Current = caller;
        if (activity.IsAllDataRequested)
        {
            activity.SetTag("negotiationgame.store", store);
            activity.SetTag("negotiationgame.stream", streamId);
        }

        return activity;
    }

    /// <summary>Ends an append's span, marked as failed when the append was refused or lost.</summary>
    public static void EndAppend(Activity? activity, Exception? failure)
    {
        if (activity is null)
        {
            return;
        }

        if (failure is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
        }

        activity.Dispose();
    }

    /// <summary>A timestamp to measure an append from; zero when nobody listens, so that nothing is recorded.</summary>
    public static long AppendStarted() => AppendDuration.Enabled ? Stopwatch.GetTimestamp() : 0;

    /// <summary>Records an append that <paramref name="started"/> (from <see cref="AppendStarted"/>) and has been acknowledged or refused.</summary>
    public static void AppendFinished(string store, long started)
    {
        if (started != 0)
        {
            AppendDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>(StoreTag, store));
        }
    }

    /// <summary>Records a committed batch of <paramref name="appends"/> appends.</summary>
    public static void BatchCommitted(string store, int appends)
    {
        if (appends > 0 && BatchSize.Enabled)
        {
            BatchSize.Record(appends, new KeyValuePair<string, object?>(StoreTag, store));
        }
    }
}

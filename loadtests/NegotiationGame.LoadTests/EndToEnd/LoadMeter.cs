using System.Collections.Concurrent;
using System.Diagnostics;

namespace NegotiationGame.LoadTests.EndToEnd;

/// <summary>
/// Everything a run counts, from any thread. Acknowledgements, spectator latencies and resolved offers count only
/// while <see cref="Measuring"/> (after the warm-up); errors count always. Each second's acknowledgements also go to
/// a histogram of their own, swapped out by <see cref="TakeSecond"/>, for the progress line and the chart.
/// </summary>
internal sealed class LoadMeter
{
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private LatencyHistogram _secondAcks = new();
    private LatencyHistogram _secondSpectators = new();
    private long _acknowledged;
    private long _offersResolved;
    private volatile bool _measuring;

    public bool Measuring
    {
        get => _measuring;
        set => _measuring = value;
    }

    public LatencyHistogram Acks { get; } = new();

    public LatencyHistogram AcksFromIntended { get; } = new();

    public LatencyHistogram Spectators { get; } = new();

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public long OffersResolved => Interlocked.Read(ref _offersResolved);

    public IReadOnlyDictionary<string, long> Errors => new SortedDictionary<string, long>(_errors, StringComparer.Ordinal);

    public long ErrorCount => _errors.Values.Sum();

    /// <summary>An acknowledged command, timed from its send and (open loop) from when it was meant to be sent.</summary>
    public void Acknowledge(long sentAt, long? intendedAt)
    {
        var now = Stopwatch.GetTimestamp();
        var latency = Stopwatch.GetElapsedTime(sentAt, now);
        Volatile.Read(ref _secondAcks).Record(latency);
        if (!_measuring)
        {
            return;
        }

        Interlocked.Increment(ref _acknowledged);
        Acks.Record(latency);
        if (intendedAt is { } intended)
        {
            AcksFromIntended.Record(Stopwatch.GetElapsedTime(intended, now));
        }
    }

    public void Error(string code) => _errors.AddOrUpdate(code, 1, (_, count) => count + 1);

    public void SpectatorReceived(DateTimeOffset happenedAt)
    {
        var latency = DateTimeOffset.UtcNow - happenedAt;
        Volatile.Read(ref _secondSpectators).Record(latency);
        if (_measuring)
        {
            Spectators.Record(latency);
        }
    }

    public void OfferResolved()
    {
        if (_measuring)
        {
            Interlocked.Increment(ref _offersResolved);
        }
    }

    /// <summary>The acknowledgements and spectator events of the second now ending, and a fresh pair for the next.</summary>
    public (LatencyHistogram Acks, LatencyHistogram Spectators) TakeSecond() =>
        (Interlocked.Exchange(ref _secondAcks, new LatencyHistogram()), Interlocked.Exchange(ref _secondSpectators, new LatencyHistogram()));
}

namespace NegotiationGame.LoadTests.EndToEnd;

/// <summary>
/// Latencies counted in fixed buckets, so that a run of any length keeps a few kilobytes however many samples it
/// records, from any thread without a lock. Each power of two of microseconds is split into 32 buckets, so a
/// percentile is read to within about 3 % of the true value; the maximum is kept exactly.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBuckets = 32;
    private const int Octaves = 40;
    private readonly long[] _counts = new long[SubBuckets * Octaves];
    private long _total;
    private long _maxMicroseconds;

    public long Count => Interlocked.Read(ref _total);

    public void Record(TimeSpan latency)
    {
        var microseconds = Math.Max(0, (long)latency.TotalMicroseconds);
        Interlocked.Increment(ref _counts[BucketOf(microseconds)]);
        Interlocked.Increment(ref _total);
        var max = Interlocked.Read(ref _maxMicroseconds);
        while (microseconds > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxMicroseconds, microseconds, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    /// <summary>Adds every sample of <paramref name="other"/> to this one.</summary>
    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < _counts.Length; i++)
        {
            Interlocked.Add(ref _counts[i], Interlocked.Read(ref other._counts[i]));
        }

        Interlocked.Add(ref _total, other.Count);
        var otherMax = Interlocked.Read(ref other._maxMicroseconds);
        if (otherMax > Interlocked.Read(ref _maxMicroseconds))
        {
            Interlocked.Exchange(ref _maxMicroseconds, otherMax);
        }
    }

    /// <summary>The latency in milliseconds below which <paramref name="fraction"/> of the samples lie; 0 without samples.</summary>
    public double PercentileMs(double fraction)
    {
        var total = Count;
        if (total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(fraction * total);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= Math.Max(1, rank))
            {
                return Math.Min(UpperBoundOf(i), Interlocked.Read(ref _maxMicroseconds)) / 1000.0;
            }
        }

        return MaxMs;
    }

    public double MaxMs => Interlocked.Read(ref _maxMicroseconds) / 1000.0;

    public LatencySummary Summary() => new(PercentileMs(0.50), PercentileMs(0.95), PercentileMs(0.99), MaxMs);

    // Values below 32 µs get a bucket each; above, the octave is the position of the highest bit and the sub-bucket
    // the next five bits.
    private static int BucketOf(long microseconds)
    {
        if (microseconds < SubBuckets)
        {
            return (int)microseconds;
        }

        var octave = 63 - (int)long.LeadingZeroCount(microseconds) - 4;
        var sub = (int)(microseconds >> (octave - 1)) - SubBuckets;
        return Math.Min((octave * SubBuckets) + sub, (SubBuckets * Octaves) - 1);
    }

    private static long UpperBoundOf(int bucket)
    {
        if (bucket < SubBuckets)
        {
            return bucket;
        }

        var octave = bucket / SubBuckets;
        var sub = bucket % SubBuckets;
        return ((long)(SubBuckets + sub + 1) << (octave - 1)) - 1;
    }
}

/// <summary>Milliseconds at the median, the 95th and 99th percentiles, and the slowest.</summary>
internal sealed record LatencySummary(double P50, double P95, double P99, double Max);

namespace NegotiationGame.LoadTests.EndToEnd;

/// <summary>
/// The server's resident memory, read once a measured second. One reading at the end lands anywhere in the garbage
/// collector's cycle: in the same window it read 389 MB at the end and 604 MB a few seconds before.
/// </summary>
internal sealed class ResidentSamples
{
    private long _sum;
    private int _count;

    public double? Mean => _count == 0 ? null : (double)_sum / _count;

    public long? Peak { get; private set; }

    public void Add(long? bytes)
    {
        if (bytes is not { } value)
        {
            return;
        }

        _sum += value;
        _count++;
        Peak = Math.Max(Peak ?? 0, value);
    }
}

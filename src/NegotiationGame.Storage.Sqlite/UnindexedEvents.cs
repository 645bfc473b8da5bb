namespace NegotiationGame.Storage.Sqlite;

/// <summary>
/// Where the events are that the writer has committed but the stream index does not hold yet, in two generations:
/// the current one, which each commit adds to, and a sealed one, which the writer is indexing a slice per commit.
/// Readers take a stream's positions from both. Only the writer thread changes anything; the lock is for readers.
/// </summary>
internal sealed class UnindexedEvents
{
    private readonly Lock _lock = new();
    private Dictionary<string, List<StreamPosition>> _current = new(StringComparer.Ordinal);
    private int _currentCount;
    private Dictionary<string, List<StreamPosition>>? _sealed;
    private StreamPosition[] _sealedRows = [];
    private int _sealedIndexed;

    /// <summary>Events not in the index yet, in both generations.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _currentCount + _sealedRows.Length - _sealedIndexed;
            }
        }
    }

    /// <summary>Events in the current generation. Writer only.</summary>
    public int CurrentCount => _currentCount;

    /// <summary>Whether a sealed generation waits to be indexed. Writer only.</summary>
    public bool IsSealed => _sealed is not null;

    /// <summary>The highest position in the sealed generation: the index's mark once all of it is indexed.</summary>
    public long SealedThrough { get; private set; }

    /// <summary>A stream's unindexed positions, in sequence order.</summary>
    public StreamPosition[] For(string streamId)
    {
        lock (_lock)
        {
            var sealedPositions = _sealed?.GetValueOrDefault(streamId);
            var currentPositions = _current.GetValueOrDefault(streamId);
            return [.. sealedPositions ?? [], .. currentPositions ?? []];
        }
    }

    /// <summary>Adds what a commit wrote without indexing it.</summary>
    public void Add(Dictionary<string, List<StreamPosition>> written)
    {
        lock (_lock)
        {
            _currentCount += Merge(_current, written);
        }
    }

    /// <summary>Makes the current generation the one to index, in index order, and starts a new one.</summary>
    public void Seal()
    {
        var rows = Rows(_current);
        lock (_lock)
        {
            _sealed = _current;
            _sealedRows = rows;
            _sealedIndexed = 0;
            SealedThrough = rows.Length == 0 ? 0 : rows.Max(row => row.Position);
            _current = new(StringComparer.Ordinal);
            _currentCount = 0;
        }
    }

    /// <summary>The next rows of the sealed generation to index, at most <paramref name="maxCount"/>.</summary>
    public ReadOnlySpan<StreamPosition> NextSlice(int maxCount) =>
        _sealedRows.AsSpan(_sealedIndexed, Math.Min(maxCount, _sealedRows.Length - _sealedIndexed));

    /// <summary>Whether indexing <paramref name="count"/> more rows finishes the sealed generation.</summary>
    public bool Finishes(int count) => _sealedIndexed + count == _sealedRows.Length;

    /// <summary>Records that a commit indexed the next <paramref name="count"/> rows of the sealed generation.</summary>
    public void SliceIndexed(int count)
    {
        lock (_lock)
        {
            _sealedIndexed += count;
            if (_sealedIndexed == _sealedRows.Length)
            {
                _sealed = null;
                _sealedRows = [];
                _sealedIndexed = 0;
            }
        }
    }

    /// <summary>Every row not indexed yet, with those of <paramref name="written"/>, in index order.</summary>
    public StreamPosition[] Remaining(Dictionary<string, List<StreamPosition>> written)
    {
        var merged = new Dictionary<string, List<StreamPosition>>(StringComparer.Ordinal);
        Merge(merged, _current);
        Merge(merged, written);
        return [.. NextSlice(int.MaxValue), .. Rows(merged)];
    }

    /// <summary>Records that a commit indexed everything.</summary>
    public void AllIndexed()
    {
        lock (_lock)
        {
            _current = new(StringComparer.Ordinal);
            _currentCount = 0;
            _sealed = null;
            _sealedRows = [];
            _sealedIndexed = 0;
        }
    }

    /// <summary>Appends each stream's positions in <paramref name="from"/> to its list in <paramref name="into"/>; returns how many.</summary>
    private static int Merge(Dictionary<string, List<StreamPosition>> into, Dictionary<string, List<StreamPosition>> from)
    {
        var count = 0;
        foreach (var (streamId, positions) in from)
        {
            if (into.TryGetValue(streamId, out var all))
            {
                all.AddRange(positions);
            }
            else
            {
                into.Add(streamId, [.. positions]);
            }

            count += positions.Count;
        }

        return count;
    }

    /// <summary>A generation's rows in index order (by stream key, then sequence), so that a slice fills few index pages.</summary>
    private static StreamPosition[] Rows(Dictionary<string, List<StreamPosition>> generation) =>
        [.. generation.Values.OrderBy(positions => positions[0].StreamKey).SelectMany(positions => positions)];
}

/// <summary>Where an event of a stream (by the stream's key in the file) is in the events table.</summary>
internal readonly record struct StreamPosition(long StreamKey, long Sequence, long Position);

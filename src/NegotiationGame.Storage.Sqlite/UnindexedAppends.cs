using System.Runtime.InteropServices;

namespace NegotiationGame.Storage.Sqlite;

/// <summary>
/// Where the appends are that the writer has committed but the stream index does not hold yet, in two generations:
/// the current one, which each commit adds to, and a sealed one, which the writer is indexing a slice per commit.
/// Readers take a stream's appends from both. Only the writer thread changes anything; the lock is for readers.
/// </summary>
internal sealed class UnindexedAppends
{
    private readonly Lock _lock = new();
    private Generation _current = new();
    private Generation? _sealed;
    private Generation? _spare;
    private StreamAppend[] _sealedRows = [];
    private int _sealedIndexed;

    /// <summary>Appends not in the index yet, in both generations.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _current.Count + _sealedRows.Length - _sealedIndexed;
            }
        }
    }

    /// <summary>Appends in the current generation. Writer only.</summary>
    public int CurrentCount => _current.Count;

    /// <summary>Whether a sealed generation waits to be indexed. Writer only.</summary>
    public bool IsSealed => _sealed is not null;

    /// <summary>The highest position in the sealed generation: the index's mark once all of it is indexed.</summary>
    public long SealedThrough { get; private set; }

    /// <summary>A stream's unindexed appends, in sequence order.</summary>
    public StreamAppend[] For(string streamId)
    {
        var appends = new List<StreamAppend>();
        lock (_lock)
        {
            _current.AddNewestFirst(streamId, appends);
            _sealed?.AddNewestFirst(streamId, appends);
        }

        appends.Reverse();
        return [.. appends];
    }

    /// <summary>Adds what a commit wrote without indexing it.</summary>
    public void Add(ReadOnlySpan<WrittenAppend> written)
    {
        lock (_lock)
        {
            foreach (var append in written)
            {
                _current.Add(append.StreamId, append.Row);
            }
        }
    }

    /// <summary>Makes the current generation the one to index, in index order, and starts a new one.</summary>
    public void Seal()
    {
        var rows = _current.Rows();
        Array.Sort(rows, IndexOrder);
        var next = _spare ?? new Generation();
        lock (_lock)
        {
            _sealed = _current;
            _sealedRows = rows;
            _sealedIndexed = 0;
            SealedThrough = rows.Length == 0 ? 0 : rows.Max(row => row.Position);
            _current = next;
            _spare = null;
        }
    }

    /// <summary>The next rows of the sealed generation to index, at most <paramref name="maxCount"/>.</summary>
    public ReadOnlySpan<StreamAppend> NextSlice(int maxCount) =>
        _sealedRows.AsSpan(_sealedIndexed, Math.Min(maxCount, _sealedRows.Length - _sealedIndexed));

    /// <summary>Whether indexing <paramref name="count"/> more rows finishes the sealed generation.</summary>
    public bool Finishes(int count) => _sealedIndexed + count == _sealedRows.Length;

    /// <summary>Records that a commit indexed the next <paramref name="count"/> rows of the sealed generation.</summary>
    public void SliceIndexed(int count)
    {
        lock (_lock)
        {
            _sealedIndexed += count;
            if (_sealedIndexed == _sealedRows.Length && _sealed is { } finished)
            {
                _sealed = null;
                _sealedRows = [];
                _sealedIndexed = 0;
                finished.Clear();
                _spare = finished;
            }
        }
    }

    /// <summary>Every row not indexed yet, with those of <paramref name="written"/>, in index order.</summary>
    public StreamAppend[] Remaining(ReadOnlySpan<WrittenAppend> written)
    {
        var rows = new List<StreamAppend>(Count + written.Length);
        rows.AddRange(NextSlice(int.MaxValue));
        rows.AddRange(_current.Rows());
        foreach (var append in written)
        {
            rows.Add(append.Row);
        }

        rows.Sort(IndexOrder);
        return [.. rows];
    }

    /// <summary>Records that a commit indexed everything.</summary>
    public void AllIndexed()
    {
        lock (_lock)
        {
            _current.Clear();
            _sealed = null;
            _sealedRows = [];
            _sealedIndexed = 0;
        }
    }

    /// <summary>By stream key, then sequence: a slice in this order fills few index pages.</summary>
    private static int IndexOrder(StreamAppend x, StreamAppend y) =>
        x.StreamKey != y.StreamKey ? x.StreamKey.CompareTo(y.StreamKey) : x.FirstSequence.CompareTo(y.FirstSequence);

    /// <summary>
    /// One generation's appends in commit order, each linked to the previous append of its stream, so that a reader
    /// finds a stream's appends without the writer keeping a list per stream. Reused once indexed.
    /// </summary>
    private sealed class Generation
    {
        private readonly Dictionary<string, int> _newest = new(StringComparer.Ordinal);
        private readonly List<(StreamAppend Row, int Previous)> _rows = [];

        public int Count => _rows.Count;

        public void Add(string streamId, StreamAppend row)
        {
            ref var newest = ref CollectionsMarshal.GetValueRefOrAddDefault(_newest, streamId, out var exists);
            _rows.Add((row, exists ? newest : -1));
            newest = _rows.Count - 1;
        }

        public void AddNewestFirst(string streamId, List<StreamAppend> into)
        {
            if (_newest.TryGetValue(streamId, out var index))
            {
                for (; index >= 0; index = _rows[index].Previous)
                {
                    into.Add(_rows[index].Row);
                }
            }
        }

        public StreamAppend[] Rows()
        {
            var rows = new StreamAppend[_rows.Count];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = _rows[i].Row;
            }

            return rows;
        }

        public void Clear()
        {
            _newest.Clear();
            _rows.Clear();
        }
    }
}

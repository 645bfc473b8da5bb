namespace NegotiationGame.Domain.Analytics;

/// <summary>
/// Keeps the maximal (Pareto-optimal) vectors of a set, merging equal vectors first.
/// Up to four dimensions it runs in O(n log² n): points sorted lexicographically, so a point can only be
/// dominated by one before it, and a divide and conquer over that order answers "is there an earlier point at
/// least as good on the other three dimensions" with a max-Fenwick tree over the (small, integer) utility range.
/// Above four dimensions it compares each point with the maxima kept so far (<see cref="ManyPartyDominance"/>).
/// </summary>
internal static class MaximaFilter
{
    /// <summary>Coordinates packed into one 64-bit sort key, four to a key, while they are all below 2^14.</summary>
    private const int BitsPerCoordinate = 14;

    /// <summary>Candidates compared between two reports to <c>progress</c> in the many-party filter.</summary>
    private const int ProgressInterval = 1 << 12;

    /// <summary>
    /// The maxima of <paramref name="points"/>; <paramref name="progress"/>, if given, hears (candidates done, candidates)
    /// at the start, now and then during a long filter, and at the end.
    /// </summary>
    public static UtilityPoints Reduce(UtilityPoints points, Action<long, long>? progress = null)
    {
        progress?.Invoke(0, points.Count);
        var order = SortDescendingMerged(points, out var merged);
        var dominated = merged.Dimensions <= 4 ? DominatedUpToFourDimensions(merged, order) : ManyPartyDominance.Dominated(merged, ProgressInterval, progress);
        progress?.Invoke(points.Count, points.Count);
        var kept = 0;
        foreach (var isDominated in dominated)
        {
            kept += isDominated ? 0 : 1;
        }

        var dimensions = merged.Dimensions;
        var vectors = new int[kept * dimensions];
        var multiplicity = new long[kept];
        var representative = new long[kept];
        var next = 0;
        foreach (var point in order)
        {
            if (dominated[point])
            {
                continue;
            }

            merged.Vector(point).CopyTo(vectors.AsSpan(next * dimensions));
            multiplicity[next] = merged.Multiplicity[point];
            representative[next] = merged.Representative[point];
            next++;
        }

        return new UtilityPoints(dimensions, kept, vectors, multiplicity, representative);
    }

    /// <summary>
    /// Merges equal vectors (adding multiplicities, keeping the smallest representative) and returns the merged
    /// points' indices in lexicographically descending order of their vectors.
    /// </summary>
    private static int[] SortDescendingMerged(UtilityPoints points, out UtilityPoints merged)
    {
        var dimensions = points.Dimensions;
        var sorted = new int[points.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = i;
        }

        if (dimensions <= 4 && MaxCoordinate(points.Vectors) < 1 << BitsPerCoordinate)
        {
            var keys = new ulong[points.Count];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = ~PackedKey(points.Vector(i));
            }

            Array.Sort(keys, sorted);
        }
        else
        {
            Array.Sort(sorted, (a, b) => points.Vector(b).SequenceCompareTo(points.Vector(a)));
        }

        var vectors = new int[points.Count * dimensions];
        var multiplicity = new long[points.Count];
        var representative = new long[points.Count];
        var count = 0;
        foreach (var point in sorted)
        {
            if (count > 0 && points.Vector(point).SequenceEqual(vectors.AsSpan((count - 1) * dimensions, dimensions)))
            {
                multiplicity[count - 1] += points.Multiplicity[point];
                representative[count - 1] = Math.Min(representative[count - 1], points.Representative[point]);
                continue;
            }

            points.Vector(point).CopyTo(vectors.AsSpan(count * dimensions));
            multiplicity[count] = points.Multiplicity[point];
            representative[count] = points.Representative[point];
            count++;
        }

        merged = new UtilityPoints(dimensions, count, vectors, multiplicity, representative);
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        return order;
    }

    private static ulong PackedKey(ReadOnlySpan<int> vector)
    {
        ulong key = 0;
        for (var d = 0; d < 4; d++)
        {
            key = (key << BitsPerCoordinate) | (uint)(d < vector.Length ? vector[d] : 0);
        }

        return key;
    }

    private static bool[] DominatedUpToFourDimensions(UtilityPoints points, int[] order)
    {
        var count = order.Length;
        var d1 = new int[count];
        var d2 = new int[count];
        var d3 = new int[count];
        for (var i = 0; i < count; i++)
        {
            var vector = points.Vector(order[i]);
            d1[i] = vector.Length > 1 ? vector[1] : 0;
            d2[i] = vector.Length > 2 ? vector[2] : 0;
            d3[i] = vector.Length > 3 ? vector[3] : 0;
        }

        // The sweep's tree is indexed by d2, so its size follows d2's range; units finer than hundredths make that
        // range large, and then d2 is replaced by its rank among the values present, which orders them the same.
        var largestD2 = MaxCoordinate(d2);
        if (largestD2 > count)
        {
            largestD2 = RankInPlace(d2);
        }

        var solver = new DominanceSolver(d1, d2, d3, largestD2);
        solver.Solve(0, count);
        var dominated = new bool[points.Count];
        for (var i = 0; i < count; i++)
        {
            dominated[order[i]] = solver.Dominated[i];
        }

        return dominated;
    }

    private static int MaxCoordinate(int[] values)
    {
        var largest = 0;
        foreach (var value in values)
        {
            largest = Math.Max(largest, value);
        }

        return largest;
    }

    /// <summary>Replaces each value by its rank among the distinct values (0 for the smallest); returns the largest rank.</summary>
    private static int RankInPlace(int[] values)
    {
        var distinct = values.Distinct().Order().ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Array.BinarySearch(distinct, values[i]);
        }

        return distinct.Length - 1;
    }

    public static bool AtLeastAsGood(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        for (var d = 0; d < a.Length; d++)
        {
            if (a[d] < b[d])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Over points already in lexicographically descending order of (d0, d1, d2, d3) and all distinct, marks each
    /// point for which an earlier point is at least as large on d1, d2 and d3; such a point is at least as large on
    /// d0 too (it comes earlier) and differs, so it dominates.
    /// </summary>
    private sealed class DominanceSolver(int[] d1, int[] d2, int[] d3, int largestD2)
    {
        private readonly int[] _byD1 = [.. Enumerable.Range(0, d1.Length)];
        private readonly int[] _mergeBuffer = new int[d1.Length];
        private readonly int[] _maxD3ByD2 = CreateTree(largestD2);

        public bool[] Dominated { get; } = new bool[d1.Length];

        public void Solve(int start, int end)
        {
            if (end - start <= 1)
            {
                return;
            }

            var middle = (start + end) / 2;
            Solve(start, middle);
            Solve(middle, end);

            // Both halves are now ordered by d1, descending. Every point of the left half precedes every point
            // of the right half, so sweeping d1 downwards and inserting left points as they qualify answers,
            // for each right point, whether a qualifying left point also beats it on d2 and d3.
            var left = start;
            for (var right = middle; right < end; right++)
            {
                var point = _byD1[right];
                while (left < middle && d1[_byD1[left]] >= d1[point])
                {
                    Insert(d2[_byD1[left]], d3[_byD1[left]]);
                    left++;
                }

                if (!Dominated[point] && MaxD3AtLeastD2(d2[point]) >= d3[point])
                {
                    Dominated[point] = true;
                }
            }

            for (var inserted = start; inserted < left; inserted++)
            {
                Clear(d2[_byD1[inserted]]);
            }

            MergeByD1(start, middle, end);
        }

        private static int[] CreateTree(int largestD2)
        {
            var tree = new int[largestD2 + 2];
            Array.Fill(tree, -1);
            return tree;
        }

        // Tree positions run from high d2 to low d2, so a prefix is "every d2 at least this large".
        private int Position(int value) => largestD2 - value + 1;

        private void Insert(int value, int payload)
        {
            for (var i = Position(value); i < _maxD3ByD2.Length; i += i & -i)
            {
                if (_maxD3ByD2[i] < payload)
                {
                    _maxD3ByD2[i] = payload;
                }
            }
        }

        private void Clear(int value)
        {
            for (var i = Position(value); i < _maxD3ByD2.Length; i += i & -i)
            {
                _maxD3ByD2[i] = -1;
            }
        }

        private int MaxD3AtLeastD2(int value)
        {
            var best = -1;
            for (var i = Position(value); i > 0; i -= i & -i)
            {
                best = Math.Max(best, _maxD3ByD2[i]);
            }

            return best;
        }

        private void MergeByD1(int start, int middle, int end)
        {
            int left = start, right = middle, target = start;
            while (left < middle && right < end)
            {
                _mergeBuffer[target++] = d1[_byD1[left]] >= d1[_byD1[right]] ? _byD1[left++] : _byD1[right++];
            }

            while (left < middle)
            {
                _mergeBuffer[target++] = _byD1[left++];
            }

            while (right < end)
            {
                _mergeBuffer[target++] = _byD1[right++];
            }

            Array.Copy(_mergeBuffer, start, _byD1, start, end - start);
        }
    }
}

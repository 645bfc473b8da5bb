using System.Numerics;

namespace NegotiationGame.Domain.Analytics;

/// <summary>
/// Marks the dominated vectors of a set of distinct vectors in five or more dimensions, where no sweep like the
/// four-dimensional one applies and each candidate is compared with the maxima kept so far. Two things keep that
/// affordable:
/// <list type="bullet">
/// <item>Candidates are visited by descending coordinate sum. A dominator of a distinct vector has a larger sum, so it
/// is visited first (which is all correctness needs), and strong maxima come early, where they end the search for
/// most dominated candidates after a few comparisons.</item>
/// <item>Each vector carries a 32-bit signature: per dimension, a thermometer code of which of a few quantile
/// thresholds its coordinate reaches. A vector at least as good on every dimension reaches every threshold the other
/// reaches, so a maximum whose signature lacks one of the candidate's bits cannot dominate it. The scan compares
/// signatures many at a time (SIMD) and reads the vectors only where a signature passes.</item>
/// </list>
/// The answer is exact: signatures only skip comparisons that would fail.
/// </summary>
internal static class ManyPartyDominance
{
    private const int SignatureBits = 32;

    public static bool[] Dominated(UtilityPoints points, int progressInterval, Action<long, long>? progress)
    {
        var count = points.Count;
        var signatures = Signatures(points);
        var order = BySumDescending(points);
        var dominated = new bool[count];
        var maximaSignatures = new uint[Math.Max(Vector<uint>.Count, count)];
        var maxima = new int[count];
        var kept = 0;
        var done = 0;
        foreach (var point in order)
        {
            if (progress is not null && (++done % progressInterval) == 0)
            {
                progress(done, count);
            }

            if (HasDominator(points, point, signatures[point], maximaSignatures, maxima, kept))
            {
                dominated[point] = true;
                continue;
            }

            maximaSignatures[kept] = signatures[point];
            maxima[kept++] = point;
        }

        return dominated;
    }

    private static bool HasDominator(UtilityPoints points, int point, uint signature, uint[] maximaSignatures, int[] maxima, int kept)
    {
        var vector = points.Vector(point);
        var wanted = new Vector<uint>(signature);
        var lanes = Vector<uint>.Count;
        var k = 0;
        for (; k + lanes <= kept; k += lanes)
        {
            var block = new Vector<uint>(maximaSignatures, k);
            if (Vector.EqualsAny(block & wanted, wanted))
            {
                for (var lane = k; lane < k + lanes; lane++)
                {
                    if ((maximaSignatures[lane] & signature) == signature && MaximaFilter.AtLeastAsGood(points.Vector(maxima[lane]), vector))
                    {
                        return true;
                    }
                }
            }
        }

        for (; k < kept; k++)
        {
            if ((maximaSignatures[k] & signature) == signature && MaximaFilter.AtLeastAsGood(points.Vector(maxima[k]), vector))
            {
                return true;
            }
        }

        return false;
    }

    private static int[] BySumDescending(UtilityPoints points)
    {
        var keys = new long[points.Count];
        var order = new int[points.Count];
        for (var point = 0; point < points.Count; point++)
        {
            long sum = 0;
            foreach (var coordinate in points.Vector(point))
            {
                sum += coordinate;
            }

            keys[point] = -sum;
            order[point] = point;
        }

        Array.Sort(keys, order);
        return order;
    }

    /// <summary>Per dimension, bit j is set when the coordinate reaches that dimension's j-th quantile threshold.</summary>
    private static uint[] Signatures(UtilityPoints points)
    {
        var dimensions = points.Dimensions;
        var bitsPerDimension = SignatureBits / dimensions;
        var signatures = new uint[points.Count];
        var column = new int[points.Count];
        for (var d = 0; d < dimensions; d++)
        {
            for (var point = 0; point < points.Count; point++)
            {
                column[point] = points.Vectors[(point * dimensions) + d];
            }

            var sorted = column.ToArray();
            Array.Sort(sorted);
            var thresholds = new int[bitsPerDimension];
            for (var bit = 0; bit < bitsPerDimension; bit++)
            {
                thresholds[bit] = sorted.Length == 0 ? 0 : sorted[(int)((long)sorted.Length * (bit + 1) / (bitsPerDimension + 1))];
            }

            var shift = d * bitsPerDimension;
            for (var point = 0; point < points.Count; point++)
            {
                uint code = 0;
                for (var bit = 0; bit < bitsPerDimension; bit++)
                {
                    code |= column[point] >= thresholds[bit] ? 1u << bit : 0;
                }

                signatures[point] |= code << shift;
            }
        }

        return signatures;
    }
}

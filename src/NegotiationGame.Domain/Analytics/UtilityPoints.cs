namespace NegotiationGame.Domain.Analytics;

/// <summary>
/// A set of utility vectors (one int per party, flattened), each standing for <see cref="Multiplicity"/> outcomes
/// of which <see cref="Representative"/> has the smallest index.
/// </summary>
internal sealed class UtilityPoints(int dimensions, int count, int[] vectors, long[] multiplicity, long[] representative)
{
    public int Dimensions { get; } = dimensions;

    public int Count { get; } = count;

    public int[] Vectors { get; } = vectors;

    public long[] Multiplicity { get; } = multiplicity;

    public long[] Representative { get; } = representative;

    public ReadOnlySpan<int> Vector(int point) => Vectors.AsSpan(point * Dimensions, Dimensions);
}

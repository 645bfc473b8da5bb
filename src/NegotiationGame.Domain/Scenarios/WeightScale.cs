using System.Numerics;

namespace NegotiationGame.Domain.Scenarios;

/// <summary>
/// Turns a party's weights as written (any non-negative decimals) into whole weight units, exactly. A party's
/// normalised weight is wᵢ / Σw, a rational number; the scenario picks the smallest unit U (a multiple of 100, so
/// that reservations in hundredths stay whole) for which every party's U · wᵢ / Σw is a whole number. Utilities
/// are then exact integers in 1/U of a point, and comparing, adding and multiplying them is exact. Whole-number
/// weights summing to 100 give U = 100: hundredths of a point, as before fractional weights existed.
/// </summary>
internal static class WeightScale
{
    /// <summary>Decimals a weight may have: finer ones are noise from a binary double, not a preference.</summary>
    public const int MaxDecimals = 6;

    /// <summary>Largest weight as written.</summary>
    public const int MaxWeight = 1_000_000;

    /// <summary>
    /// Finest unit: 100 points × 10⁶ units keeps a utility (≤ 10⁸) and a cell (weight × value) in 32 bits.
    /// </summary>
    public const int MaxUnitsPerPoint = 1_000_000;

    /// <summary>Utilities stay in hundredths of a point unless some weights need finer units.</summary>
    public const int HundredthsPerPoint = 100;

    private const long DecimalScale = 1_000_000;

    /// <summary>The weights in millionths, each exact because a weight has at most six decimals.</summary>
    public static long[] Millionths(IReadOnlyList<decimal> weights) => [.. weights.Select(weight => (long)(weight * DecimalScale))];

    /// <summary>
    /// The smallest D such that D · wᵢ / Σw is whole for every i: Σw divided by the greatest common divisor of
    /// Σw and every wᵢ.
    /// </summary>
    public static long Denominator(long[] millionths)
    {
        var total = millionths.Sum();
        var divisor = total;
        foreach (var weight in millionths)
        {
            divisor = (long)BigInteger.GreatestCommonDivisor(divisor, weight);
        }

        return total / divisor;
    }

    /// <summary>The least common multiple of 100 and every denominator: the unit those weights need.</summary>
    public static BigInteger UnitsNeeded(IEnumerable<long> denominators)
    {
        BigInteger units = HundredthsPerPoint;
        foreach (var denominator in denominators)
        {
            units = units / BigInteger.GreatestCommonDivisor(units, denominator) * denominator;
        }

        return units;
    }

    /// <summary>Each weight in units: U · wᵢ / Σw, whole by the choice of U; they sum to U.</summary>
    public static int[] ToUnits(long[] millionths, int unitsPerPoint)
    {
        var total = new BigInteger(millionths.Sum());
        return [.. millionths.Select(weight => (int)(unitsPerPoint * new BigInteger(weight) / total))];
    }
}

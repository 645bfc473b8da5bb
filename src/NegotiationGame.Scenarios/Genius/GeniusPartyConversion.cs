using System.Collections.Immutable;
using System.Globalization;

namespace NegotiationGame.Scenarios.Genius;

/// <summary>
/// One profile's numbers in the scenario format, with a note wherever they are not exactly GENIUS's. GENIUS's
/// utility is Σᵢ wᵢ · eᵢ(item) / maxⱼ eᵢ(j) over weights summing to 1; the scenario's is Σᵢ wᵢ · vᵢ / Σw with
/// whole-number values vᵢ from 0 to 100, so vᵢ = 100 · e / max (rounded to a whole point where that is not whole).
/// </summary>
internal sealed record GeniusPartyConversion(
    ImmutableArray<decimal> Weights,
    ImmutableArray<ImmutableArray<int>> Values,
    decimal ReservationPoints,
    double? DiscountPerRound,
    ImmutableArray<string> Notes)
{
    private const decimal Millionths = 1_000_000m;

    public static GeniusPartyConversion Convert(GeniusDomain domain, GeniusProfile profile, string partyName, int rounds, bool weightsInMillionths)
    {
        var notes = new List<string>();
        var who = $"{profile.File.Name} ({partyName})";
        var weights = weightsInMillionths || !FitsAsWritten(profile.Weights) ? InMillionths(profile.Weights) : profile.Weights;
        if (weights != profile.Weights)
        {
            var largest = profile.Weights.Select((weight, issue) => Math.Abs((weight / profile.Weights.Sum()) - weights[issue])).Max();
            notes.Add(Invariant($"{who}: weights rewritten as millionths summing to 1 (the scenario format takes at most six decimals and a unit of at most a millionth of a point); the largest normalised weight moved by {largest:0.##########}"));
        }

        var weightSum = profile.Weights.Sum();
        if (weightSum != 1)
        {
            notes.Add(Invariant($"{who}: weights sum to {weightSum}, not 1; the scenario normalises them, so its utilities are GENIUS's divided by {weightSum}"));
        }

        var values = ImmutableArray.CreateBuilder<ImmutableArray<int>>(profile.Evaluations.Length);
        var worstError = 0m;
        var rounded = 0;
        for (var issue = 0; issue < profile.Evaluations.Length; issue++)
        {
            var evaluations = profile.Evaluations[issue];
            var max = evaluations.Max();
            var exact = evaluations.Select(evaluation => max == 0 ? 0m : 100m * evaluation / max).ToList();
            var whole = exact.Select(value => (int)Math.Round(value, 0, MidpointRounding.AwayFromZero)).ToImmutableArray();
            values.Add(whole);
            rounded += exact.Where((value, option) => value != whole[option]).Count();
            worstError += weights[issue] / weights.Sum() * exact.Select((value, option) => Math.Abs(value - whole[option])).Max();
            if (max == 0)
            {
                notes.Add(Invariant($"{who}: every evaluation of issue '{domain.Issues[issue].Name}' is 0 (GENIUS would divide by 0); its options are all worth 0"));
            }
        }

        if (rounded > 0)
        {
            notes.Add(Invariant($"{who}: {rounded} option value(s) rounded to whole points (the scenario format's values are whole numbers 0 to 100); a utility differs from GENIUS's by at most {worstError:0.####} points"));
        }

        var reservation = profile.Reservation ?? 0;
        if (profile.Reservation is null)
        {
            notes.Add($"{who}: no <reservation>; no deal is worth 0 points");
        }

        var reservationPoints = Math.Round(reservation * 100, 2, MidpointRounding.AwayFromZero);
        if (reservationPoints != reservation * 100)
        {
            notes.Add(Invariant($"{who}: reservation value {reservation} rounded to {reservationPoints} points (the scenario format takes hundredths of a point)"));
        }

        return new GeniusPartyConversion(weights, values.MoveToImmutable(), reservationPoints, Discount(profile, who, rounds, reservation, notes), [.. notes]);
    }

    /// <summary>
    /// GENIUS discounts by d^t over normalised time t from 0 to 1; the scenario discounts a deal made in round R
    /// by δ^(R − 1). δ = d^(1 / (rounds − 1)) makes a deal in the last round worth d of its value, as at GENIUS's
    /// deadline, and a deal in round R worth d^t with t = (R − 1) / (rounds − 1).
    /// </summary>
    private static double? Discount(GeniusProfile profile, string who, int rounds, decimal reservation, List<string> notes)
    {
        if (profile.DiscountFactor is not { } factor || factor == 1)
        {
            return null;
        }

        if (factor is <= 0 or > 1)
        {
            notes.Add(Invariant($"{who}: discount factor {factor} is outside (0, 1], which GENIUS reads as no discount; imported as no discount"));
            return null;
        }

        if (rounds < 2)
        {
            throw new GeniusImportException(new GeniusImportProblem(
                GeniusProblemKind.NotExpressible,
                profile.File.Name,
                Invariant($"<discount_factor value=\"{factor}\">"),
                "a discount cannot be spread over a game of one round; import with 2 rounds or more"));
        }

        var perRound = Math.Pow((double)factor, 1.0 / (rounds - 1));
        notes.Add(Invariant($"{who}: discount factor {factor} over the whole negotiation becomes {perRound:0.######} per round over {rounds} rounds (a deal in the last round is worth {factor} of its value)"));
        if (reservation > 0)
        {
            notes.Add($"{who}: GENIUS also discounts the reservation value over time; the scenario format does not, so no deal stays worth the full reservation value");
        }

        return perRound;
    }

    /// <summary>Weights the loader reads exactly: at most six decimals and at most 1,000,000.</summary>
    private static bool FitsAsWritten(ImmutableArray<decimal> weights) =>
        weights.All(weight => weight <= Millionths && decimal.Truncate(weight * Millionths) == weight * Millionths);

    /// <summary>The normalised weights in millionths summing exactly to 1 (largest remainders get the leftover millionths).</summary>
    private static ImmutableArray<decimal> InMillionths(ImmutableArray<decimal> weights)
    {
        var total = weights.Sum();
        var exact = weights.Select(weight => weight / total * Millionths).ToArray();
        var floors = exact.Select(decimal.Floor).ToArray();
        var leftover = (int)(Millionths - floors.Sum());
        foreach (var issue in Enumerable.Range(0, weights.Length).OrderByDescending(issue => exact[issue] - floors[issue]).ThenBy(issue => issue).Take(leftover))
        {
            floors[issue]++;
        }

        return [.. floors.Select(millionths => millionths / Millionths)];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

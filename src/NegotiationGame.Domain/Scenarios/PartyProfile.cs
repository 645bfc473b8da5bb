using System.Collections.Immutable;

namespace NegotiationGame.Domain.Scenarios;

/// <summary>
/// A party's confidential preferences. <see cref="Weights"/> are the normalised weights as whole numbers of weight
/// units summing to the scenario's units per point (100 for whole-number weights summing to 100; see
/// <see cref="WeightScale"/>), and values are whole numbers from 0 to 100, so every utility is an exact integer.
/// </summary>
public sealed record PartyProfile(
    int PartyIndex,
    ImmutableArray<int> Weights,
    ImmutableArray<ImmutableArray<int>> Values,
    int ReservationHundredths,
    double DiscountPerRound,
    ImmutableArray<RedLine> RedLines,
    string ConfidentialBriefing)
{
    public double Reservation => ReservationHundredths / 100.0;

    /// <summary>The sum of <see cref="Weights"/>: the scenario's utility units per point.</summary>
    public int WeightUnits => Weights.Sum();

    /// <summary>The issue's share of the party's weight, in percent (0 to 100), as the party is shown it.</summary>
    public double WeightPercent(int issueIndex) => Weights[issueIndex] * 100.0 / WeightUnits;

    public bool HasRedLine(int issueIndex, int optionIndex)
    {
        foreach (var redLine in RedLines)
        {
            if (redLine.IssueIndex == issueIndex && redLine.OptionIndex == optionIndex)
            {
                return true;
            }
        }

        return false;
    }
}

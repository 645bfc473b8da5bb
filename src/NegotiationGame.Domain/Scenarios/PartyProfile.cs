using System.Collections.Immutable;

namespace NegotiationGame.Domain.Scenarios;

/// <summary>
/// A party's confidential preferences. Weights are whole numbers summing to 100 and values whole numbers
/// from 0 to 100, so every utility is an exact integer in hundredths of a point (0 to 10,000).
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

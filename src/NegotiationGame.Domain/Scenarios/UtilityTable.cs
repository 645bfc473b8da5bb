using System.Collections.Immutable;
using NegotiationGame.Domain.Outcomes;

namespace NegotiationGame.Domain.Scenarios;

/// <summary>
/// Every party's weighted value of every option, flattened so that the utility of a package is a handful of
/// array reads. Cells hold weight × value, so a party's utility is their sum in the scenario's utility units:
/// 1/<see cref="UnitsPerPoint"/> of a point (hundredths when the weights are whole numbers summing to 100).
/// </summary>
public sealed class UtilityTable
{
    private const int OptionStride = Package.MaxOptionsPerIssue;

    private readonly int[] _cells;
    private readonly int[] _noDealOptions;
    private readonly ulong[] _redLineBits;
    private readonly int[] _reservations;

    internal UtilityTable(int partyCount, ImmutableArray<Issue> issues, ImmutableArray<PartyProfile> profiles)
    {
        PartyCount = partyCount;
        IssueCount = issues.Length;
        UnitsPerPoint = profiles[0].WeightUnits;
        _cells = new int[partyCount * IssueCount * OptionStride];
        _noDealOptions = new int[IssueCount];
        _redLineBits = new ulong[partyCount * IssueCount];
        _reservations = new int[partyCount];
        for (var issue = 0; issue < IssueCount; issue++)
        {
            _noDealOptions[issue] = issues[issue].NoDealOption;
        }

        for (var party = 0; party < partyCount; party++)
        {
            var profile = profiles[party];
            _reservations[party] = profile.ReservationHundredths * (UnitsPerPoint / 100);
            for (var issue = 0; issue < IssueCount; issue++)
            {
                var values = profile.Values[issue];
                for (var option = 0; option < values.Length; option++)
                {
                    _cells[CellIndex(party, issue, option)] = profile.Weights[issue] * values[option];
                }
            }

            foreach (var redLine in profile.RedLines)
            {
                _redLineBits[(party * IssueCount) + redLine.IssueIndex] |= 1UL << redLine.OptionIndex;
            }
        }
    }

    public int PartyCount { get; }

    public int IssueCount { get; }

    /// <summary>
    /// Utility units in one point: a multiple of 100, at most 1,000,000, the same for every party (ScenarioLoader
    /// picks it so that every normalised weight is exact). A utility runs from 0 to 100 × this.
    /// </summary>
    public int UnitsPerPoint { get; }

    /// <summary>Weight × value of one option for one party, in utility units.</summary>
    public int Cell(int party, int issue, int option) => _cells[CellIndex(party, issue, option)];

    /// <summary>The party's reservation value in utility units.</summary>
    public int Reservation(int party) => _reservations[party];

    /// <summary>A utility in points (0 to 100).</summary>
    public double Points(long units) => units / (double)UnitsPerPoint;

    /// <summary>
    /// A party's utility of a package in utility units (0 to 100 × <see cref="UnitsPerPoint"/>); issues the
    /// package leaves open count at their no-deal option.
    /// </summary>
    public int Utility(int party, Package package)
    {
        var sum = 0;
        var rowStart = party * IssueCount * OptionStride;
        for (var issue = 0; issue < IssueCount; issue++)
        {
            var option = package.Covers(issue) ? package.OptionOf(issue) : _noDealOptions[issue];
            sum += _cells[rowStart + (issue * OptionStride) + option];
        }

        return sum;
    }

    /// <summary>Whether the package crosses one of the party's red lines.</summary>
    public bool CrossesRedLine(int party, Package package)
    {
        var rowStart = party * IssueCount;
        for (var issue = 0; issue < IssueCount; issue++)
        {
            if (package.Covers(issue) && (_redLineBits[rowStart + issue] & (1UL << package.OptionOf(issue))) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether any party has a red line on this option.</summary>
    public bool IsRedLineForAnyone(int issue, int option)
    {
        for (var party = 0; party < PartyCount; party++)
        {
            if ((_redLineBits[(party * IssueCount) + issue] & (1UL << option)) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private int CellIndex(int party, int issue, int option) => (((party * IssueCount) + issue) * OptionStride) + option;
}

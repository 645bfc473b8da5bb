using NegotiationGame.Domain.Outcomes;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Domain.Bots;

/// <summary>
/// One party's own utility function, copied out of the scenario so that a bot holding it holds nothing about any
/// other party: weighted values in the scenario's utility units (hundredths of a point when its weights are whole numbers summing to
/// 100), red lines, reservation value and discount.
/// </summary>
public sealed class OwnPreferences
{
    private const int OptionStride = Package.MaxOptionsPerIssue;

    private readonly int[] _cells;
    private readonly int[] _optionCounts;
    private readonly int[] _noDealOptions;
    private readonly ulong[] _redLineBits;

    private OwnPreferences(int[] cells, int[] optionCounts, int[] noDealOptions, ulong[] redLineBits, int reservation, double discount)
    {
        _cells = cells;
        _optionCounts = optionCounts;
        _noDealOptions = noDealOptions;
        _redLineBits = redLineBits;
        Reservation = reservation;
        DiscountPerRound = discount;
        var best = Package.Empty;
        for (var issue = 0; issue < IssueCount; issue++)
        {
            var top = 0;
            for (var option = 1; option < optionCounts[issue]; option++)
            {
                if (Cell(issue, option) > Cell(issue, top))
                {
                    top = option;
                }
            }

            best = best.With(issue, top);
        }

        BestPackage = best;
        BestUtility = Utility(best);
    }

    public int IssueCount => _optionCounts.Length;

    /// <summary>What no deal is worth, in the same utility units as <see cref="Cell"/> and <see cref="Utility"/>.</summary>
    public int Reservation { get; }

    /// <summary>The factor a score loses for every round before the deal binds.</summary>
    public double DiscountPerRound { get; }

    /// <summary>The complete package of every issue at its most valued option.</summary>
    public Package BestPackage { get; }

    public int BestUtility { get; }

    public static OwnPreferences Of(Scenario scenario, int party)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var issues = scenario.Issues;
        var cells = new int[issues.Length * OptionStride];
        var redLines = new ulong[issues.Length];
        var profile = scenario.Profiles[party];
        foreach (var issue in issues)
        {
            for (var option = 0; option < issue.Options.Length; option++)
            {
                cells[(issue.Index * OptionStride) + option] = scenario.Utilities.Cell(party, issue.Index, option);
                if (profile.HasRedLine(issue.Index, option))
                {
                    redLines[issue.Index] |= 1UL << option;
                }
            }
        }

        return new OwnPreferences(
            cells,
            [.. issues.Select(issue => issue.Options.Length)],
            [.. issues.Select(issue => issue.NoDealOption)],
            redLines,
            scenario.Utilities.Reservation(party),
            profile.DiscountPerRound);
    }

    public int OptionCount(int issue) => _optionCounts[issue];

    /// <summary>Weight × value of one option, in utility units.</summary>
    public int Cell(int issue, int option) => _cells[(issue * OptionStride) + option];

    /// <summary>The utility of a package in utility units, issues it leaves open at their no-deal option.</summary>
    public int Utility(Package package)
    {
        var sum = 0;
        for (var issue = 0; issue < IssueCount; issue++)
        {
            sum += Cell(issue, package.Covers(issue) ? package.OptionOf(issue) : _noDealOptions[issue]);
        }

        return sum;
    }

    public bool IsRedLine(int issue, int option) => (_redLineBits[issue] & (1UL << option)) != 0;

    public bool CrossesRedLine(Package package)
    {
        foreach (var issue in package.Issues())
        {
            if (IsRedLine(issue, package.OptionOf(issue)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The most an issue can be worth to this party.</summary>
    public int BestCell(int issue) => Cell(issue, BestPackage.OptionOf(issue));
}

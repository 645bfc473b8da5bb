using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Outcomes;

namespace NegotiationGame.Domain.Bots;

/// <summary>
/// A frequency model of another party's preferences, learnt only from what it did in public, as GENIUS agents
/// model their opponents: an option it keeps asking for is worth much to it, an issue on which it never gives
/// ground weighs much, and an offer it accepted shows options it can live with. Estimates are in [0, 1].
/// </summary>
internal sealed class OpponentModel
{
    private const int OptionStride = Package.MaxOptionsPerIssue;

    /// <summary>How much an acceptance counts beside an offer of the party's own.</summary>
    private const double AcceptanceEvidence = 0.5;

    /// <summary>Added to every count so that an option never asked for is worth little, not nothing.</summary>
    private const double Smoothing = 0.25;

    /// <summary>Failed offers holding an option, never named by the party, after which the option counts as suspect.</summary>
    private const double SuspicionThreshold = 3;

    private readonly double[] _cells;
    private readonly double[] _suspicion;
    private readonly int[] _noDealOptions;

    private OpponentModel(int party, double[] cells, double[] suspicion, int[] noDealOptions)
    {
        Party = party;
        _cells = cells;
        _suspicion = suspicion;
        _noDealOptions = noDealOptions;
    }

    public int Party { get; }

    public static OpponentModel Learn(BotView view, int party)
    {
        ArgumentNullException.ThrowIfNull(view);
        var issues = view.Issues;
        var counts = new double[issues.Length * OptionStride];
        var refusals = new double[issues.Length * OptionStride];
        var steadiness = new double[issues.Length];
        Array.Fill(steadiness, 1.0);
        Package? previous = null;
        foreach (var offer in view.Offers)
        {
            if (offer.Proposer == party)
            {
                Count(counts, offer.Package, 1.0);
                if (previous is { } before)
                {
                    foreach (var issue in offer.Package.Issues())
                    {
                        if (before.Covers(issue) && before.OptionOf(issue) == offer.Package.OptionOf(issue))
                        {
                            steadiness[issue] += 1.0;
                        }
                    }
                }

                previous = offer.Package;
            }
            else if (offer.Accepted.Contains(party))
            {
                Count(counts, offer.Package, AcceptanceEvidence);
            }
            else if (offer.Status != OfferStatus.Open && view.NeededToConclude(offer) is var needed && needed.Contains(party))
            {
                // The party let the offer fail; if others did too, the blame is shared among them.
                Count(refusals, offer.Package, 1.0 / needed.Except(offer.Accepted).Count);
            }
        }

        var totalSteadiness = steadiness.Sum();
        var cells = new double[counts.Length];
        var suspicion = new double[counts.Length];
        foreach (var issue in issues)
        {
            var most = 0.0;
            for (var option = 0; option < issue.Options.Length; option++)
            {
                most = Math.Max(most, counts[(issue.Index * OptionStride) + option]);
            }

            var weight = steadiness[issue.Index] / totalSteadiness;
            for (var option = 0; option < issue.Options.Length; option++)
            {
                var value = (counts[(issue.Index * OptionStride) + option] + Smoothing) / (most + Smoothing);
                cells[(issue.Index * OptionStride) + option] = weight * value;
                var cell = (issue.Index * OptionStride) + option;
                suspicion[cell] = counts[cell] > 0 ? 0 : refusals[cell];
            }
        }

        return new OpponentModel(party, cells, suspicion, [.. issues.Select(issue => issue.NoDealOption)]);
    }

    /// <summary>The estimated weight × value of one option to the party.</summary>
    public double Cell(int issue, int option) => _cells[(issue * OptionStride) + option];

    /// <summary>
    /// Whether the party has spoken to the issue but never asked for or accepted this option: it may be a red line
    /// of the party's, or worth too little to it, so a bid that needs the party avoids it where it can.
    /// </summary>
    public bool IsSuspect(int issue, int option) => Suspicion(issue, option) >= SuspicionThreshold;

    /// <summary>How many failed offers holding this option the party let fail without ever naming it itself.</summary>
    public double Suspicion(int issue, int option) => _suspicion[(issue * OptionStride) + option];

    /// <summary>The estimated utility of a package to the party, issues it leaves open at their no-deal option.</summary>
    public double Utility(Package package)
    {
        var sum = 0.0;
        for (var issue = 0; issue < _noDealOptions.Length; issue++)
        {
            sum += Cell(issue, package.Covers(issue) ? package.OptionOf(issue) : _noDealOptions[issue]);
        }

        return sum;
    }

    private static void Count(double[] counts, Package package, double evidence)
    {
        foreach (var issue in package.Issues())
        {
            counts[(issue * OptionStride) + package.OptionOf(issue)] += evidence;
        }
    }
}

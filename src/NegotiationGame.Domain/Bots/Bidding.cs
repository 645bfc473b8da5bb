using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Outcomes;

namespace NegotiationGame.Domain.Bots;

/// <summary>
/// Chooses the package a bot tables: one worth at least its target to itself, on or near its own iso-utility curve
/// at that level, and among those the one its models of the others rate best: fewest options some party seems to
/// refuse, then the least satisfied of them best off, since an agreement needs every one of them.
/// </summary>
internal static class Bidding
{
    /// <summary>Trade-off directions tried: each weighs the others differently and yields one candidate.</summary>
    private const int Directions = 32;

    private const int SearchSteps = 24;

    private const int ImprovementPasses = 4;

    private const double JitterWidth = 0.2;

    /// <summary>How much a loss to a party that already accepted the text weighs against a gain to one that did not.</summary>
    private const double BystanderCare = 0.5;

    /// <summary>What an option some party is suspected to refuse costs in a candidate's trade-off, in estimate units (an issue weighs at most 1).</summary>
    private const double SuspectPenalty = 1.0;

    /// <summary>
    /// The bid: when the others have tabled offers, the best of their latest offers amended to the bot's target
    /// (a single negotiating text that converges); before that, the best point of its own curve for the others.
    /// </summary>
    public static Package Choose(BotView view, int target, IReadOnlyList<OpponentModel> others, Random random)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(others);
        ArgumentNullException.ThrowIfNull(random);
        var preferences = view.Preferences;
        if (others.Count == 0 || target >= preferences.BestUtility)
        {
            return preferences.BestPackage;
        }

        return AmendTheirLatest(view, target, others, random) ?? BestOnOwnCurve(preferences, target, others, random);
    }

    private static Package? AmendTheirLatest(BotView view, int target, IReadOnlyList<OpponentModel> others, Random random)
    {
        var preferences = view.Preferences;
        Package? chosen = null;
        var chosenScore = default((int, double, double, int));
        foreach (var other in others)
        {
            if (LatestOffer(view, other.Party) is not { } latest)
            {
                continue;
            }

            // Who let that text fail: while it is still open, nobody is known to have refused it.
            var refused = latest.Status == OfferStatus.Open ? view.Others : view.NeededToConclude(latest).Except(latest.Accepted);
            var amended = Amend(preferences, others, target, latest.Package, random);
            var candidate = Improve(preferences, others, target, Favour(preferences, others, target, amended, refused, random));
            var score = Score(preferences, others, candidate);
            if (chosen is null || score.CompareTo(chosenScore) > 0)
            {
                chosen = candidate;
                chosenScore = score;
            }
        }

        return chosen;
    }

    private static Package BestOnOwnCurve(OwnPreferences preferences, int target, IReadOnlyList<OpponentModel> others, Random random)
    {
        var chosen = preferences.BestPackage;
        var chosenScore = Score(preferences, others, chosen);
        var weights = new double[others.Count];
        for (var direction = 0; direction < Directions; direction++)
        {
            for (var other = 0; other < weights.Length; other++)
            {
                weights[other] = direction == 0 ? 1.0 : random.NextDouble() + 0.05;
            }

            var candidate = Improve(preferences, others, target, OnOwnCurve(preferences, others, weights, target));
            var score = Score(preferences, others, candidate);
            if (score.CompareTo(chosenScore) > 0)
            {
                chosen = candidate;
                chosenScore = score;
            }
        }

        return chosen;
    }

    /// <summary>
    /// The package maximising (own utility × μ + the others' weighted estimates) for the smallest μ that still
    /// gives the bot its target: the point of that trade-off direction where the bot's own curve meets the target.
    /// Both sums are additive over issues, so each maximisation is one pass over the options.
    /// </summary>
    private static Package OnOwnCurve(OwnPreferences preferences, IReadOnlyList<OpponentModel> others, double[] weights, int target)
    {
        double low = 0, high = 1;
        while (preferences.Utility(Maximise(preferences, others, weights, high)) < target && high < 1e9)
        {
            high *= 4;
        }

        for (var step = 0; step < SearchSteps; step++)
        {
            var middle = (low + high) / 2;
            if (preferences.Utility(Maximise(preferences, others, weights, middle)) >= target)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        var package = Maximise(preferences, others, weights, high);
        return preferences.Utility(package) >= target ? package : preferences.BestPackage;
    }

    private static Package Maximise(OwnPreferences preferences, IReadOnlyList<OpponentModel> others, double[] weights, double ownWeight)
    {
        var scale = ownWeight / Math.Max(1, preferences.BestUtility);
        var package = Package.Empty;
        for (var issue = 0; issue < preferences.IssueCount; issue++)
        {
            var bestOption = -1;
            var bestValue = double.NegativeInfinity;
            for (var option = 0; option < preferences.OptionCount(issue); option++)
            {
                if (preferences.IsRedLine(issue, option))
                {
                    continue;
                }

                var value = scale * preferences.Cell(issue, option);
                for (var other = 0; other < others.Count; other++)
                {
                    value += weights[other] * others[other].Cell(issue, option);
                    if (others[other].IsSuspect(issue, option))
                    {
                        value -= SuspectPenalty;
                    }
                }

                if (value > bestValue)
                {
                    bestValue = value;
                    bestOption = option;
                }
            }

            package = package.With(issue, Math.Max(0, bestOption));
        }

        return package;
    }

    private static Offer? LatestOffer(BotView view, int party)
    {
        Offer? latest = null;
        foreach (var offer in view.Offers)
        {
            if (offer.Proposer == party)
            {
                latest = offer;
            }
        }

        return latest;
    }

    /// <summary>
    /// Spends what the bot has above its target on the parties that let the text fail: single-issue changes that
    /// raise their estimates more than they lower those of the parties who accepted it, never onto an option some
    /// party is wary of.
    /// </summary>
    private static Package Favour(OwnPreferences preferences, IReadOnlyList<OpponentModel> others, int target, Package package, PartySet refused, Random random)
    {
        for (var pass = 0; pass < ImprovementPasses * 2; pass++)
        {
            var bestGain = 1e-9;
            var bestMove = package;
            for (var issue = 0; issue < preferences.IssueCount; issue++)
            {
                var current = package.OptionOf(issue);
                for (var option = 0; option < preferences.OptionCount(issue); option++)
                {
                    if (option == current || preferences.IsRedLine(issue, option) || Wariness(others, issue, option) > Wariness(others, issue, current))
                    {
                        continue;
                    }

                    var changed = package.With(issue, option);
                    if (preferences.Utility(changed) < target)
                    {
                        continue;
                    }

                    var gain = 0.0;
                    foreach (var other in others)
                    {
                        var delta = other.Cell(issue, option) - other.Cell(issue, current);
                        gain += refused.Contains(other.Party) ? delta : Math.Min(0, delta) * BystanderCare;
                    }

                    gain *= Jitter(random);
                    if (gain > bestGain)
                    {
                        bestGain = gain;
                        bestMove = changed;
                    }
                }
            }

            if (bestMove == package)
            {
                break;
            }

            package = bestMove;
        }

        return package;
    }

    /// <summary>
    /// Another party's offer changed as little as the bot needs: issue by issue, the change that gains the bot most
    /// for the least the others are estimated to lose, until the bot reaches its target. Amending the text on the
    /// table, rather than starting afresh, keeps what the others have already put into it.
    /// </summary>
    private static Package Amend(OwnPreferences preferences, IReadOnlyList<OpponentModel> others, int target, Package offered, Random random)
    {
        var package = Package.Empty;
        for (var issue = 0; issue < preferences.IssueCount; issue++)
        {
            var option = offered.Covers(issue) && !preferences.IsRedLine(issue, offered.OptionOf(issue))
                ? offered.OptionOf(issue)
                : preferences.BestPackage.OptionOf(issue);
            package = package.With(issue, option);
        }

        package = AvoidSuspects(preferences, others, package);

        var utility = preferences.Utility(package);
        while (utility < target)
        {
            var bestRatio = double.NegativeInfinity;
            var bestMove = package;
            for (var issue = 0; issue < preferences.IssueCount; issue++)
            {
                var current = package.OptionOf(issue);
                for (var option = 0; option < preferences.OptionCount(issue); option++)
                {
                    var gain = preferences.Cell(issue, option) - preferences.Cell(issue, current);
                    if (gain <= 0 || preferences.IsRedLine(issue, option))
                    {
                        continue;
                    }

                    var loss = 0.0;
                    foreach (var other in others)
                    {
                        loss += Math.Max(0, other.Cell(issue, current) - other.Cell(issue, option));
                        if (other.IsSuspect(issue, option))
                        {
                            loss += SuspectPenalty;
                        }
                    }

                    var ratio = gain / preferences.BestUtility / (loss + 0.001) * Jitter(random);
                    if (ratio > bestRatio)
                    {
                        bestRatio = ratio;
                        bestMove = package.With(issue, option);
                    }
                }
            }

            if (bestMove == package)
            {
                break;
            }

            package = bestMove;
            utility = preferences.Utility(package);
        }

        return package;
    }

    /// <summary>
    /// Moves every issue whose option some other party has never asked for or accepted to the option the fewest of
    /// them are wary of (the bot's own favourite among those): an option a party never names may be its red line.
    /// </summary>
    private static Package AvoidSuspects(OwnPreferences preferences, IReadOnlyList<OpponentModel> others, Package package)
    {
        for (var issue = 0; issue < preferences.IssueCount; issue++)
        {
            var current = package.OptionOf(issue);
            var best = (Wary: Wariness(others, issue, current), Own: preferences.Cell(issue, current));
            var initial = best.Wary;
            for (var option = 0; option < preferences.OptionCount(issue); option++)
            {
                if (preferences.IsRedLine(issue, option))
                {
                    continue;
                }

                var candidate = (Wary: Wariness(others, issue, option), Own: preferences.Cell(issue, option));
                if (initial > 0 && (candidate.Wary < best.Wary || (candidate.Wary == best.Wary && candidate.Own > best.Own)))
                {
                    best = candidate;
                    package = package.With(issue, option);
                }
            }
        }

        return package;
    }

    /// <summary>A seeded nudge of ±10 % so that near ties break differently from game to game.</summary>
    private static double Jitter(Random random) => 1 + (JitterWidth * (random.NextDouble() - 0.5));

    private static double Wariness(IReadOnlyList<OpponentModel> others, int issue, int option) =>
        others.Sum(other => other.IsSuspect(issue, option) ? other.Suspicion(issue, option) : 0);

    /// <summary>Single-issue changes that keep the bot at its target and please the least satisfied other more.</summary>
    private static Package Improve(OwnPreferences preferences, IReadOnlyList<OpponentModel> others, int target, Package package)
    {
        var score = Score(preferences, others, package);
        for (var pass = 0; pass < ImprovementPasses; pass++)
        {
            var improved = false;
            for (var issue = 0; issue < preferences.IssueCount; issue++)
            {
                for (var option = 0; option < preferences.OptionCount(issue); option++)
                {
                    if (option == package.OptionOf(issue) || preferences.IsRedLine(issue, option))
                    {
                        continue;
                    }

                    var changed = package.With(issue, option);
                    if (preferences.Utility(changed) < target)
                    {
                        continue;
                    }

                    var changedScore = Score(preferences, others, changed);
                    if (changedScore.CompareTo(score) > 0)
                    {
                        package = changed;
                        score = changedScore;
                        improved = true;
                    }
                }
            }

            if (!improved)
            {
                break;
            }
        }

        return package;
    }

    /// <summary>The least satisfied other's estimate first, then all of theirs together, then the bot's own utility.</summary>
    private static (int Unsuspected, double Least, double Total, int Own) Score(OwnPreferences preferences, IReadOnlyList<OpponentModel> others, Package package)
    {
        var least = double.PositiveInfinity;
        var total = 0.0;
        var suspects = 0;
        foreach (var other in others)
        {
            foreach (var issue in package.Issues())
            {
                if (other.IsSuspect(issue, package.OptionOf(issue)))
                {
                    suspects++;
                }
            }

            var estimate = other.Utility(package);
            least = Math.Min(least, estimate);
            total += estimate;
        }

        return (-suspects, least, total, preferences.Utility(package));
    }
}

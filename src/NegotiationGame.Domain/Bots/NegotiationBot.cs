using System.Collections.Immutable;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Negotiation.Commands;
using NegotiationGame.Domain.Outcomes;

namespace NegotiationGame.Domain.Bots;

/// <summary>
/// A bot that plays one party in the tradition of the automated-negotiation competitions: a concession curve over
/// the game's time, bids on its own iso-utility curve chosen for the others by frequency models of them, and the
/// AC_next acceptance rule. It decides from a <see cref="BotView"/> only, and is a pure function of that view, the
/// strategy, the game's seed and the turn, so a game of bots with a given seed always plays out the same.
/// </summary>
public static class NegotiationBot
{
    /// <summary>Rounds a bot's own offers stay open: stale offers lapse and fresh ones follow the aspiration.</summary>
    public const int OfferLifetimeRounds = 1;

    /// <summary>The width of the band above the target a bid may land in, as a share of what is left to concede.</summary>
    private const double BandWidth = 0.01;

    public static ImmutableArray<PartyCommand> Decide(GameState state, int party, BotStrategy strategy, int seed, BotTurn turn)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Decide(BotView.Of(state, party), strategy, seed, turn);
    }

    public static ImmutableArray<PartyCommand> Decide(BotView view, BotStrategy strategy, int seed, BotTurn turn)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.Phase != GamePhase.Negotiation || view.WalkedAway.Contains(view.Self))
        {
            return [];
        }

        var commands = ImmutableArray.CreateBuilder<PartyCommand>();
        var threshold = AcceptanceThreshold(view, strategy);
        AnswerOffers(view, threshold, commands);
        SignAgreements(view, threshold, commands);
        if (turn == BotTurn.Opening && !HasOpenOffer(view) && !view.Others.IsEmpty)
        {
            var random = new Random(MixSeed(seed, view.Self, view.Round, view.Offers.Count));
            var models = view.Others.Indices().Select(other => OpponentModel.Learn(view, other)).ToArray();
            var package = Bidding.Choose(view, BidTarget(view, strategy, random), models, random);
            commands.Add(new TableOffer(view.Self, package, view.Others, OfferLifetimeRounds));
        }

        return commands.ToImmutable();
    }

    /// <summary>
    /// Where in its iso-utility band the bot bids: at its target or, by the seed, up to a twentieth of what it has
    /// still to concede above it, so that games with other seeds explore other bids.
    /// </summary>
    private static int BidTarget(BotView view, BotStrategy strategy, Random random)
    {
        var target = Aspiration.Target(view, strategy);
        return target + (int)(random.NextDouble() * BandWidth * (view.Preferences.BestUtility - target));
    }

    /// <summary>
    /// AC_next: an offer is good enough when it is worth what the bot would itself ask for in its next offer: this
    /// round's target before it has tabled this round, next round's after. In the last round that is the floor, so
    /// near the deadline the bot takes any deal that beats no deal.
    /// </summary>
    internal static int AcceptanceThreshold(BotView view, BotStrategy strategy)
    {
        var tabledThisRound = view.Offers.Any(offer => offer.Proposer == view.Self && offer.TabledInRound == view.Round);
        var nextBidRound = Math.Min(view.Rounds, tabledThisRound ? view.Round + 1 : view.Round);
        return Math.Max(Aspiration.Floor(view, view.Round), Aspiration.TargetAt(view, strategy, nextBidRound));
    }

    /// <summary>
    /// Whether a package meets the threshold. A complete package must be worth it; a partial one must carry its
    /// share of it: on the issues it settles, the same fraction of the best those issues can give, so that a fair
    /// deal on a few issues is not refused merely because the others are still open, and it must not leave the bot
    /// worse off than what binds now.
    /// </summary>
    internal static bool MeetsTarget(BotView view, Package package, int target)
    {
        var preferences = view.Preferences;
        if (package.IssueCount == view.Issues.Length)
        {
            return preferences.Utility(package) >= target;
        }

        long settled = 0, best = 0;
        foreach (var issue in package.Issues())
        {
            settled += preferences.Cell(issue, package.OptionOf(issue));
            best += preferences.BestCell(issue);
        }

        return settled * preferences.BestUtility >= (long)target * best &&
               view.ValueIfBinding(package) >= preferences.Utility(view.BindingPackage());
    }

    private static void AnswerOffers(BotView view, int threshold, ImmutableArray<PartyCommand>.Builder commands)
    {
        foreach (var offer in view.Offers)
        {
            if (offer.Status != OfferStatus.Open || offer.Proposer == view.Self || offer.Accepted.Contains(view.Self) ||
                !view.MayAccept(offer).Contains(view.Self))
            {
                continue;
            }

            if (MeetsTarget(view, offer.Package, threshold) && !view.Preferences.CrossesRedLine(offer.Package))
            {
                commands.Add(new AcceptOffer(view.Self, offer.Id));
            }
            else if (view.NeededToConclude(offer).Except(offer.Accepted) == PartySet.Of(view.Self))
            {
                commands.Add(new RejectOffer(view.Self, offer.Id));
            }
        }
    }

    private static void SignAgreements(BotView view, int threshold, ImmutableArray<PartyCommand>.Builder commands)
    {
        var waiting = new SortedDictionary<int, Package>();
        for (var issue = 0; issue < view.Settlements.Length; issue++)
        {
            if (view.Settlements[issue] is { IsBinding: false } settlement &&
                !settlement.Signatories.Contains(view.Self) &&
                view.Issues[issue].RequiredSignatories(settlement.Option).Contains(view.Self))
            {
                waiting[settlement.AgreementId] = waiting.GetValueOrDefault(settlement.AgreementId).With(issue, settlement.Option);
            }
        }

        foreach (var (agreementId, issues) in waiting)
        {
            if (MeetsTarget(view, issues, threshold) && !view.Preferences.CrossesRedLine(issues))
            {
                commands.Add(new SignAgreement(view.Self, agreementId));
            }
        }
    }

    private static bool HasOpenOffer(BotView view) =>
        view.Offers.Any(offer => offer.Proposer == view.Self && offer.Status == OfferStatus.Open);

    /// <summary>A stable 32-bit seed from several integers (SplitMix64 steps), the same on every machine and run.</summary>
    private static int MixSeed(params ReadOnlySpan<int> parts)
    {
        var state = 0x9E3779B97F4A7C15UL;
        foreach (var part in parts)
        {
            state += (ulong)(uint)part;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            state = z ^ (z >> 31);
        }

        return (int)(state & int.MaxValue);
    }
}

using System.Collections.Immutable;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Negotiation.Commands;
using NegotiationGame.Domain.Outcomes;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Domain.Bots;

/// <summary>
/// A bot that plays one party with only that party's confidential profile. It is a pure function of the game
/// state, the strategy, the game's seed and the turn, so a game of bots with a given seed always plays out the same.
/// </summary>
public static class NegotiationBot
{
    /// <summary>Rounds a bot's own offers stay open: stale offers lapse and fresh ones follow the aspiration.</summary>
    public const int OfferLifetimeRounds = 1;

    private const int ProposalAttempts = 16;

    public static ImmutableArray<PartyCommand> Decide(GameState state, int party, BotStrategy strategy, int seed, BotTurn turn)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Phase != GamePhase.Negotiation || state.WalkedAway.Contains(party))
        {
            return [];
        }

        var target = Aspiration.Target(state, party, strategy);
        var commands = ImmutableArray.CreateBuilder<PartyCommand>();
        AnswerOffers(state, party, target, commands);
        SignAgreements(state, party, target, commands);
        if (turn == BotTurn.Opening && !HasOpenOffer(state, party))
        {
            var random = new Random(MixSeed(seed, party, state.Round, state.Offers.Count));
            var addressees = PartySet.All(state.Scenario.Parties.Length).Except(state.WalkedAway).Except(PartySet.Of(party));
            if (!addressees.IsEmpty)
            {
                commands.Add(new TableOffer(party, Propose(state, party, target, random), addressees, OfferLifetimeRounds));
            }
        }

        return commands.ToImmutable();
    }

    /// <summary>What the party would get if <paramref name="package"/> bound on top of everything that binds now.</summary>
    internal static int ValueIfBinding(GameState state, int party, Package package)
    {
        var combined = state.BindingPackage();
        foreach (var issue in package.Issues())
        {
            combined = combined.With(issue, package.OptionOf(issue));
        }

        return state.Scenario.Utilities.Utility(party, combined);
    }

    /// <summary>
    /// Whether a package meets the target. A complete package must be worth the target; a partial one must carry its
    /// share of it: on the issues it settles, at least the target's level on those issues' weights, so that a fair
    /// deal on a few issues is not refused merely because the others are still open.
    /// </summary>
    internal static bool MeetsTarget(GameState state, int party, Package package, int target)
    {
        var scenario = state.Scenario;
        var table = scenario.Utilities;
        if (package.IssueCount == scenario.Issues.Length)
        {
            return table.Utility(party, package) >= target;
        }

        long settled = 0, weight = 0;
        foreach (var issue in package.Issues())
        {
            settled += table.Cell(party, issue, package.OptionOf(issue));
            weight += scenario.Profiles[party].Weights[issue];
        }

        return settled * 100 >= (long)target * weight && ValueIfBinding(state, party, package) >= table.Utility(party, state.BindingPackage());
    }

    private static void AnswerOffers(GameState state, int party, int target, ImmutableArray<PartyCommand>.Builder commands)
    {
        foreach (var offer in state.Offers)
        {
            if (offer.Status != OfferStatus.Open || offer.Proposer == party || offer.Accepted.Contains(party) ||
                !ConsentRules.MayAccept(state, offer).Contains(party))
            {
                continue;
            }

            var acceptable = MeetsTarget(state, party, offer.Package, target) &&
                             !state.Scenario.Utilities.CrossesRedLine(party, offer.Package);
            if (acceptable)
            {
                commands.Add(new AcceptOffer(party, offer.Id));
            }
            else if (ConsentRules.NeededToConclude(state, offer).Contains(party))
            {
                commands.Add(new RejectOffer(party, offer.Id));
            }
        }
    }

    private static void SignAgreements(GameState state, int party, int target, ImmutableArray<PartyCommand>.Builder commands)
    {
        var waiting = new SortedDictionary<int, Package>();
        for (var issue = 0; issue < state.Settlements.Length; issue++)
        {
            if (state.Settlements[issue] is { IsBinding: false } settlement &&
                !settlement.Signatories.Contains(party) &&
                state.Scenario.Issues[issue].RequiredSignatories(settlement.Option).Contains(party))
            {
                waiting[settlement.AgreementId] = waiting.GetValueOrDefault(settlement.AgreementId).With(issue, settlement.Option);
            }
        }

        foreach (var (agreementId, issues) in waiting)
        {
            if (MeetsTarget(state, party, issues, target) && !state.Scenario.Utilities.CrossesRedLine(party, issues))
            {
                commands.Add(new SignAgreement(party, agreementId));
            }
        }
    }

    private static bool HasOpenOffer(GameState state, int party) =>
        state.Offers.Any(offer => offer.Proposer == party && offer.Status == OfferStatus.Open);

    /// <summary>
    /// Starts from the party's best complete outcome and gives ground issue by issue as long as its utility stays at
    /// or above the target and no red line of its own is crossed. It gives ground first where the others' latest
    /// offers ask for it (a frequency model of what they want), then in a seeded random order.
    /// </summary>
    private static Package Propose(GameState state, int party, int target, Random random)
    {
        var scenario = state.Scenario;
        var table = scenario.Utilities;
        var package = Package.Empty;
        foreach (var issue in scenario.Issues)
        {
            var best = 0;
            for (var option = 1; option < issue.Options.Length; option++)
            {
                if (table.Cell(party, issue.Index, option) > table.Cell(party, issue.Index, best))
                {
                    best = option;
                }
            }

            package = package.With(issue.Index, best);
        }

        var wanted = OthersLatestAsks(state, party);
        var moves = new List<(int Issue, int Option)>();
        foreach (var issue in scenario.Issues)
        {
            for (var option = 0; option < issue.Options.Length; option++)
            {
                if (option != package.OptionOf(issue.Index) && !scenario.Profiles[party].HasRedLine(issue.Index, option))
                {
                    moves.Add((issue.Index, option));
                }
            }
        }

        // Several concession paths, each in another seeded order with the others' asks first; the package that
        // grants the most of what the others asked for wins, then the one worth most to this party.
        var chosen = package;
        var bestScore = (Asked: -1, Utility: -1);
        for (var attempt = 0; attempt < ProposalAttempts; attempt++)
        {
            var shuffled = moves.ToArray();
            random.Shuffle(shuffled);
            var candidate = Concede(table, party, package, target, shuffled.OrderByDescending(move => wanted[(move.Issue * Package.MaxOptionsPerIssue) + move.Option]));
            var score = (Asked: candidate.Issues().Sum(issue => wanted[(issue * Package.MaxOptionsPerIssue) + candidate.OptionOf(issue)]), Utility: table.Utility(party, candidate));
            if (score.CompareTo(bestScore) > 0)
            {
                chosen = candidate;
                bestScore = score;
            }
        }

        return chosen;
    }

    private static Package Concede(UtilityTable table, int party, Package package, int target, IEnumerable<(int Issue, int Option)> moves)
    {
        var utility = table.Utility(party, package);
        foreach (var (issue, option) in moves)
        {
            if (package.OptionOf(issue) == option)
            {
                continue;
            }

            var changed = package.With(issue, option);
            var changedUtility = table.Utility(party, changed);
            if (changedUtility >= target && changedUtility < utility)
            {
                package = changed;
                utility = changedUtility;
            }
        }

        return package;
    }

    /// <summary>For every (issue, option), how many other parties asked for it in their latest offer.</summary>
    private static int[] OthersLatestAsks(GameState state, int party)
    {
        var counts = new int[state.Scenario.Issues.Length * Package.MaxOptionsPerIssue];
        var latest = new Offer?[state.Scenario.Parties.Length];
        foreach (var offer in state.Offers)
        {
            latest[offer.Proposer] = offer;
        }

        for (var other = 0; other < latest.Length; other++)
        {
            if (other == party || latest[other] is not { } offer)
            {
                continue;
            }

            foreach (var issue in offer.Package.Issues())
            {
                counts[(issue * Package.MaxOptionsPerIssue) + offer.Package.OptionOf(issue)]++;
            }
        }

        return counts;
    }

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

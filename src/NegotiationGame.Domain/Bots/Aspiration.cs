using NegotiationGame.Domain.Negotiation;

namespace NegotiationGame.Domain.Bots;

/// <summary>
/// The utility, in the scenario's utility units, a bot asks for at a given round: its strategy's concession curve between
/// its best outcome and its floor. Time-dependent strategies follow r + (u_max − r)·(1 − t^(1/e)).
/// </summary>
internal static class Aspiration
{
    public const double BoulwareExponent = 0.2;
    public const double ConcederExponent = 3;

    public static int Target(BotView view, BotStrategy strategy) => TargetAt(view, strategy, view.Round);

    public static int TargetAt(BotView view, BotStrategy strategy, int round)
    {
        var best = view.Preferences.BestUtility;
        var floor = Math.Min(best, Floor(view, round));
        var time = view.TimeAt(round);
        var linear = TimeDependent(best, floor, time, exponent: 1);
        return strategy switch
        {
            BotStrategy.Boulware => TimeDependent(best, floor, time, BoulwareExponent),
            BotStrategy.Conceder => TimeDependent(best, floor, time, ConcederExponent),
            BotStrategy.Linear => linear,
            _ => Math.Max(floor, Math.Min(best - MeanConcessionToMe(view), TimeDependent(best, floor, time, BoulwareExponent))),
        };
    }

    /// <summary>The least a deal must be worth to the bot: its reservation value.</summary>
    public static int Floor(BotView view, int round)
    {
        _ = round;
        return view.Preferences.Reservation;
    }

    private static int TimeDependent(int best, int floor, double time, double exponent) =>
        floor + (int)Math.Round((best - floor) * (1 - Math.Pow(time, 1 / exponent)));

    /// <summary>
    /// How much, on average, each other party's latest offer to this party is worth more to it than that party's
    /// first one: the concession the others have made, measured in this party's own utility.
    /// </summary>
    private static int MeanConcessionToMe(BotView view)
    {
        var preferences = view.Preferences;
        var total = 0;
        var counted = 0;
        for (var other = 0; other < view.Parties.Length; other++)
        {
            if (other == view.Self)
            {
                continue;
            }

            Offer? first = null, latest = null;
            foreach (var offer in view.Offers)
            {
                if (offer.Proposer == other && offer.Addressees.Contains(view.Self))
                {
                    first ??= offer;
                    latest = offer;
                }
            }

            if (first is not null && latest is not null && !ReferenceEquals(first, latest))
            {
                total += Math.Max(0, preferences.Utility(latest.Package) - preferences.Utility(first.Package));
                counted++;
            }
        }

        return counted == 0 ? 0 : total / counted;
    }
}

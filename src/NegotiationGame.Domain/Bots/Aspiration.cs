using NegotiationGame.Domain.Negotiation;

namespace NegotiationGame.Domain.Bots;

/// <summary>The utility, in hundredths of a point, below which a bot will not go at this moment of the game.</summary>
internal static class Aspiration
{
    public static int Target(GameState state, int party, BotStrategy strategy)
    {
        var scenario = state.Scenario;
        var best = BestUtility(state, party);
        var floor = Math.Min(best, scenario.Profiles[party].ReservationHundredths);
        var time = scenario.Rounds <= 1 ? 1.0 : Math.Clamp((state.Round - 1) / (double)(scenario.Rounds - 1), 0, 1);
        var linear = TimeDependent(best, floor, time, exponent: 1);
        return strategy switch
        {
            BotStrategy.Boulware => TimeDependent(best, floor, time, exponent: 0.2),
            BotStrategy.Conceder => TimeDependent(best, floor, time, exponent: 3),
            BotStrategy.Linear => linear,
            _ => state.Round >= scenario.Rounds ? linear : Math.Max(floor, best - MeanConcessionToMe(state, party)),
        };
    }

    public static int BestUtility(GameState state, int party)
    {
        var table = state.Scenario.Utilities;
        var best = 0;
        foreach (var issue in state.Scenario.Issues)
        {
            var top = 0;
            for (var option = 0; option < issue.Options.Length; option++)
            {
                top = Math.Max(top, table.Cell(party, issue.Index, option));
            }

            best += top;
        }

        return best;
    }

    private static int TimeDependent(int best, int floor, double time, double exponent) =>
        floor + (int)Math.Round((best - floor) * (1 - Math.Pow(time, 1 / exponent)));

    /// <summary>
    /// How much, on average, each other party's latest offer to this party is worth more to it than that party's
    /// first one: the concession the others have made, measured in this party's own utility.
    /// </summary>
    private static int MeanConcessionToMe(GameState state, int party)
    {
        var table = state.Scenario.Utilities;
        var total = 0;
        var counted = 0;
        for (var other = 0; other < state.Scenario.Parties.Length; other++)
        {
            if (other == party)
            {
                continue;
            }

            Offer? first = null, latest = null;
            foreach (var offer in state.Offers)
            {
                if (offer.Proposer == other && offer.Addressees.Contains(party))
                {
                    first ??= offer;
                    latest = offer;
                }
            }

            if (first is not null && latest is not null && !ReferenceEquals(first, latest))
            {
                total += Math.Max(0, table.Utility(party, latest.Package) - table.Utility(party, first.Package));
                counted++;
            }
        }

        return counted == 0 ? 0 : total / counted;
    }
}

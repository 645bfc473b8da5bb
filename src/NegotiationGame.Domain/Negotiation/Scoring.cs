using System.Collections.Immutable;

namespace NegotiationGame.Domain.Negotiation;

/// <summary>
/// Final scores. With nothing binding, a party gets its reservation value (the war goes on). Otherwise it gets
/// its utility of the binding issues, with every other issue at its no-deal option, discounted by its per-round
/// factor for every round before the one in which the last of those issues became binding.
/// </summary>
public static class Scoring
{
    public static ImmutableArray<double> FinalScores(GameState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var scenario = state.Scenario;
        var binding = state.BindingPackage();
        var lastBoundRound = state.Settlements.Max(settlement => settlement?.BoundInRound ?? 0);
        var scores = ImmutableArray.CreateBuilder<double>(scenario.Parties.Length);
        foreach (var profile in scenario.Profiles)
        {
            if (binding.IsEmpty)
            {
                scores.Add(profile.Reservation);
                continue;
            }

            var utility = scenario.Utilities.Points(scenario.Utilities.Utility(profile.PartyIndex, binding));
            var discount = Math.Pow(profile.DiscountPerRound, Math.Max(0, lastBoundRound - 1));
            scores.Add(Math.Round(utility * discount, 2, MidpointRounding.AwayFromZero));
        }

        return scores.MoveToImmutable();
    }
}

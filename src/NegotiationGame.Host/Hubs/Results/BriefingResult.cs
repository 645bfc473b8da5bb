using System.Collections.Immutable;
using NegotiationGame.Domain.Scenarios;
using NegotiationGame.Grains;

namespace NegotiationGame.Host.Hubs.Results;

/// <summary>A seated player's role, readable from joining on, and the public scenario it plays in.</summary>
public sealed record BriefingResult(PartyBriefing Briefing, PublicScenario Scenario) : HubSuccess;

/// <summary>
/// What a party's paper brief would hand a student: who they are, the confidential briefing, the reservation value,
/// and the points of every option (weights in percent, values 0 to 100) with the red lines. Nothing about the game.
/// </summary>
public sealed record PartyBriefing(
    string GameId,
    string PartyId,
    string Name,
    string Leader,
    string ConfidentialBriefing,
    double Reservation,
    double DiscountPerRound,
    ImmutableDictionary<string, double> Weights,
    ImmutableDictionary<string, ImmutableDictionary<string, int>> Values,
    ImmutableArray<string> RedLines)
{
    public static PartyBriefing Of(string gameId, Scenario scenario, int party)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var profile = scenario.Profiles[party];
        return new PartyBriefing(
            gameId,
            scenario.Parties[party].Id,
            scenario.Parties[party].Name,
            scenario.Parties[party].Leader,
            profile.ConfidentialBriefing,
            profile.Reservation,
            profile.DiscountPerRound,
            PartyProfiles.Weights(scenario, party),
            PartyProfiles.Values(scenario, party),
            PartyProfiles.RedLines(scenario, party));
    }
}

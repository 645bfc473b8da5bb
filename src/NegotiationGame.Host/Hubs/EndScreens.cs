using System.Collections.Immutable;
using NegotiationGame.Contracts.Games;
using NegotiationGame.Domain.Scenarios;
using NegotiationGame.Host.Hubs.Results;

namespace NegotiationGame.Host.Hubs;

/// <summary>
/// A player's end screen as a projection of the instructor's debrief: their own figures always, the other parties'
/// confidential material only when <c>revealBriefings</c> holds, and never a message or an offer of any game.
/// </summary>
public static class EndScreens
{
    public static EndScreenResult Of(
        DebriefResult debrief, Scenario scenario, string partyId, bool revealBriefings, IEnumerable<GameSummary> classGames)
    {
        ArgumentNullException.ThrowIfNull(debrief);
        ArgumentNullException.ThrowIfNull(scenario);
        var outcome = debrief.Outcome;
        ImmutableArray<RevealedParty> others = revealBriefings
            ? [.. scenario.Profiles
                .Select(profile => (Party: scenario.Parties[profile.PartyIndex], Profile: profile))
                .Where(pair => pair.Party.Id != partyId)
                .OrderBy(pair => pair.Party.Index)
                .Select(pair => new RevealedParty(pair.Party.Id, pair.Profile.Reservation, pair.Profile.ConfidentialBriefing))]
            : [];
        var analysis = revealBriefings
            ? new EndScreenAnalysis(debrief.Frontier, debrief.Nash, outcome.Utilities, outcome.ParetoOptimal, outcome.DistanceToNash)
            : null;
        return new EndScreenResult(
            debrief.GameId,
            partyId,
            debrief.Scenario,
            outcome.Ended,
            outcome.Scores[partyId],
            debrief.Reservations[partyId],
            [.. scenario.Issues.Where(issue => outcome.Binding.ContainsKey(issue.Id)).Select(issue => new BoundOption(issue.Id, outcome.Binding[issue.Id]))],
            outcome.Scores,
            outcome.Welfare,
            revealBriefings,
            others,
            analysis,
            [.. classGames
                .Where(game => game.Phase == nameof(Domain.Negotiation.GamePhase.Ended) && game.Scores.ContainsKey(partyId))
                .Select(game => new ClassGameOutcome(game.GameId, game.GameId == debrief.GameId, game.Scores[partyId], game.Scores.Values.Sum()))]);
    }
}

using System.Collections.Immutable;
using NegotiationGame.Contracts;
using NegotiationGame.Domain.Analytics;
using NegotiationGame.Domain.Negotiation.Events;
using NegotiationGame.Domain.Scenarios;
using NegotiationGame.EventLog;
using NegotiationGame.Host.Scenarios;
using NegotiationGame.Host.Hubs.Results;
using NegotiationGame.Storage;

namespace NegotiationGame.Host.Hubs;

/// <summary>
/// The instructor's debrief of one game: the whole log, every offer with every party's utility of it (the
/// "negotiation dance"), the Pareto frontier with the Nash, Kalai–Smorodinsky and max-welfare points, and how the
/// outcome compares with them. Analytics are computed once per scenario and kept (<see cref="ScenarioAnalyses"/>).
/// </summary>
public sealed class DebriefBuilder(ScenarioAnalyses analyses)
{
    public DebriefResult Build(string gameId, IReadOnlyList<LoggedEvent> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var record = GameRecord.Replay(log);
        var scenario = record.Header.Scenario;
        var analysis = analyses.For(record.Header.ScenarioJson, scenario);
        var debrief = GameDebrief.Of(record, analysis);
        return new DebriefResult(
            gameId,
            PublicScenario.Of(scenario),
            scenario.Profiles.ToImmutableDictionary(profile => scenario.Parties[profile.PartyIndex].Id, profile => profile.Reservation),
            [.. log.Where(entry => entry.Type != GameCreated.TypeName).Select(entry => Relay.Audience.Message(gameId, entry, readable: true))],
            Offers(record, log),
            [.. Enumerable.Range(0, analysis.Frontier.Count).Select(point => Utilities(scenario, analysis.Frontier.Utilities(point).ToArray()))],
            Point(scenario, analysis.Nash),
            Point(scenario, analysis.KalaiSmorodinsky),
            Point(scenario, analysis.MaxWelfare),
            new DebriefOutcome(
                Options(scenario, debrief.Binding),
                scenario.Parties.ToImmutableDictionary(party => party.Id, party => debrief.Scores[party.Index]),
                Utilities(scenario, [.. debrief.Assessment.Utilities]),
                debrief.Scores.Sum(),
                debrief.Assessment.IsParetoOptimal,
                debrief.Assessment.DistanceToFrontier,
                debrief.Assessment.DistanceToNash,
                record.State.EndReason?.ToString()));
    }

    /// <summary>
    /// Every offer, with when it was tabled and what it is worth to each party (open issues at no deal). Offers are
    /// numbered in the order they were tabled, so the n-th OfferTabled entry of the log is offer n.
    /// </summary>
    private static ImmutableArray<DebriefOffer> Offers(GameRecord record, IReadOnlyList<LoggedEvent> log)
    {
        var scenario = record.Header.Scenario;
        var tabled = log.Where(entry => entry.Type == nameof(OfferTabled));
        return [.. record.State.Offers.Zip(tabled, (offer, entry) => new DebriefOffer(
            offer.Id,
            entry.Sequence,
            entry.At,
            offer.TabledInRound,
            scenario.Parties[offer.Proposer].Id,
            Options(scenario, offer.Package),
            scenario.Parties.ToImmutableDictionary(party => party.Id, party => scenario.Utilities.Points(scenario.Utilities.Utility(party.Index, offer.Package))),
            offer.Status.ToString()))];
    }

    private static DebriefPoint? Point(Scenario scenario, RankedOutcome? outcome) => outcome is null
        ? null
        : new DebriefPoint(Options(scenario, outcome.Package), Utilities(scenario, [.. outcome.Utilities]));

    private static ImmutableDictionary<string, double> Utilities(Scenario scenario, int[] units) =>
        scenario.Parties.ToImmutableDictionary(party => party.Id, party => scenario.Utilities.Points(units[party.Index]));

    private static ImmutableDictionary<string, string> Options(Scenario scenario, Domain.Outcomes.Package package) =>
        package.Issues().ToImmutableDictionary(issue => scenario.Issues[issue].Id, issue => scenario.Issues[issue].Options[package.OptionOf(issue)].Id);
}

using System.Collections.Concurrent;
using NegotiationGame.Contracts;
using NegotiationGame.Domain.Analytics;
using NegotiationGame.Domain.Negotiation.Events;
using NegotiationGame.Domain.Scenarios;
using NegotiationGame.EventLog;

namespace NegotiationGame.Host.Hubs;

/// <summary>
/// The instructor's debrief of one game: the whole log, every offer with every party's utility of it (the
/// "negotiation dance"), the Pareto frontier with the Nash, Kalai–Smorodinsky and max-welfare points, and how the
/// outcome compares with them. Analytics are computed once per scenario and kept.
/// </summary>
public sealed class DebriefBuilder
{
    private readonly ConcurrentDictionary<string, ScenarioAnalysis> _analyses = new(StringComparer.Ordinal);

    public object Build(string gameId, IReadOnlyList<LoggedEvent> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var record = GameRecord.Replay(log);
        var scenario = record.Header.Scenario;
        var analysis = _analyses.GetOrAdd(record.Header.ScenarioJson, _ => ScenarioAnalysis.Analyze(scenario));
        var debrief = GameDebrief.Of(record, analysis);
        return new
        {
            ok = true,
            gameId,
            scenario = ScenarioView.Of(scenario),
            reservations = scenario.Profiles.ToDictionary(profile => scenario.Parties[profile.PartyIndex].Id, profile => profile.Reservation),
            events = log.Where(entry => entry.Type != GameCreated.TypeName).Select(entry => Relay.Audience.Message(gameId, entry, readable: true)),
            offers = Offers(record, log),
            frontier = Enumerable.Range(0, analysis.Frontier.Count).Select(point => Utilities(scenario, analysis.Frontier.Utilities(point).ToArray())),
            nash = Point(scenario, analysis.Nash),
            kalaiSmorodinsky = Point(scenario, analysis.KalaiSmorodinsky),
            maxWelfare = Point(scenario, analysis.MaxWelfare),
            outcome = new
            {
                binding = Options(scenario, debrief.Binding),
                scores = scenario.Parties.ToDictionary(party => party.Id, party => debrief.Scores[party.Index]),
                utilities = Utilities(scenario, [.. debrief.Assessment.Utilities]),
                welfare = debrief.Scores.Sum(),
                paretoOptimal = debrief.Assessment.IsParetoOptimal,
                distanceToFrontier = debrief.Assessment.DistanceToFrontier,
                distanceToNash = debrief.Assessment.DistanceToNash,
                ended = record.State.EndReason?.ToString(),
            },
        };
    }

    /// <summary>
    /// Every offer, with when it was tabled and what it is worth to each party (open issues at no deal). Offers are
    /// numbered in the order they were tabled, so the n-th OfferTabled entry of the log is offer n.
    /// </summary>
    private static IEnumerable<object> Offers(GameRecord record, IReadOnlyList<LoggedEvent> log)
    {
        var scenario = record.Header.Scenario;
        var tabled = log.Where(entry => entry.Type == nameof(OfferTabled));
        return record.State.Offers.Zip(tabled, (offer, entry) => new
        {
            offerId = offer.Id,
            sequence = entry.Sequence,
            at = entry.At,
            round = offer.TabledInRound,
            proposer = scenario.Parties[offer.Proposer].Id,
            package = Options(scenario, offer.Package),
            utilities = scenario.Parties.ToDictionary(party => party.Id, party => scenario.Utilities.Utility(party.Index, offer.Package) / 100.0),
            status = offer.Status.ToString(),
        });
    }

    private static object? Point(Scenario scenario, RankedOutcome? outcome) => outcome is null
        ? null
        : new { options = Options(scenario, outcome.Package), utilities = Utilities(scenario, [.. outcome.Utilities]) };

    private static Dictionary<string, double> Utilities(Scenario scenario, int[] hundredths) =>
        scenario.Parties.ToDictionary(party => party.Id, party => hundredths[party.Index] / 100.0);

    private static Dictionary<string, string> Options(Scenario scenario, Domain.Outcomes.Package package) =>
        package.Issues().ToDictionary(issue => scenario.Issues[issue].Id, issue => scenario.Issues[issue].Options[package.OptionOf(issue)].Id);
}

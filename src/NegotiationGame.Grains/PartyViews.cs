using System.Collections.Immutable;
using NegotiationGame.Contracts.Games;
using NegotiationGame.Domain.Bots;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Outcomes;
using NegotiationGame.EventLog;

namespace NegotiationGame.Grains;

/// <summary>Projects a game's state onto what one party may see.</summary>
internal static class PartyViews
{
    public static PartyView Of(string gameId, GameRecord record, int party)
    {
        var state = record.State;
        var scenario = state.Scenario;
        var profile = scenario.Profiles[party];
        var inbox = state.Offers
            .Where(offer => offer.Status == OfferStatus.Open && offer.Proposer != party && ConsentRules.MayAccept(state, offer).Contains(party))
            .Select(offer => new OfferView(
                offer.Id,
                scenario.Parties[offer.Proposer].Id,
                PackageIds(record, offer.Package),
                PartyIds(record, offer.Addressees),
                PartyIds(record, offer.Accepted),
                scenario.Utilities.Points(scenario.Utilities.Utility(party, offer.Package)),
                scenario.Utilities.CrossesRedLine(party, offer.Package),
                ConsentRules.NeededToConclude(state, offer).Contains(party) && !offer.Accepted.Contains(party)))
            .ToImmutableArray();
        var awaiting = state.Settlements
            .Select((settlement, issue) => (settlement, issue))
            .Where(pair => pair.settlement is { IsBinding: false } s && !s.Signatories.Contains(party) &&
                           scenario.Issues[pair.issue].RequiredSignatories(s.Option).Contains(party))
            .Select(pair => pair.settlement!.AgreementId)
            .Distinct()
            .Order()
            .ToImmutableArray();
        return new PartyView(
            gameId,
            scenario.Parties[party].Id,
            scenario.Parties[party].Name,
            scenario.Parties[party].Leader,
            profile.ConfidentialBriefing,
            profile.Reservation,
            profile.DiscountPerRound,
            PartyProfiles.Weights(scenario, party),
            PartyProfiles.Values(scenario, party),
            PartyProfiles.RedLines(scenario, party),
            inbox,
            awaiting,
            scenario.Utilities.Points(scenario.Utilities.Utility(party, state.BindingPackage())),
            record.Bots[party] is { } bot ? BotStrategyNames.ToName(bot) : null,
            Settlements(record));
    }

    private static ImmutableArray<SettlementView> Settlements(GameRecord record)
    {
        var scenario = record.Header.Scenario;
        var settlements = ImmutableArray.CreateBuilder<SettlementView>();
        foreach (var issue in scenario.Issues)
        {
            if (record.State.Settlements[issue.Index] is { } settlement)
            {
                settlements.Add(new SettlementView(
                    issue.Id,
                    issue.Options[settlement.Option].Id,
                    settlement.AgreementId,
                    settlement.IsBinding,
                    PartyIds(record, settlement.Signatories),
                    PartyIds(record, issue.RequiredSignatories(settlement.Option).Except(settlement.Signatories))));
            }
        }

        return settlements.ToImmutable();
    }

    private static ImmutableDictionary<string, string> PackageIds(GameRecord record, Package package)
    {
        var issues = record.Header.Scenario.Issues;
        return package.Issues().ToImmutableDictionary(issue => issues[issue].Id, issue => issues[issue].Options[package.OptionOf(issue)].Id);
    }

    private static ImmutableArray<string> PartyIds(GameRecord record, PartySet parties) =>
        [.. parties.Indices().Select(party => record.Header.Scenario.Parties[party].Id)];
}

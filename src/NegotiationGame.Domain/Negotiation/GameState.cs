using System.Collections.Immutable;
using NegotiationGame.Domain.Outcomes;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Domain.Negotiation;

/// <summary>
/// Everything the rules need to decide the next command, and nothing else. Immutable: <see cref="GameRules.Apply"/>
/// returns a new state, so any earlier state stays valid for replay and for "what if" questions.
/// </summary>
public sealed record GameState(
    Scenario Scenario,
    GamePhase Phase,
    int Round,
    OfferList Offers,
    ImmutableArray<IssueAgreement?> Settlements,
    PartySet WalkedAway,
    GameEndReason? EndReason,
    ImmutableArray<double> FinalScores,
    GameTiming Timing,
    GameClock Clock,
    ImmutableList<NewsItem> News,
    ImmutableList<ScheduledNews> ScheduledNews)
{
    public static GameState Start(Scenario scenario, GameTiming? timing = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new GameState(
            scenario,
            GamePhase.Lobby,
            Round: 0,
            Offers: OfferList.Empty,
            Settlements: [.. Enumerable.Repeat<IssueAgreement?>(null, scenario.Issues.Length)],
            WalkedAway: PartySet.Empty,
            EndReason: null,
            FinalScores: [],
            Timing: timing ?? GameTiming.Manual,
            Clock: GameClock.Stopped,
            News: [],
            ScheduledNews: []);
    }

    /// <summary>Offers are numbered from 1 in the order they were tabled.</summary>
    public Offer? FindOffer(int offerId) => offerId >= 1 && offerId <= Offers.Count ? Offers[offerId - 1] : null;

    /// <summary>The issues that bind now, at their agreed options.</summary>
    public Package BindingPackage() => BindingPackage(Settlements);

    /// <summary>The issues that bind under <paramref name="settlements"/>, at their agreed options.</summary>
    public static Package BindingPackage(ImmutableArray<IssueAgreement?> settlements)
    {
        var package = Package.Empty;
        for (var issue = 0; issue < settlements.Length; issue++)
        {
            if (settlements[issue] is { IsBinding: true } settlement)
            {
                package = package.With(issue, settlement.Option);
            }
        }

        return package;
    }
}

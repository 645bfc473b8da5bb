using System.Collections.Immutable;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Outcomes;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Domain.Bots;

/// <summary>
/// Everything a bot may know when it decides: the public rules (parties, issues, who must sign what, the number of
/// rounds), the public record of the game (offers, who accepted them, what is settled), and its own preferences.
/// It holds no scenario and no other party's profile, so a bot cannot use what a player could not see.
/// </summary>
public sealed record BotView(
    int Self,
    OwnPreferences Preferences,
    ImmutableArray<Party> Parties,
    ImmutableArray<Issue> Issues,
    int Rounds,
    GamePhase Phase,
    int Round,
    OfferList Offers,
    ImmutableArray<IssueAgreement?> Settlements,
    PartySet WalkedAway)
{
    public static BotView Of(GameState state, int party)
    {
        ArgumentNullException.ThrowIfNull(state);
        var scenario = state.Scenario;
        return new BotView(
            party,
            OwnPreferences.Of(scenario, party),
            scenario.Parties,
            scenario.Issues,
            scenario.Rounds,
            state.Phase,
            state.Round,
            state.Offers,
            state.Settlements,
            state.WalkedAway);
    }

    /// <summary>The other parties still at the table.</summary>
    public PartySet Others => PartySet.All(Parties.Length).Except(WalkedAway).Except(PartySet.Of(Self));

    /// <summary>The game's time from 0 in the first round to 1 in the last, for a given round.</summary>
    public double TimeAt(int round) => Rounds <= 1 ? 1.0 : Math.Clamp((round - 1) / (double)(Rounds - 1), 0, 1);

    public Package BindingPackage() => GameState.BindingPackage(Settlements);

    public PartySet NeededToConclude(Offer offer) => ConsentRules.NeededToConclude(Settlements, offer);

    public PartySet MayAccept(Offer offer) => ConsentRules.MayAccept(Issues, Settlements, offer);

    /// <summary>What this party would get if <paramref name="package"/> bound on top of everything that binds now.</summary>
    public int ValueIfBinding(Package package)
    {
        var combined = BindingPackage();
        foreach (var issue in package.Issues())
        {
            combined = combined.With(issue, package.OptionOf(issue));
        }

        return Preferences.Utility(combined);
    }
}

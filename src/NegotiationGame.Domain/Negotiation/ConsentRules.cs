using System.Collections.Immutable;
using NegotiationGame.Domain.Outcomes;
using NegotiationGame.Domain.Scenarios;

namespace NegotiationGame.Domain.Negotiation;

/// <summary>Who must agree to what: the scenario's consent rules and the amendment rule.</summary>
public static class ConsentRules
{
    /// <summary>Parties whose signature every issue of the package needs to bind.</summary>
    public static PartySet RequiredSignatories(Scenario scenario, Package package)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return RequiredSignatories(scenario.Issues, package);
    }

    /// <inheritdoc cref="RequiredSignatories(Scenario, Package)"/>
    public static PartySet RequiredSignatories(ImmutableArray<Issue> issues, Package package)
    {
        var required = PartySet.Empty;
        foreach (var issue in package.Issues())
        {
            required = required.Union(issues[issue].RequiredSignatories(package.OptionOf(issue)));
        }

        return required;
    }

    /// <summary>
    /// Signatories of earlier agreements that the package would change: an agreement is amended only with the
    /// consent of those who signed it.
    /// </summary>
    public static PartySet AmendmentConsent(GameState state, Package package)
    {
        ArgumentNullException.ThrowIfNull(state);
        return AmendmentConsent(state.Settlements, package);
    }

    /// <inheritdoc cref="AmendmentConsent(GameState, Package)"/>
    public static PartySet AmendmentConsent(ImmutableArray<IssueAgreement?> settlements, Package package)
    {
        var consent = PartySet.Empty;
        foreach (var issue in package.Issues())
        {
            if (settlements[issue] is { } settlement && settlement.Option != package.OptionOf(issue))
            {
                consent = consent.Union(settlement.Signatories);
            }
        }

        return consent;
    }

    /// <summary>Parties whose acceptance the offer still needs before it becomes an agreement.</summary>
    public static PartySet NeededToConclude(GameState state, Offer offer)
    {
        ArgumentNullException.ThrowIfNull(state);
        return NeededToConclude(state.Settlements, offer);
    }

    /// <inheritdoc cref="NeededToConclude(GameState, Offer)"/>
    public static PartySet NeededToConclude(ImmutableArray<IssueAgreement?> settlements, Offer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return offer.Addressees.Union(AmendmentConsent(settlements, offer.Package)).With(offer.Proposer);
    }

    /// <summary>Parties that may accept the offer: those it needs, and the required signatories of its issues.</summary>
    public static PartySet MayAccept(GameState state, Offer offer)
    {
        ArgumentNullException.ThrowIfNull(state);
        return MayAccept(state.Scenario.Issues, state.Settlements, offer);
    }

    /// <inheritdoc cref="MayAccept(GameState, Offer)"/>
    public static PartySet MayAccept(ImmutableArray<Issue> issues, ImmutableArray<IssueAgreement?> settlements, Offer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return NeededToConclude(settlements, offer).Union(RequiredSignatories(issues, offer.Package));
    }

    /// <summary>
    /// The issues of the package that bind once <paramref name="signatories"/> have signed it. Where an earlier
    /// agreement already settled an issue on the same option, its signatures count too.
    /// </summary>
    public static ushort BindingIssues(GameState state, Package package, PartySet signatories)
    {
        ArgumentNullException.ThrowIfNull(state);
        var mask = 0;
        foreach (var issue in package.Issues())
        {
            var option = package.OptionOf(issue);
            if (SignatoriesOf(state, issue, option, signatories).IsSupersetOf(state.Scenario.Issues[issue].RequiredSignatories(option)))
            {
                mask |= 1 << issue;
            }
        }

        return (ushort)mask;
    }

    /// <summary>Who stands behind <paramref name="option"/> on an issue once a new agreement with <paramref name="signatories"/> settles it.</summary>
    public static PartySet SignatoriesOf(GameState state, int issue, int option, PartySet signatories)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Settlements[issue] is { } settlement && settlement.Option == option
            ? signatories.Union(settlement.Signatories)
            : signatories;
    }
}

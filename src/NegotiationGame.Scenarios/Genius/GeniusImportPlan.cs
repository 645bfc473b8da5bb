using System.Collections.Immutable;

namespace NegotiationGame.Scenarios.Genius;

/// <summary>Everything the scenario file is written from: the domain, the ids chosen, each party's converted numbers.</summary>
internal sealed record GeniusImportPlan(
    string ScenarioId,
    string DomainTitle,
    GeniusFile DomainFile,
    int Rounds,
    ImmutableArray<GeniusImportPlan.ImportedIssue> Issues,
    ImmutableArray<GeniusImportPlan.ImportedParty> Parties)
{
    /// <summary>
    /// The option an open issue counts at. GENIUS has no partial agreements (a deal settles every issue or
    /// nothing), so the open issue takes the option the parties value least in total (the first such option on
    /// a tie): a partial deal should not hand anyone a gift GENIUS would not.
    /// </summary>
    public int NoDealOption(int issue)
    {
        var options = Issues[issue].OptionIds.Length;
        return Enumerable.Range(0, options)
            .OrderBy(option => Parties.Sum(party => party.Conversion.Values[issue][option]))
            .ThenBy(option => option)
            .First();
    }

    internal sealed record ImportedIssue(string Id, GeniusIssue Source, ImmutableArray<string> OptionIds);

    internal sealed record ImportedParty(string Id, string Name, GeniusFile File, GeniusPartyConversion Conversion);
}

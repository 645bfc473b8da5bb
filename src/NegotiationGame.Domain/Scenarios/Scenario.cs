using System.Collections.Immutable;
using System.Numerics;

namespace NegotiationGame.Domain.Scenarios;

/// <summary>
/// A validated, immutable scenario. Only <see cref="ScenarioLoader"/> builds one, so every index in it is in range
/// and every cross-reference resolves.
/// </summary>
public sealed class Scenario
{
    internal Scenario(
        string id,
        string title,
        string summary,
        string publicBackground,
        int rounds,
        ImmutableArray<Party> parties,
        ImmutableArray<Issue> issues,
        ImmutableArray<PartyProfile> profiles)
    {
        Id = id;
        Title = title;
        Summary = summary;
        PublicBackground = publicBackground;
        Rounds = rounds;
        Parties = parties;
        Issues = issues;
        Profiles = profiles;
        Utilities = new UtilityTable(parties.Length, issues, profiles);
    }

    public string Id { get; }

    public string Title { get; }

    public string Summary { get; }

    public string PublicBackground { get; }

    /// <summary>Number of negotiation rounds; the end of the last one is the final deadline.</summary>
    public int Rounds { get; }

    public ImmutableArray<Party> Parties { get; }

    public ImmutableArray<Issue> Issues { get; }

    /// <summary>One profile per party, at the party's index.</summary>
    public ImmutableArray<PartyProfile> Profiles { get; }

    public UtilityTable Utilities { get; }

    /// <summary>
    /// Number of complete outcomes: the product of every issue's option count, exact (16 issues of 16 options make
    /// 2^64, one more than an unsigned 64-bit count holds).
    /// </summary>
    public BigInteger OutcomeCount
    {
        get
        {
            var count = BigInteger.One;
            foreach (var issue in Issues)
            {
                count *= issue.Options.Length;
            }

            return count;
        }
    }

    public int PartyIndexOf(string partyId)
    {
        foreach (var party in Parties)
        {
            if (party.Id == partyId)
            {
                return party.Index;
            }
        }

        return -1;
    }

    public int IssueIndexOf(string issueId)
    {
        foreach (var issue in Issues)
        {
            if (issue.Id == issueId)
            {
                return issue.Index;
            }
        }

        return -1;
    }
}

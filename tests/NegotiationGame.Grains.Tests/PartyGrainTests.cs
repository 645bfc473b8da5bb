using System.Collections.Immutable;
using NegotiationGame.Contracts.Commands;
using NegotiationGame.Contracts.Games;
using NegotiationGame.Storage;

namespace NegotiationGame.Grains.Tests;

public sealed class PartyGrainTests : IAsyncLifetime
{
    private GameCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await GameCluster.StartAsync(new InMemoryEventStore());
        await _cluster.CreateAsync("party-1", seed: 1, bots: []);
        await _cluster.ExecuteAsync("party-1", Actors.Instructor, new StartNegotiationBody());
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_party_sees_its_own_briefing_and_profile()
    {
        var view = await Party("ukraine").GetView();

        Assert.Equal(("Ukraine", 50.0), (view.Name, view.Reservation));
        Assert.Contains("Ukraine", view.ConfidentialBriefing, StringComparison.Ordinal);
        Assert.Equal(100, view.Weights.Values.Sum());
        Assert.Contains("nato/neutrality", view.RedLines);
        Assert.Null(view.Bot);
    }

    [Fact]
    public async Task Commands_act_for_the_party_and_land_in_the_inbox_of_those_who_must_answer()
    {
        var offer = new TableOfferBody(ImmutableDictionary<string, string>.Empty.Add("crimea", "recognised"), ["russia"], null);

        var outcome = await Party("us").Act(Guid.NewGuid(), offer);

        Assert.True(outcome.Accepted);
        var russia = Assert.Single((await Party("russia").GetView()).Inbox);
        Assert.Equal(("us", true), (russia.Proposer, russia.NeedsMyAnswer));
        // Ukraine must sign anything on Crimea: it sees the offer, may accept it, but need not answer it, and is warned.
        var ukraine = Assert.Single((await Party("ukraine").GetView()).Inbox);
        Assert.Equal((false, true), (ukraine.NeedsMyAnswer, ukraine.CrossesMyRedLine));
        Assert.Empty((await Party("eu").GetView()).Inbox);
    }

    [Fact]
    public async Task The_agreements_board_shows_what_is_provisional_and_who_still_must_sign()
    {
        await Party("us").Act(Guid.NewGuid(), new TableOfferBody(ImmutableDictionary<string, string>.Empty.Add("crimea", "recognised").Add("sanctions", "lifted"), ["russia"], null));
        await Party("russia").Act(Guid.NewGuid(), new AcceptOfferBody(1));

        var board = (await Party("eu").GetView()).Settlements;

        var crimea = Assert.Single(board, s => s.IssueId == "crimea");
        Assert.Equal(("recognised", false, 1), (crimea.OptionId, crimea.Binding, crimea.AgreementId));
        Assert.Equal(["us", "russia"], crimea.Signatories.ToArray());
        Assert.Equal(["ukraine"], crimea.StillMustSign.ToArray());
        Assert.Equal(["eu"], Assert.Single(board, s => s.IssueId == "sanctions").StillMustSign.ToArray());
    }

    [Fact]
    public async Task Several_seats_of_a_team_acting_at_once_are_decided_one_at_a_time()
    {
        var team = Enumerable.Range(0, 4).Select(_ => Party("eu").Act(Guid.NewGuid(), new TableOfferBody(
            ImmutableDictionary<string, string>.Empty.Add("european-role", "signatory"), ["us"], null)));

        var outcomes = await Task.WhenAll(team);

        // Each command got its own place in the log: sequences 3 to 6 after the creation and the start.
        Assert.All(outcomes, outcome => Assert.True(outcome.Accepted));
        Assert.Equal([3L, 4L, 5L, 6L], outcomes.Select(o => o.LastSequence).Order());
        Assert.Equal(4, (await Party("us").GetView()).Inbox.Length);
    }

    private IPartyGrain Party(string partyId) => _cluster.Client.GetGrain<IPartyGrain>(PartyKeys.Of("party-1", partyId));
}

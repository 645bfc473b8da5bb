using System.Text.Json.Nodes;
using NegotiationGame.Contracts.Classes;
using NegotiationGame.Scenarios;
using NegotiationGame.Storage;
using NegotiationGame.Storage.Sqlite;
using NegotiationGame.Tests;

namespace NegotiationGame.Grains.Tests;

public sealed class ClassSessionGrainTests : SqliteClusterTest
{
    private static readonly string[] BadNames = ["Ada\\nLovelace", "Ada\\u0000", "\\u202Eadmin", new string('A', 41)];

    [Fact]
    public async Task A_class_has_a_lobby_code_and_a_code_for_every_role_of_every_game()
    {
        var summary = await CreateAsync("class-a", games: 3);

        Assert.Equal(["class-a-01", "class-a-02", "class-a-03"], summary.GameIds.ToArray());
        Assert.Equal(1 + (3 * 4), summary.JoinCodes.Length);
        Assert.Single(summary.JoinCodes, code => code.GameId is null);
        Assert.Equal(summary.JoinCodes.Length, summary.JoinCodes.Select(code => code.Code).Distinct().Count());
    }

    [Fact]
    public async Task Students_join_by_role_code_or_are_spread_over_open_roles_by_the_lobby_code()
    {
        var summary = await CreateAsync("class-b", games: 2);
        var russiaInGame2 = summary.JoinCodes.Single(code => code.GameId == "class-b-02" && code.PartyId == "russia");
        var lobby = summary.JoinCodes.Single(code => code.GameId is null);

        var byRole = await Class("class-b").Join(russiaInGame2.Code.ToLowerInvariant(), "Ada", Guid.NewGuid());
        var byLobby = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Class("class-b").Join(lobby.Code, $"Student {i}", Guid.NewGuid())));

        Assert.Equal(("class-b-02", "russia"), (byRole.Seat!.GameId, byRole.Seat.PartyId));
        var roster = (await Class("class-b").GetSummary()).Roster;
        Assert.Equal(9, roster.Length);
        // Eight roles, nine students: every role has one, and one role (the first) has two.
        Assert.All(roster.GroupBy(seat => (seat.GameId, seat.PartyId)), role => Assert.InRange(role.Count(), 1, 2));
        Assert.Equal(8, roster.Select(seat => (seat.GameId, seat.PartyId)).Distinct().Count());
    }

    [Fact]
    public async Task Joining_again_with_the_same_seat_is_idempotent_and_bad_input_is_refused()
    {
        var summary = await CreateAsync("class-c", games: 1);
        var code = summary.JoinCodes[1].Code;
        var seatId = Guid.NewGuid();

        var first = await Class("class-c").Join(code, "Grace", seatId);
        var again = await Class("class-c").Join(code, "Grace", seatId);
        var unknown = await Class("class-c").Join("ZZZZZZ", "Alan", Guid.NewGuid());
        var nameless = await Class("class-c").Join(code, "   ", Guid.NewGuid());

        Assert.Equal(first.Seat, again.Seat);
        Assert.NotNull(first.SeatSecret);
        Assert.Null(again.SeatSecret);
        Assert.Single((await Class("class-c").GetSummary()).Roster);
        Assert.Equal("UnknownCode", unknown.ErrorCode);
        Assert.Equal("InvalidName", nameless.ErrorCode);
    }

    [Fact]
    public async Task Starting_fills_every_empty_role_with_a_bot_and_opens_the_games()
    {
        var summary = await CreateAsync("class-d", games: 2);
        var ukraine = summary.JoinCodes.Single(code => code.GameId == "class-d-01" && code.PartyId == "ukraine");
        var seat = (await Class("class-d").Join(ukraine.Code, "Volodymyr", Guid.NewGuid())).Seat!;
        await Class("class-d").AssignRole(seat.SeatId, "class-d-01", "eu");

        var started = await Class("class-d").Start("conceder");
        var again = await Class("class-d").Start("conceder");

        Assert.True(started.Started);
        Assert.Equal(7, started.Bots.Count);
        Assert.DoesNotContain("class-d-01/eu", started.Bots.Keys);
        Assert.Equal(started.Bots, again.Bots);
        var game1 = await Cluster.Game("class-d-01").GetSummary();
        Assert.Equal("Negotiation", game1.Phase);
        Assert.Null((await Cluster.Game("class-d-01").GetPartyView("eu")).Bot);
        Assert.Equal("conceder", (await Cluster.Game("class-d-01").GetPartyView("us")).Bot);
        Assert.Equal("ClassStarted", (await Class("class-d").Join(ukraine.Code, "Late", Guid.NewGuid())).ErrorCode);
    }

    [Fact]
    public async Task A_class_survives_a_restart_of_the_silos()
    {
        var summary = await CreateAsync("class-e", games: 1);
        await Class("class-e").Join(summary.JoinCodes[0].Code, "Kofi", Guid.NewGuid());
        await RestartAsync();

        var restored = await Class("class-e").GetSummary();
        Assert.Equal("Kofi", Assert.Single(restored.Roster).DisplayName);
        Assert.Equal(summary.JoinCodes.ToArray(), restored.JoinCodes.ToArray());
    }

    [Fact]
    public async Task The_briefing_reveal_starts_open_is_kept_apart_from_the_channel_reveal_and_survives_a_restart()
    {
        var created = await CreateAsync("class-briefs", games: 1);
        Assert.True(created.RevealBriefingsAfterEnd);

        var closed = await Class("class-briefs").SetBriefingRevealPolicy(false);
        Assert.False(closed.RevealBriefingsAfterEnd);
        Assert.True(closed.RevealPrivateAfterEnd);
        await Class("class-briefs").SetRevealPolicy(false);
        await RestartAsync();

        var restored = await Class("class-briefs").GetSummary();
        Assert.False(restored.RevealBriefingsAfterEnd);
        Assert.False(restored.RevealPrivateAfterEnd);
        Assert.True((await Class("class-briefs").SetBriefingRevealPolicy(true)).RevealBriefingsAfterEnd);
    }

    [Fact]
    public async Task A_full_team_and_a_class_with_every_team_full_refuse_more_students_with_ClassFull()
    {
        var summary = await Class("class-f").Create(new CreateClassRequest("Seminar", BundledScenarios.FindJson("ukraine-2025")!, 1, 0, 0, Seed: 7, MaxSeatsPerRole: 2));
        var us = summary.JoinCodes.Single(code => code.PartyId == "us");
        var lobby = summary.JoinCodes.Single(code => code.GameId is null);

        var team = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => Class("class-f").Join(us.Code, $"US {i}", Guid.NewGuid())));
        var byLobby = await Task.WhenAll(Enumerable.Range(0, 7).Select(i => Class("class-f").Join(lobby.Code, $"Lobby {i}", Guid.NewGuid())));
        // The joins race, so which lobby join was refused varies: move one that was seated.
        var moved = await Class("class-f").AssignRole(byLobby.First(outcome => outcome.Seat is not null).Seat!.SeatId, "class-f-01", "us");

        Assert.Equal(2, team.Count(outcome => outcome.Seat is not null));
        Assert.Equal("ClassFull", Assert.Single(team, outcome => outcome.Seat is null).ErrorCode);
        Assert.Equal(6, byLobby.Count(outcome => outcome.Seat is not null));
        Assert.Equal("ClassFull", Assert.Single(byLobby, outcome => outcome.Seat is null).ErrorCode);
        Assert.Equal("ClassFull", moved.ErrorCode);
        var roster = (await Class("class-f").GetSummary()).Roster;
        Assert.Equal(8, roster.Length);
        Assert.All(roster.GroupBy(seat => seat.PartyId), role => Assert.Equal(2, role.Count()));
    }

    [Theory]
    [InlineData("", 5)]
    [InlineData("Seminar", 0)]
    [InlineData("Seminar", 51)]
    [InlineData("Line one\nline two", 5)]
    [InlineData("Bell \u0007", 5)]
    public async Task A_class_with_a_title_or_team_size_out_of_bounds_is_not_created(string title, int seats)
    {
        var classId = $"class-bad-{Guid.NewGuid():N}";
        var request = new CreateClassRequest(System.Text.RegularExpressions.Regex.Unescape(title), BundledScenarios.FindJson("ukraine-2025")!, 1, 0, 0, Seed: 7, MaxSeatsPerRole: seats);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Class(classId).Create(request));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Class(classId).Create(request with { Title = new string('T', 121), MaxSeatsPerRole = 5 }));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Class(classId).Create(request with { Title = "Seminar", MaxSeatsPerRole = 5, RoundSeconds = 86_401 }));
        Assert.Empty(await Store.ReadAsync(NegotiationGame.Storage.EventStreams.Class(classId), 0, 10));
    }

    [Fact]
    public async Task Names_with_control_or_direction_characters_are_refused()
    {
        var summary = await CreateAsync("class-g", games: 1);
        var code = summary.JoinCodes[0].Code;

        var outcomes = await Task.WhenAll(new[] { "Ada\nLovelace", "Ada\u0000", "\u202Eadmin", new string('A', 41) }
            .Select(name => Class("class-g").Join(code, System.Text.RegularExpressions.Regex.Unescape(name), Guid.NewGuid())));

        Assert.All(outcomes, outcome => Assert.Equal("InvalidName", outcome.ErrorCode));
        Assert.Empty((await Class("class-g").GetSummary()).Roster);
    }

    [Fact]
    public async Task A_class_logged_by_an_earlier_server_with_an_instructor_key_hash_still_loads()
    {
        var created = new JsonObject
        {
            ["type"] = "ClassCreated",
            ["Title"] = "Seminar from last term",
            ["ScenarioJson"] = BundledScenarios.FindJson("ukraine-2025"),
            ["GameCount"] = 1,
            ["BriefingSeconds"] = 0,
            ["RoundSeconds"] = 0,
            ["Seed"] = 7,
            ["InstructorKeyHash"] = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08",
            ["Codes"] = new JsonArray(new JsonObject { ["Code"] = "LOBBY2", ["GameId"] = null, ["PartyId"] = null }),
            ["SpectatorDelaySeconds"] = 0,
        };
        await Store.AppendAsync(EventStreams.Class("class-old"), [new LoggedEvent(1, DateTimeOffset.UnixEpoch, Guid.NewGuid(), "ClassCreated", created.ToJsonString())]);

        var summary = await Class("class-old").GetSummary();

        Assert.Equal("Seminar from last term", summary.Title);
        Assert.Equal(["class-old-01"], summary.GameIds.ToArray());
        Assert.Equal("LOBBY2", Assert.Single(summary.JoinCodes).Code);
    }

    private IClassSessionGrain Class(string classId) => Cluster.Client.GetGrain<IClassSessionGrain>(classId);

    private Task<ClassSummary> CreateAsync(string classId, int games) =>
        Class(classId).Create(new CreateClassRequest("Negotiation seminar", BundledScenarios.FindJson("ukraine-2025")!, games, 0, 0, Seed: 7));
}

using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NegotiationGame.Host.Access;
using NegotiationGame.Tests;

namespace NegotiationGame.Host.Tests.Access;

/// <summary>
/// The verified grant each connection keeps: the same token is opened once, a different or lapsed one afresh, one
/// connection's grant is not another's, and a closed connection's grant is dropped.
/// </summary>
public sealed class ConnectionGrantsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    // Data Protection checks a token's expiry against the real time, so the fake clock starts there.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public void The_same_token_is_opened_once_and_a_different_one_afresh()
    {
        var (tokens, grants) = Create();
        var us = tokens.Issue(new AccessGrant(AccessRole.Player, "c-1", "g-1", "us", null));
        var russia = tokens.Issue(new AccessGrant(AccessRole.Player, "c-1", "g-1", "russia", null));

        var first = grants.Read("connection-1", us);
        var again = grants.Read("connection-1", us);
        var other = grants.Read("connection-1", russia);

        Assert.Equal("us", first!.Grant.PartyId);
        Assert.Same(first, again);
        Assert.Equal("russia", other!.Grant.PartyId);
        // One grant a connection: going back to the first token opens it again.
        Assert.NotSame(first, grants.Read("connection-1", us));
    }

    [Fact]
    public void A_grant_past_its_expiry_is_verified_afresh_and_a_forged_token_grants_nothing()
    {
        var (tokens, grants) = Create();
        var token = tokens.Issue(new AccessGrant(AccessRole.Spectator, "c-1", "g-1", null, null));
        var first = grants.Read("connection-1", token);

        _clock.Advance(TimeSpan.FromHours(2));

        Assert.NotSame(first, grants.Read("connection-1", token));
        Assert.Null(grants.Read("connection-1", token + "x"));
        Assert.Null(grants.Read("connection-1", null));
    }

    [Fact]
    public void One_connections_grant_is_not_anothers_and_a_forgotten_one_is_gone()
    {
        var (tokens, grants) = Create();
        var token = tokens.Issue(new AccessGrant(AccessRole.Spectator, "c-1", "g-1", null, null));
        var first = grants.Read("connection-1", token);

        Assert.False(grants.Holds("connection-2"));
        Assert.NotSame(first, grants.Read("connection-2", token));
        grants.Forget("connection-1");
        Assert.False(grants.Holds("connection-1"));
        Assert.True(grants.Holds("connection-2"));
    }

    [Fact]
    public async Task A_players_grant_is_kept_while_its_connection_is_open_and_dropped_when_it_closes()
    {
        await using var instructor = await server.ConnectAsync();
        var setup = await ClassSetup.StartAsync(instructor, spectatorDelaySeconds: 0);
        var grants = server.Services.GetRequiredService<ConnectionGrants>();
        var player = await server.ConnectAsync();
        var connectionId = player.ConnectionId!;

        await setup.StatementAsync(player, "We are ready to talk.");
        Assert.True(grants.Holds(connectionId));

        await player.DisposeAsync();
        await Polling.UntilAsync(() => Task.FromResult(!grants.Holds(connectionId)), Patience, () => "the closed connection's grant to be dropped");
    }

    private (TokenService Tokens, ConnectionGrants Grants) Create()
    {
        var tokens = new TokenService(new EphemeralDataProtectionProvider(), _clock, new HostSettings { TokenLifetime = TimeSpan.FromHours(1) });
        return (tokens, new ConnectionGrants(tokens, _clock));
    }
}

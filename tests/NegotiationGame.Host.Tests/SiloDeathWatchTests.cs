using System.Collections.Immutable;
using System.Net;
using NegotiationGame.Host.Relay;
using Orleans.Runtime;

namespace NegotiationGame.Host.Tests;

/// <summary>Which membership changes make the relay renew at once: a silo newly declared dead, and nothing else.</summary>
public sealed class SiloDeathWatchTests
{
    private static readonly SiloAddress First = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111), 1);
    private static readonly SiloAddress Second = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11112), 1);
    private static readonly SiloAddress Joining = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11113), 1);

    [Fact]
    public void A_silo_that_turns_dead_is_reported_once_and_a_silo_that_joins_or_stops_is_not()
    {
        var both = Snapshot(1, (First, SiloStatus.Active), (Second, SiloStatus.Active));
        var secondSuspectedAndThirdJoining = Snapshot(2, (First, SiloStatus.Active), (Second, SiloStatus.ShuttingDown), (Joining, SiloStatus.Joining));
        var secondDead = Snapshot(3, (First, SiloStatus.Active), (Second, SiloStatus.Dead), (Joining, SiloStatus.Active));
        var stillDead = Snapshot(4, (First, SiloStatus.Active), (Second, SiloStatus.Dead), (Joining, SiloStatus.Active));

        Assert.Empty(SiloDeathWatch.NewlyDead(both, secondSuspectedAndThirdJoining));
        Assert.Equal([Second], SiloDeathWatch.NewlyDead(secondSuspectedAndThirdJoining, secondDead));
        Assert.Empty(SiloDeathWatch.NewlyDead(secondDead, stillDead));
    }

    [Fact]
    public void A_silo_first_seen_already_dead_counts_as_newly_dead()
    {
        var before = Snapshot(1, (First, SiloStatus.Active));
        var after = Snapshot(2, (First, SiloStatus.Active), (Second, SiloStatus.Dead));

        Assert.Equal([Second], SiloDeathWatch.NewlyDead(before, after));
    }

    private static ClusterMembershipSnapshot Snapshot(long version, params (SiloAddress Silo, SiloStatus Status)[] members) =>
        new(members.ToImmutableDictionary(member => member.Silo, member => new ClusterMember(member.Silo, member.Status, member.Silo.ToString())), new MembershipVersion(version));
}

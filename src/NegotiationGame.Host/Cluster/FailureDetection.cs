using Orleans.Configuration;

namespace NegotiationGame.Host.Cluster;

/// <summary>
/// Failure detection tuned for a classroom: a node that dies (SIGKILL, a pulled cable) must be declared dead within
/// about 10 s so that its games move to the survivors while the class is still waiting, not after the minute or so the
/// Orleans defaults allow. The figures measured with these settings are in docs/operations.md.
/// </summary>
internal static class FailureDetection
{
    public static void Apply(ClusterMembershipOptions membership)
    {
        // Each silo probes its peers; a peer that misses three probes in a row is suspected. A killed process usually
        // refuses the connection at once, so the probe timeout matters mostly for a node that hangs or is cut off.
        membership.ProbeTimeout = TimeSpan.FromSeconds(2);
        membership.NumMissedProbesLimit = 3;

        // Votes need to be fresh to count; with 2 s probes, 30 s is still many rounds.
        membership.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);

        // Read the table more often than the default minute, so that a node whose gossip was lost still learns of a
        // death (or a new node) quickly; and stamp I-am-alive often enough for an operator reading the table to trust it.
        membership.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        membership.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
    }
}

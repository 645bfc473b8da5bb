using System.Diagnostics;
using Orleans.Runtime;

namespace NegotiationGame.Host.Relay;

/// <summary>
/// Follows the cluster's membership and, as soon as a silo is declared dead, has the relay renew every feed. The
/// games that lived on the dead silo re-activate on a survivor only when called, and the new activation knows no
/// host; without this, a host would hear them again only at its next periodic renewal.
/// </summary>
public sealed partial class SiloDeathWatch(IClusterMembershipService membership, GameEventRelay relay, ILogger<SiloDeathWatch> logger) : BackgroundService
{
    /// <summary>The silos that are dead in <paramref name="after"/> but were not in <paramref name="before"/>.</summary>
    public static IReadOnlyList<SiloAddress> NewlyDead(ClusterMembershipSnapshot before, ClusterMembershipSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return [.. after.Members.Values
            .Where(member => member.Status == SiloStatus.Dead && before.GetSiloStatus(member.SiloAddress) != SiloStatus.Dead)
            .Select(member => member.SiloAddress)];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var known = membership.CurrentSnapshot;
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                var dead = NewlyDead(known, snapshot);
                known = snapshot;
                if (dead.Count == 0)
                {
                    continue;
                }

                var started = Stopwatch.GetTimestamp();
                await relay.RenewAllAsync(stoppingToken);
                LogRenewedAfterDeath(logger, string.Join(", ", dead), relay.WatchedGames, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        catch (OperationCanceledException)
        {
            // The host is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silos} was declared dead; renewed the feeds of {Games} watched games in {Milliseconds:F0} ms")]
    private static partial void LogRenewedAfterDeath(ILogger logger, string silos, int games, double milliseconds);
}

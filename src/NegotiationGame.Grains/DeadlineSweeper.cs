using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NegotiationGame.Contracts.Games;
using NegotiationGame.Storage;

namespace NegotiationGame.Grains;

/// <summary>
/// Wakes games whose deadline is due but that no silo holds (after a deactivation or a restart): activating a game
/// arms its timer, and a deadline already past fires at once. Every silo of a cluster sweeps the one shared schedule;
/// waking a game twice is harmless, and the deadline is still decided once: the rules refuse one that is not due or
/// has moved on, and the store refuses a second writer at a position.
/// </summary>
public sealed partial class DeadlineSweeper(
    IDeadlineSchedule schedule,
    IGrainFactory grains,
    [FromKeyedServices(GameClock.Key)] TimeProvider clock,
    DeadlineSweeperOptions options,
    ILogger<DeadlineSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            IReadOnlyList<string> due;
            try
            {
                due = await schedule.GamesDueAsync(clock.GetUtcNow(), stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSweepFailed(logger, exception);
                continue;
            }

            // One game whose silo has just died (its call fails until the cluster declares the death) must not keep
            // the sweep from waking the others; and a silo that is stopping does not wait for the wake-ups in flight
            // (the next sweep, on whichever silo runs it, wakes those games again).
            await Task.WhenAll(due.Select(WakeAsync)).WaitAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task WakeAsync(string gameId)
    {
        try
        {
            await grains.GetGrain<IGameGrain>(gameId).EnsureClockRunning().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogWakeFailed(logger, gameId, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping due deadlines failed; trying again at the next tick")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waking game {GameId} for its deadline failed; the next sweep tries again")]
    private static partial void LogWakeFailed(ILogger logger, string gameId, Exception exception);
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NegotiationGame.Contracts.Games;
using NegotiationGame.Storage;

namespace NegotiationGame.Grains;

/// <summary>
/// Wakes games whose deadline is due but that no silo holds (after a deactivation or a restart): activating a game
/// arms its timer, and a deadline already past fires at once. Every silo sweeps; waking a game twice is harmless.
/// </summary>
public sealed partial class DeadlineSweeper(
    IDeadlineSchedule schedule,
    IGrainFactory grains,
    TimeProvider clock,
    DeadlineSweeperOptions options,
    ILogger<DeadlineSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                foreach (var gameId in await schedule.GamesDueAsync(clock.GetUtcNow(), stoppingToken).ConfigureAwait(false))
                {
                    await grains.GetGrain<IGameGrain>(gameId).EnsureClockRunning().ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSweepFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping due deadlines failed; trying again at the next tick")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}

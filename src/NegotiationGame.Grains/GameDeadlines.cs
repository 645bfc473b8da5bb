using Microsoft.Extensions.Logging;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Storage;

namespace NegotiationGame.Grains;

/// <summary>
/// A game's clock on the host: one grain timer towards the running deadline, armed at most
/// <see cref="ClockRules.MaxTimerWait"/> ahead (<see cref="ClockRules.NextWake"/>), and the game's row in the deadline
/// schedule. A schedule write that fails is retried on a timer until it holds, so a failing store costs the
/// sweeper's safety net for a while but never an acknowledged command or the running clock.
/// </summary>
internal sealed partial class GameDeadlines(
    IGrainBase grain,
    string gameId,
    IDeadlineSchedule schedule,
    TimeProvider clock,
    ILogger logger,
    Func<GameState?> currentState,
    Func<Task> onWake)
{
    /// <summary>How soon a failed deadline or schedule write is tried again.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private IGrainTimer? _timer;
    private DateTimeOffset? _timerDeadline;
    private DateTimeOffset? _scheduled;
    private IGrainTimer? _scheduleRetry;

    /// <summary>After an activation: the schedule holds the deadline the log's state runs towards (the last command wrote it).</summary>
    public void Restore(GameState state)
    {
        _scheduled = ClockRules.RunningDeadline(state);
        Arm(state);
    }

    /// <summary>After the state moved: keep the timer on the running deadline and bring the schedule up to date.</summary>
    public Task AfterChangeAsync(GameState state)
    {
        Arm(state);
        return WriteScheduleAsync();
    }

    /// <summary>Keeps one timer on the running deadline; a deadline that has come wakes the game at once.</summary>
    public void Arm(GameState state)
    {
        var deadline = ClockRules.RunningDeadline(state);
        if (_timer is not null && deadline == _timerDeadline)
        {
            return;
        }

        Disarm();
        var now = clock.GetUtcNow();
        if (ClockRules.NextWake(state, now) is { } wake)
        {
            Start(deadline, wake - now);
        }
    }

    /// <summary>Handling a due deadline failed (the store, most likely): look again shortly rather than at once.</summary>
    public void ArmRetry(GameState state)
    {
        Disarm();
        Start(ClockRules.RunningDeadline(state), RetryDelay);
    }

    private void Start(DateTimeOffset? deadline, TimeSpan delay)
    {
        _timerDeadline = deadline;
        _timer = grain.RegisterGrainTimer(
            _ =>
            {
                Disarm();
                return onWake();
            },
            delay,
            Timeout.InfiniteTimeSpan);
    }

    private void Disarm()
    {
        _timer?.Dispose();
        _timer = null;
        _timerDeadline = null;
    }

    private async Task WriteScheduleAsync()
    {
        if (currentState() is not { } state)
        {
            return;
        }

        var deadline = ClockRules.RunningDeadline(state);
        if (deadline != _scheduled)
        {
            try
            {
                await schedule.SetDeadlineAsync(gameId, deadline);
                _scheduled = deadline;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogScheduleFailed(logger, gameId, exception);
                _scheduleRetry ??= grain.RegisterGrainTimer(_ => WriteScheduleAsync(), RetryDelay, RetryDelay);
                return;
            }
        }

        _scheduleRetry?.Dispose();
        _scheduleRetry = null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Game {GameId}: writing its deadline to the schedule failed; trying again shortly")]
    private static partial void LogScheduleFailed(ILogger logger, string gameId, Exception exception);
}

namespace NegotiationGame.Storage;

/// <summary>
/// When each game's clock next runs out, kept durably beside the logs, so that a deadline that falls while no silo
/// holds the game (or while every silo is down) still fires once one is up.
/// </summary>
public interface IDeadlineSchedule
{
    /// <summary>Records the game's next deadline, or forgets it (null).</summary>
    Task SetDeadlineAsync(string gameId, DateTimeOffset? deadline, CancellationToken cancellationToken = default);

    /// <summary>Games whose deadline is at or before <paramref name="until"/>.</summary>
    Task<IReadOnlyList<string>> GamesDueAsync(DateTimeOffset until, CancellationToken cancellationToken = default);
}

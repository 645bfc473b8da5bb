using NegotiationGame.Storage;

namespace NegotiationGame.Grains.Tests;

/// <summary>A deadline schedule whose first <paramref name="failures"/> writes throw, as a store having trouble would.</summary>
internal sealed class FailingSchedule(IDeadlineSchedule inner, int failures) : IDeadlineSchedule
{
    private int _failuresLeft = failures;

    public int FailedWrites { get; private set; }

    public async Task SetDeadlineAsync(string gameId, DateTimeOffset? deadline, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            FailedWrites++;
            throw new IOException("The schedule cannot be written just now.");
        }

        await inner.SetDeadlineAsync(gameId, deadline, cancellationToken);
    }

    public Task<IReadOnlyList<string>> GamesDueAsync(DateTimeOffset until, CancellationToken cancellationToken = default) =>
        inner.GamesDueAsync(until, cancellationToken);
}

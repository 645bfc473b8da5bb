using NegotiationGame.Storage;

namespace NegotiationGame.Grains.Tests;

/// <summary>A deadline schedule whose first <paramref name="failures"/> writes throw, as a store having trouble would.</summary>
internal sealed class FailingSchedule(IDeadlineSchedule inner, int failures) : IDeadlineSchedule
{
    private int _failuresLeft = failures;

    private readonly TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int FailedWrites { get; private set; }

    /// <summary>Completes once a deadline has been written through to the inner schedule.</summary>
    public Task FirstDeadlineWritten => _written.Task;

    public async Task SetDeadlineAsync(string gameId, DateTimeOffset? deadline, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            FailedWrites++;
            throw new IOException("The schedule cannot be written just now.");
        }

        await inner.SetDeadlineAsync(gameId, deadline, cancellationToken);
        if (deadline is not null)
        {
            _written.TrySetResult();
        }
    }

    public Task<IReadOnlyList<string>> GamesDueAsync(DateTimeOffset until, CancellationToken cancellationToken = default) =>
        inner.GamesDueAsync(until, cancellationToken);
}

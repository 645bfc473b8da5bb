namespace NegotiationGame.Tests;

/// <summary>
/// Waits for state that lives where no signal comes from (a row in PostgreSQL, another process's membership, a log
/// read straight from the store so that the grain is not woken): reads it until it holds, bounded by a patience.
/// Tests that can await an event do that instead. Compiled into each test project that needs it.
/// </summary>
internal static class Polling
{
    private static readonly TimeSpan ReadInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Reads <paramref name="condition"/> until it is true; fails with <paramref name="what"/> after <paramref name="patience"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan patience, Func<string> what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(what);
        using var giveUp = new CancellationTokenSource(patience);
        while (!await condition())
        {
            if (giveUp.IsCancellationRequested)
            {
                throw new TimeoutException($"Waited {patience.TotalSeconds} s for {what()}.");
            }

            await Task.Delay(ReadInterval, CancellationToken.None);
        }
    }
}

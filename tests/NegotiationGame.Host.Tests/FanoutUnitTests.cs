using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NegotiationGame.Host.Relay;

namespace NegotiationGame.Host.Tests;

/// <summary>The fan-out's parts on their own: bounded per-connection outboxes and the spectator-count throttle.</summary>
public sealed class FanoutUnitTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_connection_whose_sends_never_finish_delays_no_other_and_is_aborted_once_past_its_bound()
    {
        var sender = new BlockingSender(blocked: "stuck");
        var aborts = 0;
        var stuck = new ConnectionOutbox("stuck", capacity: 8, sender, () => Interlocked.Increment(ref aborts), NullLogger.Instance);
        var healthy = new ConnectionOutbox("healthy", capacity: 8, sender, () => Assert.Fail("the healthy connection was aborted"), NullLogger.Instance);

        var accepted = 0;
        for (var i = 0; i < 100; i++)
        {
            accepted += stuck.Post("gameEvent", i) ? 1 : 0;
            Assert.True(healthy.Post("gameEvent", i));
            await sender.WaitForAsync("healthy", i + 1);
        }

        Assert.Equal(1, aborts);
        Assert.InRange(accepted, 8, 9);
        Assert.Equal(Enumerable.Range(0, 100).Cast<object>(), sender.Delivered("healthy"));
        healthy.Close();
        await healthy.Completion.WaitAsync(Patience);
    }

    [Fact]
    public void A_thousand_count_changes_within_a_second_go_out_as_two_messages_the_first_and_the_latest()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var published = new List<int>();
        using var throttle = new SpectatorCountThrottle(clock, TimeSpan.FromSeconds(1), published.Add);

        for (var count = 1; count <= 1_000; count++)
        {
            throttle.Report(count);
        }

        Assert.Equal([1], published);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal([1], published);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([1, 1_000], published);

        throttle.Report(999);
        Assert.Equal([1, 1_000], published);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([1, 1_000, 999], published);
        Assert.Equal(999, throttle.Latest);
    }

    /// <summary>Records what each connection was sent; sends to the blocked connection never complete.</summary>
    private sealed class BlockingSender(string blocked) : IConnectionSender
    {
        private readonly ConcurrentDictionary<string, ConcurrentQueue<object>> _delivered = new();
        private readonly SemaphoreSlim _sent = new(0);

        public Task SendAsync(string connectionId, string method, object message, CancellationToken cancellationToken)
        {
            if (connectionId == blocked)
            {
                return new TaskCompletionSource().Task;
            }

            _delivered.GetOrAdd(connectionId, _ => new()).Enqueue(message);
            _sent.Release();
            return Task.CompletedTask;
        }

        public List<object> Delivered(string connectionId) => [.. _delivered.GetOrAdd(connectionId, _ => new())];

        public async Task WaitForAsync(string connectionId, int count)
        {
            using var deadline = new CancellationTokenSource(Patience);
            while (Delivered(connectionId).Count < count)
            {
                await _sent.WaitAsync(deadline.Token);
            }
        }
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NegotiationGame.Host.Health;
using NegotiationGame.Storage;

namespace NegotiationGame.Host.Tests.Health;

/// <summary>The store's readiness check: bounded in time whatever the store does, and cheap however often it is asked.</summary>
public sealed class StoreHealthCheckTests
{
    private static readonly HealthCheckContext Context = new();

    [Fact]
    public async Task Checks_within_a_second_share_one_probe_and_a_later_check_probes_again()
    {
        var clock = new FakeTimeProvider();
        var store = new ScriptedStore();
        var check = new StoreHealthCheck(store, clock, NullLogger<StoreHealthCheck>.Instance);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => check.CheckHealthAsync(Context)));
        clock.Advance(StoreHealthCheck.Reuse - TimeSpan.FromMilliseconds(1));
        await check.CheckHealthAsync(Context);
        var probesWithinReuse = store.Probes;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await check.CheckHealthAsync(Context);

        Assert.All(results, result => Assert.Equal(HealthStatus.Healthy, result.Status));
        Assert.Equal(1, probesWithinReuse);
        Assert.Equal(2, store.Probes);
    }

    [Fact]
    public async Task A_store_that_never_answers_fails_the_check_once_the_patience_is_spent()
    {
        var clock = new FakeTimeProvider();
        var store = new ScriptedStore { Answer = _ => new TaskCompletionSource().Task };
        var check = new StoreHealthCheck(store, clock, NullLogger<StoreHealthCheck>.Instance);

        var pending = check.CheckHealthAsync(Context);
        await store.Probed.Task;
        clock.Advance(StoreHealthCheck.Patience - TimeSpan.FromMilliseconds(1));
        var stillWaiting = !pending.IsCompleted;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(stillWaiting);
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("the store did not answer within 2 s", result.Description);
    }

    [Fact]
    public async Task A_store_that_refuses_fails_the_check_with_a_description_of_its_own_and_passes_again_once_it_answers()
    {
        var clock = new FakeTimeProvider();
        var store = new ScriptedStore { Answer = _ => Task.FromException(new InvalidOperationException("Host=db;Password=secret")) };
        var check = new StoreHealthCheck(store, clock, NullLogger<StoreHealthCheck>.Instance);

        var refused = await check.CheckHealthAsync(Context);
        store.Answer = _ => Task.CompletedTask;
        clock.Advance(StoreHealthCheck.Reuse);
        var answered = await check.CheckHealthAsync(Context);

        Assert.Equal(HealthStatus.Unhealthy, refused.Status);
        Assert.Equal("the store refused the probe", refused.Description);
        Assert.Null(refused.Exception);
        Assert.Equal(HealthStatus.Healthy, answered.Status);
    }

    /// <summary>A store whose probe answers as the test says, and counts how often it was asked.</summary>
    private sealed class ScriptedStore : IStoreProbe
    {
        private int _probes;

        public Func<CancellationToken, Task> Answer { get; set; } = _ => Task.CompletedTask;

        public TaskCompletionSource Probed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Probes => Volatile.Read(ref _probes);

        public Task ProbeAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _probes);
            Probed.TrySetResult();
            return Answer(cancellationToken);
        }
    }
}

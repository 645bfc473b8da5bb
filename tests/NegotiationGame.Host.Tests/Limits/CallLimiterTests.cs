using Microsoft.Extensions.Time.Testing;
using NegotiationGame.Host.Limits;

namespace NegotiationGame.Host.Tests.Limits;

public sealed class CallLimiterTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void An_address_that_spent_its_failed_joins_may_not_join_at_all_until_one_comes_back()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new CallLimiter(new AbuseLimits { FailedJoinsPerAddress = new TokenBucket(2, Hour) }, clock);
        Assert.Null(limiter.TryCall("JoinClass", "c1", "10.0.0.1", "class"));
        Assert.False(limiter.RecordFailedJoin("10.0.0.1"));
        Assert.True(limiter.RecordFailedJoin("10.0.0.1"));

        Assert.NotNull(limiter.TryCall("JoinClass", "c1", "10.0.0.1", "class"));
        Assert.NotNull(limiter.TryCall("JoinClass", "c2", "10.0.0.1", "class"));
        Assert.Null(limiter.TryCall("JoinClass", "c3", "10.0.0.2", "class"));

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.True(limiter.TryCall("JoinClass", "c1", "10.0.0.1", "class") is { } wait && wait <= TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(limiter.TryCall("JoinClass", "c1", "10.0.0.1", "class"));
        Assert.True(limiter.RecordFailedJoin("10.0.0.1"));
        Assert.NotNull(limiter.TryCall("JoinClass", "c1", "10.0.0.1", "class"));
    }

    [Fact]
    public void Buckets_refill_themselves_on_their_own_period()
    {
        // Left to the partitioned limiter, a bucket gets a period's tokens on its 100 ms housekeeping tick whatever
        // the period: a bucket that refills once an hour would refill ten times a second.
        var options = CallLimiter.Options(new TokenBucket(1, Hour));

        Assert.True(options.AutoReplenishment);
        Assert.Equal(Hour, options.ReplenishmentPeriod);
        Assert.Equal(1, options.TokensPerPeriod);
    }

    [Fact]
    public void Joins_are_charged_per_class_whatever_the_address()
    {
        using var limiter = new CallLimiter(new AbuseLimits { JoinPerClass = new TokenBucket(2, Hour) }, TimeProvider.System);
        Assert.Null(limiter.TryCall("JoinClass", "c1", "10.0.0.1", "class"));
        Assert.Null(limiter.TryCall("JoinClass", "c2", "10.0.0.2", "class"));
        Assert.NotNull(limiter.TryCall("JoinClass", "c3", "10.0.0.3", "class"));
        Assert.Null(limiter.TryCall("JoinClass", "c3", "10.0.0.3", "another class"));
    }

    [Fact]
    public void Commands_are_charged_per_connection()
    {
        using var limiter = new CallLimiter(new AbuseLimits { CommandsPerConnection = new TokenBucket(2, Hour) }, TimeProvider.System);
        Assert.Null(limiter.TryCall("Act", "c1", "a", null));
        Assert.Null(limiter.TryCall("Instruct", "c1", "a", null));
        Assert.True(limiter.TryCall("Act", "c1", "a", null) > TimeSpan.Zero);
        Assert.Null(limiter.TryCall("GetView", "c1", "a", null));
        Assert.Null(limiter.TryCall("Act", "c2", "a", null));
    }

    [Fact]
    public void Scenario_files_are_charged_per_address_whichever_method_carries_them()
    {
        using var limiter = new CallLimiter(new AbuseLimits { UploadsPerAddress = new TokenBucket(3, Hour), CreateClassPerConnection = new TokenBucket(100, Hour) }, TimeProvider.System);
        Assert.Null(limiter.TryCall("CreateClass", "c1", "a", null, uploads: true));
        Assert.Null(limiter.TryCall("UploadScenario", "c2", "a", null));
        Assert.Null(limiter.TryCall("ImportGenius", "c3", "a", null));

        Assert.True(limiter.TryCall("UploadScenario", "c4", "a", null) > TimeSpan.Zero);
        Assert.True(limiter.TryCall("CreateClass", "c1", "a", null, uploads: true) > TimeSpan.Zero);
        Assert.Null(limiter.TryCall("CreateClass", "c1", "a", null));
        Assert.Null(limiter.TryCall("UploadScenario", "c1", "b", null));
    }

    [Fact]
    public void A_connection_gets_a_command_back_each_period_of_the_clock()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new CallLimiter(new AbuseLimits { CommandsPerConnection = new TokenBucket(2, TimeSpan.FromSeconds(1)) }, clock);
        Assert.Null(limiter.TryCall("Act", "c1", "a", null));
        Assert.Null(limiter.TryCall("Act", "c1", "a", null));
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.TryCall("Act", "c1", "a", null));

        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(TimeSpan.FromMilliseconds(500), limiter.TryCall("Act", "c1", "a", null));
        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Null(limiter.TryCall("Act", "c1", "a", null));
        Assert.NotNull(limiter.TryCall("Act", "c1", "a", null));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Null(limiter.TryCall("Act", "c1", "a", null));
        Assert.Null(limiter.TryCall("Act", "c1", "a", null));
        Assert.NotNull(limiter.TryCall("Act", "c1", "a", null));
    }

    [Fact]
    public void A_refused_call_costs_nothing_and_a_forgotten_connection_starts_afresh()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new CallLimiter(new AbuseLimits { CallsPerConnection = new TokenBucket(1, TimeSpan.FromSeconds(10)) }, clock);
        Assert.Null(limiter.TryCall("GetView", "c1", "a", null));
        Assert.NotNull(limiter.TryCall("GetView", "c1", "a", null));
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Null(limiter.TryCall("GetView", "c1", "a", null));

        Assert.NotNull(limiter.TryCall("GetView", "c1", "a", null));
        limiter.Forget("c1");
        Assert.Null(limiter.TryCall("GetView", "c1", "a", null));
    }

    [Theory]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff::1", "2001:db8:1:2::/64")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("192.0.2.7", "192.0.2.7")]
    public void IPv6_clients_are_limited_by_their_64_bit_network(string address, string key) =>
        Assert.Equal(key, ClientAddress.Of(System.Net.IPAddress.Parse(address)));
}

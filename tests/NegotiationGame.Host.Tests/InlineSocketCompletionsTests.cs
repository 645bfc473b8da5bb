using NegotiationGame.Host.Tests.Support;
using NegotiationGame.Tests;

namespace NegotiationGame.Host.Tests;

/// <summary>An embedded server lets the runtime complete socket operations inline unless the operator has chosen otherwise.</summary>
public sealed class InlineSocketCompletionsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>The test servers log warnings only; this lets the line in question through.</summary>
    private static readonly KeyValuePair<string, string> ShowsTheLine = new($"Logging__LogLevel__{typeof(InlineSocketCompletions).FullName}", "Information");

    [Fact]
    public void An_embedded_server_turns_an_unset_switch_on()
    {
        var environment = new Dictionary<string, string>();

        var inline = InlineSocketCompletions.PreferUnlessSet(HostMode.Embedded, environment.GetValueOrDefault, (name, value) => environment[name] = value);

        Assert.True(inline);
        Assert.Equal("1", environment[InlineSocketCompletions.Variable]);
    }

    [Fact]
    public void A_cluster_node_leaves_an_unset_switch_unset()
    {
        var environment = new Dictionary<string, string>();

        var inline = InlineSocketCompletions.PreferUnlessSet(HostMode.Cluster, environment.GetValueOrDefault, (name, value) => environment[name] = value);

        Assert.False(inline);
        Assert.Empty(environment);
    }

    [Theory]
    [InlineData(HostMode.Embedded, "0", false)]
    [InlineData(HostMode.Embedded, "1", true)]
    [InlineData(HostMode.Embedded, "", false)]
    [InlineData(HostMode.Cluster, "1", true)]
    public void A_value_the_operator_set_is_kept(HostMode mode, string chosen, bool inline)
    {
        var environment = new Dictionary<string, string> { [InlineSocketCompletions.Variable] = chosen };

        var answer = InlineSocketCompletions.PreferUnlessSet(mode, environment.GetValueOrDefault, (_, _) => Assert.Fail("The operator's value was overwritten."));

        Assert.Equal(inline, answer);
        Assert.Equal(chosen, environment[InlineSocketCompletions.Variable]);
    }

    [Fact]
    public async Task A_server_says_at_start_that_completions_run_inline_and_hands_them_to_the_pool_when_told_to()
    {
        await using (var server = await ServerProcess.StartAsync(environment: new Dictionary<string, string>([ShowsTheLine]) { [InlineSocketCompletions.Variable] = "0" }))
        {
            await Polling.UntilAsync(() => Task.FromResult(server.Output.Contains("Socket completions are handed to the thread pool", StringComparison.Ordinal)), Patience, () => $"the server's output:\n{server.Output}");
            Assert.DoesNotContain("run inline", server.Output, StringComparison.Ordinal);
        }

        await using var defaulted = await ServerProcess.StartAsync(environment: new Dictionary<string, string>([ShowsTheLine]));
        await Polling.UntilAsync(() => Task.FromResult(defaulted.Output.Contains("Socket completions run inline on the runtime's I/O thread", StringComparison.Ordinal)), Patience, () => $"the server's output:\n{defaulted.Output}");
    }
}

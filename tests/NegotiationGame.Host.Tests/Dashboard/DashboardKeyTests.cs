using NegotiationGame.Host.Dashboard;
using NegotiationGame.Host.Tests.Support;

namespace NegotiationGame.Host.Tests.Dashboard;

/// <summary>An operator key short enough to guess would open the dashboard to anyone who tries; the server refuses to start with one.</summary>
public sealed class DashboardKeyTests
{
    [Fact]
    public async Task A_key_shorter_than_the_minimum_refuses_start_up_with_one_line_naming_the_setting()
    {
        var shortKey = new string('k', DashboardGate.MinimumKeyLength - 1);

        await using var server = await ServerProcess.StartExpectingExitAsync(
            TimeSpan.FromSeconds(60), environment: new Dictionary<string, string> { ["NegotiationGame__Dashboard__OperatorKey"] = shortKey });

        Assert.Equal(1, server.ExitCode);
        var line = Assert.Single(server.Errors.TrimEnd().Split('\n'));
        Assert.Contains("NegotiationGame:Dashboard:OperatorKey", line, StringComparison.Ordinal);
        Assert.DoesNotContain(shortKey, line, StringComparison.Ordinal);
    }
}

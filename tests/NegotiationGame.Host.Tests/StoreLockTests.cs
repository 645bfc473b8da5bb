using NegotiationGame.Host.Tests.Support;
using NegotiationGame.Storage.Sqlite;

namespace NegotiationGame.Host.Tests;

public sealed class StoreLockTests
{
    [Fact]
    public async Task A_running_server_keeps_other_processes_off_its_store_and_a_second_server_on_it_exits_with_one_line()
    {
        await using var server = await ServerProcess.StartAsync();
        var expected = $"'{server.DataPath}' is in use by another NegotiationGame process (pid {server.ProcessId}); stop that process first.";

        var refused = Assert.Throws<StoreInUseException>(() => new SqliteEventStore(server.DataPath));
        var second = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(dataOf: server));

        Assert.Equal(expected, refused.Message);
        Assert.Contains("exited with status 1", second.Message, StringComparison.Ordinal);
        Assert.Contains(expected, second.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", second.Message, StringComparison.Ordinal);

        Assert.Equal(0, await server.TerminateAsync(TimeSpan.FromSeconds(10)));
        await using var released = new SqliteEventStore(server.DataPath);
    }
}

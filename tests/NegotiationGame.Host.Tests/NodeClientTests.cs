using System.Diagnostics;

namespace NegotiationGame.Host.Tests;

/// <summary>
/// The official JavaScript SignalR client under Node plays a short game against the real server. The script
/// (node/play.mjs) is written from docs/protocol.md alone, as a client in another language would be.
/// </summary>
public sealed class NodeClientTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_javascript_client_plays_a_short_game_from_the_protocol_document()
    {
        var script = Path.Combine(RepositoryRoot(), "tests", "NegotiationGame.Host.Tests", "node");
        Assert.True(Directory.Exists(Path.Combine(script, "node_modules")), "Run ./test.sh, which installs the Node client (npm ci) first.");
        var start = new ProcessStartInfo("node", ["play.mjs", server.Address.ToString().TrimEnd('/')])
        {
            WorkingDirectory = script,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = node.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = node.StandardError.ReadToEndAsync(timeout.Token);

        await node.WaitForExitAsync(timeout.Token);

        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(node.ExitCode == 0, $"node exited with {node.ExitCode}:\n{await output}\n{await errors}");
        Assert.Contains(lines, line => line.StartsWith("agreement #", StringComparison.Ordinal) && line.EndsWith("concluded, binding: security, minerals", StringComparison.Ordinal));
        Assert.Contains("a player may not instruct: Forbidden", lines);
        Assert.Equal("ok", lines[^1]);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NegotiationGame.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The tests run inside the repository.");
    }
}

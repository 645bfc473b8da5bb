using System.Diagnostics;

namespace NegotiationGame.Host.Tests.Support;

/// <summary>
/// Runs one of the Node scripts in tests/NegotiationGame.Host.Tests/node (the JavaScript client and the Chromium
/// drivers) and returns what it printed, a line an entry, so that a test can check each step the script reports.
/// </summary>
internal static class NodeScripts
{
    public static async Task<(int ExitCode, string[] Lines, string Errors)> RunAsync(string script, TimeSpan patience, params string[] arguments)
    {
        var folder = RepositoryFiles.Path(Path.Combine("tests", "NegotiationGame.Host.Tests", "node"));
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules")), "Run ./test.sh, which installs the Node packages (npm ci) first.");
        var start = new ProcessStartInfo("node", [script, .. arguments])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(patience);
        var output = node.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = node.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} was still running after {patience.TotalSeconds} s.");
        }

        return (node.ExitCode, (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries), await errors);
    }

    /// <summary>Runs a browser script that writes its screenshots to TestResults/screenshots, and returns its lines once it has passed.</summary>
    public static async Task<string[]> PassedAsync(string script, TimeSpan patience, Uri server)
    {
        var screenshots = RepositoryFiles.Path(Path.Combine("TestResults", "screenshots"));
        var (exitCode, lines, errors) = await RunAsync(script, patience, server.ToString().TrimEnd('/'), screenshots);
        Assert.True(exitCode == 0 && lines.Length > 0 && lines[^1] == "ok", $"node {script} exited with {exitCode}:\n{string.Join('\n', lines)}\n{errors}");
        return lines;
    }
}

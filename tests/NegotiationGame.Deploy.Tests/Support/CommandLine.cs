using System.Diagnostics;
using System.Text;

namespace NegotiationGame.Deploy.Tests.Support;

/// <summary>
/// Runs a command line written for the image (<c>dotnet /app/cli/negotiationgame.dll …</c>) on this machine, with the
/// image's folders mapped to this build's output, which holds the same assemblies.
/// </summary>
internal static class CommandLine
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyList<string> entryPoint, IEnumerable<string> arguments)
    {
        Assert.Equal("dotnet", entryPoint[0]);
        Assert.Equal($"{DockerImage.CliFolder}{ProjectFiles.AssemblyName(ProjectFiles.Cli)}.dll", entryPoint[1]);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, entryPoint[1][DockerImage.CliFolder.Length..]));
        foreach (var argument in entryPoint.Skip(2).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var reading = Task.WhenAll(
            process.StandardOutput.ReadToEndAsync().ContinueWith(text => { lock (output) { output.Append(text.Result); } }, TaskScheduler.Default),
            process.StandardError.ReadToEndAsync().ContinueWith(text => { lock (output) { output.Append(text.Result); } }, TaskScheduler.Default));
        using var deadline = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(deadline.Token);
        await reading;
        return (process.ExitCode, output.ToString());
    }
}

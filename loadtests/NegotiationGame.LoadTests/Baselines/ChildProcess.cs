using System.Diagnostics;
using System.Reflection;

namespace NegotiationGame.LoadTests.Baselines;

/// <summary>
/// This load-test program started again as a child process with other arguments (a baseline server, the ping run),
/// so that each baseline has a fresh process of its own whose CPU and memory can be read apart from the generator's.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<string>? _awaited;
    private Func<string, bool>? _awaitedLine;

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public static ChildProcess Start(params string[] arguments) => Start(new Dictionary<string, string>(), arguments);

    /// <summary>Starts the child with <paramref name="environment"/> added to this process's own.</summary>
    public static ChildProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The program's own path is unknown.");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };

        // Run as "dotnet NegotiationGame.LoadTests.dll", the program is the host's argument.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var child = new ChildProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        child._process.OutputDataReceived += (_, line) => child.Record(line.Data);
        child._process.Exited += (_, _) => child._exited.TrySetResult();
        child._process.Start();
        child._process.BeginOutputReadLine();
        return child;
    }

    /// <summary>Waits for the first line (seen already or to come) that <paramref name="matches"/>; fails if the process exits first.</summary>
    public async Task<string> LineAsync(Func<string, bool> matches, TimeSpan patience)
    {
        TaskCompletionSource<string> awaited;
        lock (_lines)
        {
            if (_lines.FirstOrDefault(matches) is { } seen)
            {
                return seen;
            }

            awaited = _awaited = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _awaitedLine = matches;
        }

        var first = await Task.WhenAny(awaited.Task, _exited.Task).WaitAsync(patience);
        return first == awaited.Task
            ? await awaited.Task
            : throw new InvalidOperationException($"The child process exited with status {_process.ExitCode} first. Its output:\n{string.Join('\n', _lines)}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
            if (_awaitedLine is { } matches && matches(line))
            {
                _awaited!.TrySetResult(line);
                _awaitedLine = null;
            }
        }
    }
}

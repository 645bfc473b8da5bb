using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.SignalR.Client;
using NegotiationGame.Tests;

namespace NegotiationGame.Host.Tests.Support;

/// <summary>
/// The real server as a child OS process (<c>dotnet negotiationgame-server.dll</c>) on free loopback ports with its
/// own data folder, so that a test can stop it the way an operator or a crash does: SIGTERM, SIGKILL, and a restart on
/// the same folder and ports. In cluster mode (<see cref="ClusterNodeSettings"/>) it is one node of a cluster on a
/// shared PostgreSQL database, advertised on 127.0.0.1, and its folder holds nothing but its working directory.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);

    private readonly string _directory;
    private readonly bool _ownsDirectory;
    private readonly int _httpPort;
    private readonly int _siloPort;
    private readonly int _gatewayPort;
    private readonly ClusterNodeSettings? _cluster;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;

    private ServerProcess(string directory, bool ownsDirectory, ClusterNodeSettings? cluster, int? httpPort = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        _directory = directory;
        _ownsDirectory = ownsDirectory;
        _cluster = cluster;
        _environment = environment ?? new Dictionary<string, string>();
        _httpPort = httpPort ?? LoopbackPorts.FindFree();
        _siloPort = LoopbackPorts.FindFree();
        _gatewayPort = LoopbackPorts.FindFree();
        Address = new Uri($"http://127.0.0.1:{_httpPort}");
    }

    public Uri Address { get; }

    /// <summary>The Orleans silo-to-silo port: with 127.0.0.1, what names this node in the membership table.</summary>
    public int SiloPort => _siloPort;

    /// <summary>The SQLite file the server keeps everything in.</summary>
    public string DataPath => Path.Combine(_directory, "negotiationgame.db");

    /// <summary>What the server has written to stdout and stderr so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>What the server has written to stderr alone so far.</summary>
    public string Errors
    {
        get
        {
            lock (_output)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>The running server's process id.</summary>
    public int ProcessId => Running().Id;

    /// <summary>
    /// Starts a server, on a fresh data folder or on <paramref name="dataOf"/>'s (with ports of its own), embedded or as
    /// a node of <paramref name="cluster"/>, on <paramref name="httpPort"/> when its address must be known before it
    /// starts (a free port otherwise), and waits until it answers <c>/healthz</c>; throws, with the server's output, if
    /// it exits first. <paramref name="environment"/> adds variables to the server's environment (OTEL_*, say).
    /// </summary>
    public static async Task<ServerProcess> StartAsync(ServerProcess? dataOf = null, ClusterNodeSettings? cluster = null, int? httpPort = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var server = dataOf is null
            ? new ServerProcess(Directory.CreateTempSubdirectory("negotiationgame-process-").FullName, ownsDirectory: true, cluster, httpPort, environment)
            : new ServerProcess(dataOf._directory, ownsDirectory: false, cluster ?? dataOf._cluster, environment: environment ?? dataOf._environment);
        try
        {
            await server.RestartAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>
    /// Starts a server that is expected to refuse to start, and returns once it has exited; a server still running after
    /// <paramref name="patience"/> is killed and the call fails.
    /// </summary>
    public static async Task<ServerProcess> StartExpectingExitAsync(TimeSpan patience, ClusterNodeSettings? cluster = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var server = new ServerProcess(Directory.CreateTempSubdirectory("negotiationgame-process-").FullName, ownsDirectory: true, cluster, environment: environment);
        var process = server.Launch();
        using var deadline = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            await server.DisposeAsync();
            throw new TimeoutException($"The server was still running {patience.TotalSeconds} s after it started. Its output:\n{server.Output}");
        }

        return server;
    }

    /// <summary>The exit status of a server that has exited.</summary>
    public int ExitCode => _process is { HasExited: true } process ? process.ExitCode : throw new InvalidOperationException("The server has not exited.");

    /// <summary>Starts the server again (after it has exited) on the same data folder and ports, and waits until it is healthy.</summary>
    public async Task RestartAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("The server is still running.");
        }

        var process = Launch();
        await WaitUntilHealthyAsync(process);
    }

    /// <summary>A started SignalR connection to the server's hub.</summary>
    public async Task<HubConnection> ConnectAsync()
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(Address, "/hubs/game")).Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>
    /// Sends SIGTERM and waits for the process to exit; returns its exit status. A server still running after
    /// <paramref name="patience"/> is killed and the call fails.
    /// </summary>
    public async Task<int> TerminateAsync(TimeSpan patience)
    {
        var process = Running();
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
            if (kill.ExitCode != 0)
            {
                throw new InvalidOperationException($"kill -TERM {process.Id} failed with status {kill.ExitCode}.");
            }
        }

        using var deadline = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync();
            throw new TimeoutException($"The server did not exit within {patience.TotalSeconds} s of SIGTERM. Its output:\n{Output}");
        }

        return process.ExitCode;
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash or a power cut would, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        var process = Running();
        process.Kill();
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (_ownsDirectory)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>Starts the process with this server's settings and records what it writes.</summary>
    private Process Launch()
    {
        _process?.Dispose();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments())
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _started = started;
        process.OutputDataReceived += (_, line) => Record(line.Data, isError: false);
        process.ErrorDataReceived += (_, line) => Record(line.Data, isError: true);
        process.Exited += (_, _) =>
        {
            // The exit can be reported before the last lines it wrote have been read; this wait ends once they have.
            process.WaitForExit();
            started.TrySetException(new InvalidOperationException($"The server exited with status {process.ExitCode} while starting. Its output:\n{Output}"));
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        return process;
    }

    private IEnumerable<string> Arguments()
    {
        yield return Path.Combine(AppContext.BaseDirectory, "negotiationgame-server.dll");
        yield return "--urls";
        yield return Address.ToString().TrimEnd('/');
        // The web UI's files stay in the source tree (a build serves them from there only in Development).
        yield return $"--webroot={RepositoryFiles.Path(Path.Combine("src", "NegotiationGame.Host", "wwwroot"))}";
        yield return $"--NegotiationGame:DataPath={DataPath}";
        yield return string.Create(CultureInfo.InvariantCulture, $"--NegotiationGame:SiloPort={_siloPort}");
        yield return string.Create(CultureInfo.InvariantCulture, $"--NegotiationGame:GatewayPort={_gatewayPort}");
        yield return "--Logging:LogLevel:Default=Warning";
        yield return "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information";
        if (_cluster is not null)
        {
            foreach (var argument in _cluster.Arguments())
            {
                yield return argument;
            }
        }
    }

    private Process Running() =>
        _process is { HasExited: false } process ? process : throw new InvalidOperationException($"The server is not running. Its output:\n{Output}");

    private void Record(string? line, bool isError)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (isError)
            {
                _errors.AppendLine(line);
            }
        }

        // The host's lifetime logs this once Kestrel listens and every hosted service (the silo among them) has started.
        if (line.Contains("Application started", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }

    /// <summary>Waits for the host to say it has started (or to exit), then checks that it answers <c>/healthz</c>.</summary>
    private async Task WaitUntilHealthyAsync(Process process)
    {
        try
        {
            await _started.Task.WaitAsync(StartPatience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The server did not start within {StartPatience.TotalSeconds} s. Its output:\n{Output}");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync(new Uri(Address, "/healthz"));
        if (!response.IsSuccessStatusCode || process.HasExited)
        {
            throw new InvalidOperationException($"The server started but /healthz answered {(int)response.StatusCode}. Its output:\n{Output}");
        }
    }
}

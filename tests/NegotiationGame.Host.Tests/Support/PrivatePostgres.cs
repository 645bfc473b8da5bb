using System.Diagnostics;
using System.Globalization;
using NegotiationGame.Tests;

namespace NegotiationGame.Host.Tests.Support;

/// <summary>
/// A PostgreSQL server of the test's own (tests/postgres.sh on a free port and a fresh data directory), which the test
/// may crash and start again under a running node. The shared instance that every other test uses is never touched.
/// </summary>
internal sealed class PrivatePostgres : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"negotiationgame-private-postgres-{Guid.NewGuid():N}");
    private readonly int _port = LoopbackPorts.FindFree();

    private PrivatePostgres()
    {
    }

    /// <summary>An Npgsql connection string to the server's maintenance database.</summary>
    public string ConnectionString { get; private set; } = "";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var server = new PrivatePostgres();
        try
        {
            server.ConnectionString = (await server.RunScriptAsync("start")).Trim().Split('\n')[^1];
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Stops the server at once, as a crash would (<c>pg_ctl stop -m immediate</c>): no connection is closed politely.</summary>
    public Task CrashAsync() => RunScriptAsync("crash");

    /// <summary>Starts the crashed server again on the same directory and port; it recovers from its WAL.</summary>
    public Task RestartAsync() => RunScriptAsync("start");

    public async ValueTask DisposeAsync()
    {
        await RunScriptAsync("crash");
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>Runs tests/postgres.sh on this server's directory and port; returns its stdout, or fails with its stderr.</summary>
    private async Task<string> RunScriptAsync(string command)
    {
        var start = new ProcessStartInfo(RepositoryFiles.Path(Path.Combine("tests", "postgres.sh")), command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["NEGOTIATIONGAME_PG_DIR"] = _directory;
        start.Environment["NEGOTIATIONGAME_PG_PORT"] = _port.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run tests/postgres.sh.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tests/postgres.sh {command} on port {_port} exited with {process.ExitCode}: {await errors}");
        }

        return await output;
    }
}

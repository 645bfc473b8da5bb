using System.Diagnostics;
using Npgsql;

namespace NegotiationGame.Tests;

/// <summary>
/// PostgreSQL's own programs (pg_dump, pg_restore), run as an operator would: the Debian binaries beside the tests'
/// server, found as tests/postgres.sh finds them. Compiled into each test project that needs it.
/// </summary>
internal static class PostgresTools
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The libpq connection string ("host=… port=… user=… dbname=…") that the programs take, for the database an
    /// Npgsql connection string names.
    /// </summary>
    public static string LibpqConnectionString(string npgsqlConnectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(npgsqlConnectionString);
        return $"host={builder.Host} port={builder.Port} user={builder.Username} dbname={builder.Database}";
    }

    /// <summary>Runs <paramref name="tool"/> with <paramref name="arguments"/> and fails with its stderr unless it exits 0.</summary>
    public static async Task RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(Find(tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}{await output}");
        }
    }

    private static string Find(string tool)
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin", tool))
                .Where(File.Exists)
                .OrderByDescending(path => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        return installed ?? tool;
    }
}

using System.Globalization;

namespace NegotiationGame.LoadTests.EndToEnd;

/// <summary>A server process's CPU time and resident memory as Linux's /proc shows them, for a server on this machine.</summary>
internal static class ServerProcessStats
{
    // The kernel counts CPU time in clock ticks; USER_HZ is 100 on every Linux this runs on.
    private const double TicksPerSecond = 100;

    /// <summary>User plus system CPU time so far, or null when there is no such process (or no /proc).</summary>
    public static TimeSpan? CpuTime(int processId)
    {
        var stat = ReadOrNull($"/proc/{processId}/stat");
        if (stat is null)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may hold spaces; utime and stime are fields 14 and 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>Resident memory in bytes, or null when there is no such process.</summary>
    public static long? ResidentBytes(int processId)
    {
        var status = ReadOrNull($"/proc/{processId}/status");
        var line = status?.Split('\n').FirstOrDefault(entry => entry.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null
            ? null
            : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

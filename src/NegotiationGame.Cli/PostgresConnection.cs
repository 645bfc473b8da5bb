using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using Npgsql;

namespace NegotiationGame.Cli;

/// <summary>What the commands that take <c>--connection</c> say about the connection string and about a server that fails them.</summary>
internal static class PostgresConnection
{
    public static bool TryParse(string connectionString, TextWriter error, [NotNullWhen(true)] out NpgsqlConnectionStringBuilder? parsed)
    {
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
            return true;
        }
        catch (ArgumentException exception)
        {
            error.WriteLine($"--connection is no Npgsql connection string: {exception.Message}");
            parsed = null;
            return false;
        }
    }

    /// <summary>Whether <paramref name="exception"/> is the server's or the network's doing rather than the command's.</summary>
    public static bool IsUnavailable(Exception exception) => exception is NpgsqlException or SocketException or TimeoutException;

    /// <summary>
    /// One line naming the database without the connection string's secrets, and the server's own words (no such
    /// database, authentication failed, connection refused), which say what to fix.
    /// </summary>
    public static string Unavailable(string verb, NpgsqlConnectionStringBuilder parsed, Exception exception) =>
        $"Could not {verb} the database '{parsed.Database}' on {parsed.Host}:{parsed.Port}: {exception.Message}";
}

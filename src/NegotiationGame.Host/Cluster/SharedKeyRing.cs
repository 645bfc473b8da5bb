using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Npgsql;

namespace NegotiationGame.Host.Cluster;

/// <summary>
/// Makes sure the cluster's key ring holds a usable key before a node serves anyone, creating it under a database lock
/// so that nodes starting together agree on one. Without this, each node of a fresh cluster would make its own first
/// key at once, and a node that learnt of another's key only after its start-up window (Data Protection re-reads the
/// ring for an unknown key only in a node's first minutes) would refuse that node's tokens until its daily refresh.
/// Later keys need nothing of the kind: Data Protection makes them days before they take effect, so every node has
/// read them by then.
/// </summary>
internal static class SharedKeyRing
{
    /// <summary>The advisory lock's key: any fixed number no other lock of this database uses.</summary>
    private const long CreationLock = 0x4E47_4B45_5952_494E; // "NGKEYRIN"

    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(90);

    /// <summary>Margin within which a key about to expire counts as none, so that its successor is made here too.</summary>
    private static readonly TimeSpan RenewalMargin = TimeSpan.FromDays(2);

    public static async Task EnsureKeyAsync(string connectionString, IKeyManager keys, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(clock);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "SELECT pg_advisory_lock($1)", cancellationToken).ConfigureAwait(false);
        try
        {
            var now = clock.GetUtcNow();
            var usable = keys.GetAllKeys().Any(key => !key.IsRevoked && key.ActivationDate <= now && key.ExpirationDate > now + RenewalMargin);
            if (!usable)
            {
                keys.CreateNewKey(now, now + KeyLifetime);
            }
        }
        finally
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = CreationLock });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

namespace NegotiationGame.Host;

/// <summary>How a server runs: alone on its own SQLite file, or as one node of a cluster on a shared PostgreSQL.</summary>
public enum HostMode
{
    /// <summary>The default: one process, its silo on localhost clustering, everything in one SQLite file.</summary>
    Embedded,

    /// <summary>One node of an Orleans cluster whose members, games and key ring live in one PostgreSQL database.</summary>
    Cluster,
}

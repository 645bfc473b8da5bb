namespace NegotiationGame.Host.Tests.Support;

/// <summary>
/// What makes a <see cref="ServerProcess"/> a cluster node: the shared database and the cluster it joins. The settings
/// are the ones docs/operations.md gives operators, passed on the command line.
/// </summary>
/// <param name="ConnectionString">The Npgsql connection string of the shared database (already migrated, unless the test wants otherwise).</param>
/// <param name="ClusterId">The Orleans cluster id; nodes with the same one form one cluster.</param>
/// <param name="Mode">NegotiationGame:Mode as given; anything but Cluster only to test what a node refuses.</param>
internal sealed record ClusterNodeSettings(string ConnectionString, string ClusterId = "negotiationgame", string Mode = "Cluster")
{
    /// <summary>Further command-line settings a test gives every node (log levels, say).</summary>
    public IReadOnlyList<string> Extra { get; init; } = [];

    /// <summary>The command-line settings of a node on this machine: the other nodes reach it on 127.0.0.1.</summary>
    public IEnumerable<string> Arguments() =>
    [
        $"--NegotiationGame:Mode={Mode}",
        $"--ConnectionStrings:NegotiationGame={ConnectionString}",
        $"--NegotiationGame:ClusterId={ClusterId}",
        "--NegotiationGame:AdvertisedAddress=127.0.0.1",
        .. Extra,
    ];
}

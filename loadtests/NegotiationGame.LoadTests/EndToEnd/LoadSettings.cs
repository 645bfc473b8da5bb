namespace NegotiationGame.LoadTests.EndToEnd;

/// <summary>Closed loop: each player has one command in flight. Open loop: commands at a fixed rate whatever the answers.</summary>
internal enum LoadMode
{
    Closed,
    Open,
}

/// <summary>
/// What an end-to-end run does: <see cref="Games"/> games of four players, each with <see cref="SpectatorsPerGame"/>
/// spectators, connections spread over <see cref="Nodes"/> round robin, playing for <see cref="Warmup"/> unmeasured
/// and then <see cref="Duration"/> measured. <see cref="Rate"/> is the open loop's commands per second over all players.
/// </summary>
internal sealed record LoadSettings(IReadOnlyList<Uri> Nodes, int Games, int SpectatorsPerGame, TimeSpan Duration, TimeSpan Warmup, LoadMode Mode)
{
    public double Rate { get; init; } = 1_000;

    public int Seed { get; init; } = 1;

    /// <summary>The server's process, for its CPU time and resident memory from /proc; null when it is elsewhere.</summary>
    public int? ServerProcessId { get; init; }

    /// <summary>Whether to download every game's log at the end and check it (the bare hubs have no logs).</summary>
    public bool CheckLogs { get; init; } = true;

    /// <summary>Where the once-a-second progress line goes; null for none.</summary>
    public TextWriter? Progress { get; init; }

    /// <summary>Connections opened (and joined, and watching) at the same time while the run sets up.</summary>
    public int SetupParallelism { get; init; } = 32;

    /// <summary>How long the end of the run waits for outstanding answers and for every feed to catch up.</summary>
    public TimeSpan DrainPatience { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The most commands the open loop lets wait for an answer before it counts a send as refused here.</summary>
    public int MaxInFlight { get; init; } = 100_000;
}

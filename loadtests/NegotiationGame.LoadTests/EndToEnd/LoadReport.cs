namespace NegotiationGame.LoadTests.EndToEnd;

/// <summary>
/// A run's figures, named as issue 12 names them (this is the JSON line the <c>e2e</c> command prints). Rates are over
/// the measured seconds; latencies in milliseconds. <see cref="BytesPerGame"/> is the server's resident memory
/// divided by the games (so that two servers at the same connections compare per game), <see cref="LogBytesPerGame"/>
/// the size of a downloaded log.
/// </summary>
internal sealed record LoadReport
{
    public required string Mode { get; init; }

    public required int Games { get; init; }

    public required int SpectatorsPerGame { get; init; }

    public required int Connections { get; init; }

    public required double Seconds { get; init; }

    public double? Rate { get; init; }

    public required long Commands { get; init; }

    public required double CommandsPerSecond { get; init; }

    public required double OffersResolvedPerSecond { get; init; }

    public required LatencySummary AckMs { get; init; }

    public LatencySummary? AckFromIntendedMs { get; init; }

    public required LatencySummary SpectatorMs { get; init; }

    public required long SpectatorEvents { get; init; }

    public required IReadOnlyDictionary<string, long> Errors { get; init; }

    public required long LostEvents { get; init; }

    public required long DuplicatedEvents { get; init; }

    /// <summary>Connections that, once the run had drained, had not received their game's last event.</summary>
    public required long IncompleteFeeds { get; init; }

    public required long IncompleteSpectatorFeeds { get; init; }

    public required int LogsChecked { get; init; }

    /// <summary>Gaps in the downloaded logs, plus logs whose last event is not the last one the clients were told of.</summary>
    public required long LogGaps { get; init; }

    public double? ServerCpuMsPerCommand { get; init; }

    public double? ServerCoresBusy { get; init; }

    /// <summary>The server's resident memory at the end of the window.</summary>
    public double? ServerRssMB { get; init; }

    /// <summary>The mean of one reading a measured second and the one at the end.</summary>
    public double? ServerRssMeanMB { get; init; }

    public double? ServerRssPeakMB { get; init; }

    public double? BytesPerGame { get; init; }

    public double? LogBytesPerGame { get; init; }

    /// <summary>Each measured second: commands acknowledged, acknowledgement p50 and p99, spectator p99 (not in the JSON line).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<SecondFigures> Timeline { get; init; } = [];
}

/// <summary>One second of a run, warm-up included (negative seconds are the warm-up).</summary>
internal sealed record SecondFigures(double Second, long Commands, double AckP50Ms, double AckP99Ms, double SpectatorP99Ms);

namespace NegotiationGame.LoadTests.EndToEnd;

/// <summary>What the measured window took: its length, the server's CPU time, and its resident memory.</summary>
internal sealed record WindowFigures(TimeSpan Elapsed, TimeSpan? ServerCpu, long? ServerRss, double? ServerRssMean, long? ServerRssPeak);

namespace NegotiationGame.Host.Relay;

/// <summary>The "NegotiationGame:Fanout" section: how events reach the connections of this host (docs/operations.md).</summary>
public sealed class FanoutSettings
{
    public const string Section = "NegotiationGame:Fanout";

    /// <summary>The key of the <see cref="TimeProvider"/> the fan-out runs on, which a test may replace on its own.</summary>
    public const string ClockKey = "fanout";

    /// <summary>Messages waiting for one connection; a connection that falls further behind is closed and resumes by sequence.</summary>
    public int OutboxCapacity { get; set; } = 1_024;

    /// <summary>Bytes SignalR buffers for one connection on either side of its transport (HttpConnectionDispatcherOptions).</summary>
    public long TransportBufferBytes { get; set; } = 64 * 1024;

    /// <summary>The most events one <c>watch</c> reply carries; the client asks again while <c>more</c> is true.</summary>
    public int WatchPageSize { get; set; } = 500;

    /// <summary>How often this host renews its registration with every game it watches, and catches up on what it missed.</summary>
    public TimeSpan RenewalInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// After a silo is declared dead, how long this host keeps retrying a renewal that failed before leaving it to the
    /// periodic renewal: the games of the dead silo re-activate elsewhere within it.
    /// </summary>
    public TimeSpan RecoveryPatience { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>The first pause before such a retry; each later pause doubles, up to <see cref="RenewalInterval"/>.</summary>
    public TimeSpan RecoveryFirstRetry { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The least time between two <c>spectators</c> messages of one game.</summary>
    public TimeSpan SpectatorCountInterval { get; set; } = TimeSpan.FromSeconds(1);
}

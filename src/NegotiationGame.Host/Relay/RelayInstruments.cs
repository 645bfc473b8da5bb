using System.Diagnostics;
using System.Diagnostics.Metrics;
using NegotiationGame.Host.Access;
using NegotiationGame.Storage.Telemetry;

namespace NegotiationGame.Host.Relay;

/// <summary>
/// What the relay measures: connections that watch games here (by the role of the token they first watched with),
/// connections closed for falling too far behind, and the span of taking a game's new entries to its watchers. The
/// deepest outbox is observed by the relay itself (<see cref="GameEventRelay"/>), only when metrics are collected.
/// </summary>
internal static class RelayInstruments
{
    public const string QueueDepthName = "negotiationgame.fanout.queue.depth";

    private static readonly UpDownCounter<int> Connections = ProductTelemetry.Meter.CreateUpDownCounter<int>(
        "negotiationgame.connections", "{connection}", "Connections watching games on this host, by role");

    private static readonly Counter<long> SlowClosed = ProductTelemetry.Meter.CreateCounter<long>(
        "negotiationgame.fanout.slow.closed", "{connection}", "Connections closed because their outbox was full");

    public static void Connected(AccessRole role) => Connections.Add(1, RoleTag(role));

    public static void Disconnected(AccessRole role) => Connections.Add(-1, RoleTag(role));

    public static void ClosedAsSlow() => SlowClosed.Add(1);

    /// <summary>
    /// Starts the span of forwarding entries of a game, as a child of the notification that brought them (the game
    /// grain's call, and so the command's trace), or null when nobody records spans.
    /// </summary>
    public static Activity? StartFanout(ActivityContext notification, int entries, int watchers)
    {
        var activity = ProductTelemetry.Source.StartActivity("relay fan-out", ActivityKind.Internal, notification);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("negotiationgame.entries", entries);
            activity.SetTag("negotiationgame.watchers", watchers);
        }

        return activity;
    }

    private static KeyValuePair<string, object?> RoleTag(AccessRole role) => new("role", role switch
    {
        AccessRole.Player => "player",
        AccessRole.Spectator => "spectator",
        AccessRole.Instructor => "instructor",
        _ => "other",
    });
}

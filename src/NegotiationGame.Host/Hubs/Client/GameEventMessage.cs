using System.Text.Json;

namespace NegotiationGame.Host.Hubs.Client;

/// <summary>A log entry as a client receives it: <paramref name="Data"/> is the event's JSON, or a redacted form.</summary>
public sealed record GameEventMessage(string GameId, long Sequence, DateTimeOffset At, string Type, JsonElement Data);

namespace NegotiationGame.MartenTrial;

/// <summary>
/// The one Marten event type: a log entry without its sequence, which Marten keeps as the event's stream version.
/// The event's own JSON stays a string, so that it reads back byte for byte (jsonb would reorder and respace it).
/// </summary>
public sealed record MartenLogEntry(DateTimeOffset At, Guid CommandId, string Type, string Data);

namespace NegotiationGame.Contracts;

/// <summary>
/// Another activation of a game or class (on another node, during a membership change) appended to its log first, so
/// this call's change was not written. The activation that lost has let go of its stale state; the same call sent
/// again (a command with the same command id) is decided on the log as it now is and counts once.
/// </summary>
[GenerateSerializer]
[Alias("ng.LogConflictException")]
public sealed class LogConflictException : Exception
{
    public LogConflictException(string streamId)
        : base($"Another node wrote to '{streamId}' at the same moment; send the same call again (a command with the same command id).")
    {
        StreamId = streamId;
    }

    /// <summary>The log that was contested: <c>game/…</c> or <c>class/…</c>.</summary>
    [Id(0)]
    public string StreamId { get; private set; }
}

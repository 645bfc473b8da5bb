namespace NegotiationGame.EventLog;

/// <summary>What a game's log says about a command's identity before it is decided.</summary>
public enum CommandIdStatus
{
    /// <summary>The sender has not used this id: decide the command.</summary>
    New,

    /// <summary>The sender already sent this very command under this id: acknowledge it again, append nothing.</summary>
    Repeated,

    /// <summary>The sender already used this id for a different command: refuse it.</summary>
    UsedForAnother,
}

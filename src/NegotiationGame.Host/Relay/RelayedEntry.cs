using NegotiationGame.Contracts;
using NegotiationGame.Storage;
using NegotiationGame.Host.Access;
using NegotiationGame.Host.Hubs.Client;

namespace NegotiationGame.Host.Relay;

/// <summary>
/// One log entry made ready to push, once for all the connections of a game: in full, and for a private message
/// also in the redacted form that connections outside its channel receive.
/// </summary>
public sealed class RelayedEntry
{
    private readonly IReadOnlyList<string>? _channel;

    public RelayedEntry(string gameId, LoggedEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Entry = entry;
        FullMessage = Audience.Message(gameId, entry, readable: true);
        Full = new PreparedMessage(FullMessage);
        if (Audience.IsPrivate(entry))
        {
            _channel = Audience.Channel(entry);
            RedactedMessage = Audience.Message(gameId, entry, readable: false);
            Redacted = new PreparedMessage(RedactedMessage);
        }
        else
        {
            RedactedMessage = FullMessage;
            Redacted = Full;
        }
    }

    public LoggedEvent Entry { get; }

    /// <summary>Whether some connections receive this entry redacted.</summary>
    public bool IsPrivate => _channel is not null;

    public GameEventMessage FullMessage { get; }

    public GameEventMessage RedactedMessage { get; }

    /// <summary>The entry as a <see cref="GameEventMessage"/>, serialized once for every connection it goes to.</summary>
    public PreparedMessage Full { get; }

    /// <summary>What a connection that may not read the entry receives (the entry itself unless it is private).</summary>
    public PreparedMessage Redacted { get; }

    /// <summary>The live form for one watcher; live pushes never reveal, the reveal is for catch-up after the end.</summary>
    public PreparedMessage For(AccessGrant grant) => MayRead(grant) ? Full : Redacted;

    /// <summary>The live form for one watcher, as a message to put in a batch.</summary>
    public GameEventMessage MessageFor(AccessGrant grant) => MayRead(grant) ? FullMessage : RedactedMessage;

    private bool MayRead(AccessGrant grant) => _channel is null || Audience.MayReadChannel(grant, _channel);
}

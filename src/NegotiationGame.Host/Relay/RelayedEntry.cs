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
        Full = new PreparedMessage(Audience.Message(gameId, entry, readable: true));
        if (Audience.IsPrivate(entry))
        {
            _channel = Audience.Channel(entry);
            Redacted = new PreparedMessage(Audience.Message(gameId, entry, readable: false));
        }
        else
        {
            Redacted = Full;
        }
    }

    public LoggedEvent Entry { get; }

    /// <summary>The entry as a <see cref="GameEventMessage"/>, serialized once for every connection it goes to.</summary>
    public PreparedMessage Full { get; }

    /// <summary>What a connection that may not read the entry receives (the entry itself unless it is private).</summary>
    public PreparedMessage Redacted { get; }

    /// <summary>The live form for one watcher; live pushes never reveal, the reveal is for catch-up after the end.</summary>
    public PreparedMessage For(AccessGrant grant) => _channel is null || Audience.MayReadChannel(grant, _channel) ? Full : Redacted;
}

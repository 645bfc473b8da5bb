using NegotiationGame.Contracts;
using NegotiationGame.Domain.Bots;
using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Negotiation.Events;
using NegotiationGame.Storage;

namespace NegotiationGame.EventLog;

/// <summary>
/// A game as the fold of its log: the header, the core's state after every entry applied so far, the last sequence
/// number and, for every command identity in the log, what that command said (which makes commands idempotent and
/// tells a reused id from a retry). The game grain keeps one live; replay builds one from a file.
/// </summary>
public sealed class GameRecord
{
    private readonly Dictionary<ulong, ulong> _contentByKey = [];
    private readonly BotStrategy?[] _bots;

    private GameRecord(GameCreated header, LoggedEvent first)
    {
        Header = header;
        Codec = new GameEventCodec(header.Scenario);
        State = GameState.Start(header.Scenario, header.Timing);
        LastSequence = first.Sequence;
        _bots = [.. header.Bots];
        Remember(first.CommandId);
    }

    public GameCreated Header { get; }

    public GameEventCodec Codec { get; }

    public GameState State { get; private set; }

    public long LastSequence { get; private set; }

    /// <summary>The strategy of the bot playing each party now, by party index; null where students play it.</summary>
    public IReadOnlyList<BotStrategy?> Bots => _bots;

    public static GameRecord Start(LoggedEvent first)
    {
        ArgumentNullException.ThrowIfNull(first);
        if (first.Sequence != 1 || first.Type != GameCreated.TypeName)
        {
            throw new FormatException($"A game log starts with {GameCreated.TypeName} at sequence 1, not {first.Type} at {first.Sequence}.");
        }

        return new GameRecord(GameCreatedCodec.Decode(first.Data), first);
    }

    /// <summary>The game at <paramref name="upToSequence"/> (or at the end of the log).</summary>
    public static GameRecord Replay(IEnumerable<LoggedEvent> log, long? upToSequence = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        GameRecord? record = null;
        foreach (var entry in log)
        {
            if (entry.Sequence > upToSequence)
            {
                break;
            }

            if (record is null)
            {
                record = Start(entry);
            }
            else
            {
                record.Apply(entry);
            }
        }

        return record ?? throw new FormatException("The log is empty.");
    }

    public CommandIdStatus Check(CommandIdentity identity) =>
        !_contentByKey.TryGetValue(identity.Key, out var content) ? CommandIdStatus.New
        : content == identity.Content ? CommandIdStatus.Repeated
        : CommandIdStatus.UsedForAnother;

    public void Apply(LoggedEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Apply(entry, Codec.Decode(entry.Type, entry.Data));
    }

    /// <summary>Applies an entry whose event the caller already holds decoded (the grain that just encoded it).</summary>
    public void Apply(LoggedEvent entry, GameEvent gameEvent)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Sequence != LastSequence + 1)
        {
            throw new FormatException($"Gap in the log: entry {entry.Sequence} follows {LastSequence}.");
        }

        State = GameRules.Apply(State, gameEvent);
        if (gameEvent is PlayerChanged changed)
        {
            _bots[changed.Party] = changed.Bot;
        }

        LastSequence = entry.Sequence;
        Remember(entry.CommandId);
    }

    private void Remember(Guid logId)
    {
        var identity = CommandIdentity.FromLogId(logId);
        _contentByKey[identity.Key] = identity.Content;
    }
}

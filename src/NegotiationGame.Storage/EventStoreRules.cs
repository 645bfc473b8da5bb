
namespace NegotiationGame.Storage;

/// <summary>The checks every store makes before it writes, so that all of them refuse the same appends.</summary>
public static class EventStoreRules
{
    /// <summary>Throws unless <paramref name="entries"/> is non-empty, numbered consecutively from <paramref name="lastSequence"/> + 1.</summary>
    public static void EnsureContinues(string streamId, long lastSequence, IReadOnlyList<LoggedEvent> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            throw new ArgumentException("An append needs at least one entry.", nameof(entries));
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Sequence != lastSequence + 1 + i)
            {
                throw new EventStoreConflictException(streamId, lastSequence + 1 + i, entries[i].Sequence);
            }
        }
    }
}

using System.Data.Common;

namespace NegotiationGame.Storage.Library;

/// <summary>Reads a library listing from any ADO.NET store; each store knows how its own row becomes an entry.</summary>
public static class LibraryRows
{
    public static async Task<IReadOnlyList<LibraryEntry>> ReadAllAsync<TReader>(TReader reader, Func<TReader, LibraryEntry> readEntry, CancellationToken cancellationToken)
        where TReader : DbDataReader
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(readEntry);
        var entries = new List<LibraryEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(readEntry(reader));
        }

        return entries;
    }
}

namespace NegotiationGame.Storage.Library;

/// <summary>
/// The scenario files a server's instructors uploaded, kept durably beside the games and found by the hash of their
/// text (<see cref="ScenarioContentHash"/>), so that the same file uploaded twice is one entry.
/// </summary>
public interface IScenarioLibrary
{
    /// <summary>
    /// Stores <paramref name="scenario"/> unless an entry of the same hash is there, in which case that entry stays as
    /// it was; refuses a new entry once the library holds <paramref name="maxEntries"/>.
    /// </summary>
    Task<LibraryAddOutcome> AddAsync(LibraryScenario scenario, int maxEntries, CancellationToken cancellationToken = default);

    /// <summary>Every entry, newest upload first, without the texts.</summary>
    Task<IReadOnlyList<LibraryEntry>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The entry of that hash with its text, or null.</summary>
    Task<LibraryScenario?> FindAsync(string contentHash, CancellationToken cancellationToken = default);

    /// <summary>Removes the entry of that hash; false when there was none. Classes that play it keep their own copy.</summary>
    Task<bool> RemoveAsync(string contentHash, CancellationToken cancellationToken = default);
}

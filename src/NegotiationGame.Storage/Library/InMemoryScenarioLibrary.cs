namespace NegotiationGame.Storage.Library;

/// <summary>The library in process memory, for tests: nothing survives the process.</summary>
public sealed class InMemoryScenarioLibrary : IScenarioLibrary
{
    private readonly Dictionary<string, LibraryScenario> _byHash = new(StringComparer.Ordinal);

    public Task<LibraryAddOutcome> AddAsync(LibraryScenario scenario, int maxEntries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        lock (_byHash)
        {
            if (_byHash.TryGetValue(scenario.Entry.ContentHash, out var stored))
            {
                return Task.FromResult(new LibraryAddOutcome(LibraryAddResult.AlreadyStored, stored.Entry));
            }

            if (_byHash.Count >= maxEntries)
            {
                return Task.FromResult(new LibraryAddOutcome(LibraryAddResult.Full, null));
            }

            _byHash.Add(scenario.Entry.ContentHash, scenario);
            return Task.FromResult(new LibraryAddOutcome(LibraryAddResult.Added, scenario.Entry));
        }
    }

    public Task<IReadOnlyList<LibraryEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_byHash)
        {
            return Task.FromResult<IReadOnlyList<LibraryEntry>>(
                [.. _byHash.Values.Select(scenario => scenario.Entry).OrderByDescending(entry => entry.UploadedAt).ThenBy(entry => entry.ContentHash, StringComparer.Ordinal)]);
        }
    }

    public Task<LibraryScenario?> FindAsync(string contentHash, CancellationToken cancellationToken = default)
    {
        lock (_byHash)
        {
            return Task.FromResult(_byHash.GetValueOrDefault(contentHash));
        }
    }

    public Task<bool> RemoveAsync(string contentHash, CancellationToken cancellationToken = default)
    {
        lock (_byHash)
        {
            return Task.FromResult(_byHash.Remove(contentHash));
        }
    }
}

using Microsoft.Data.Sqlite;
using NegotiationGame.Storage.Library;
using NegotiationGame.Storage.Sqlite;

namespace NegotiationGame.Cli.Tests;

public sealed class LibraryCommandTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "negotiationgame-tests", $"{Guid.NewGuid():N}.db");

    [Fact]
    public async Task The_library_of_a_stopped_server_is_listed_and_an_entry_removed_by_its_hash()
    {
        var kept = new LibraryEntry(ScenarioContentHash.Of("{ \"n\": 1 }"), "garden-wall", "The Garden Wall", "Seminar 3", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var removed = kept with { ContentHash = ScenarioContentHash.Of("{ \"n\": 2 }"), Title = "The Garden Wall, v2" };
        await using (var store = new SqliteEventStore(_path))
        {
            var library = new SqliteScenarioLibrary(store);
            await library.AddAsync(new LibraryScenario(kept, "{ \"n\": 1 }"), maxEntries: 10);
            await library.AddAsync(new LibraryScenario(removed, "{ \"n\": 2 }"), maxEntries: 10);
        }

        var before = CliRun.Of("library", "list", "--data", _path);
        var removal = CliRun.Of("library", "remove", removed.ContentHash.ToUpperInvariant(), "--data", _path);
        var again = CliRun.Of("library", "remove", removed.ContentHash, "--data", _path);
        var after = CliRun.Of("library", "list", "--data", _path);

        Assert.Equal(0, before.ExitCode);
        Assert.Contains($"{kept.ContentHash}  garden-wall  \"The Garden Wall\"  by \"Seminar 3\"", before.Output, StringComparison.Ordinal);
        Assert.Contains("2 uploaded scenario(s).", before.Output, StringComparison.Ordinal);
        Assert.Equal(0, removal.ExitCode);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("has no entry", again.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(removed.ContentHash, after.Output, StringComparison.Ordinal);
        Assert.Contains("1 uploaded scenario(s).", after.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_path)!, Path.GetFileName(_path) + "*"))
        {
            File.Delete(file);
        }
    }
}

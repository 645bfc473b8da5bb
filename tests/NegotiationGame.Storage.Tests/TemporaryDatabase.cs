using Microsoft.Data.Sqlite;

namespace NegotiationGame.Storage.Tests;

/// <summary>A path for a SQLite file of one test; disposing deletes the file and its WAL and shared-memory files.</summary>
internal sealed class TemporaryDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "negotiationgame-tests", $"{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(System.IO.Path.GetDirectoryName(Path)!, System.IO.Path.GetFileName(Path) + "*"))
        {
            File.Delete(file);
        }
    }
}

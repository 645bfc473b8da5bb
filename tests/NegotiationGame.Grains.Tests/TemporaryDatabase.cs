namespace NegotiationGame.Grains.Tests;

/// <summary>A SQLite file path under the temp folder whose files (database, WAL, shared memory) go when disposed.</summary>
internal sealed class TemporaryDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "negotiationgame-tests", $"{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        if (Directory.Exists(directory))
        {
            foreach (var file in Directory.GetFiles(directory, System.IO.Path.GetFileName(Path) + "*"))
            {
                File.Delete(file);
            }
        }
    }
}
